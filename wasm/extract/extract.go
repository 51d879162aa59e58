// Package extract finds every paper on a page from its HTML (or Atom) and its URL.
//
// Each supported site has an adapter in a file of its own that registers itself in init; a page whose
// site has no adapter, or whose adapter finds nothing, falls back to the generic page metadata
// (Highwire citation_* meta, schema.org JSON-LD, Dublin Core).
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/extract/internal/dom"
)

// MaxPageSize is the largest page Extract reads; a larger one is an error, not a slow tab.
const MaxPageSize = 64 << 20

// Result is what Extract found on one page.
type Result struct {
	// URL is the page URL Extract was given.
	URL string `json:"url"`
	// Site names the adapter that found the papers: "arxiv", "huggingface", …, or "generic".
	Site string `json:"site"`
	// Papers in page order, each normalized and valid, without duplicates.
	Papers []paper.Paper `json:"papers"`
}

// Errors callers can tell apart with errors.Is.
var (
	ErrEmptyPage = errors.New("the page is empty")
	ErrTooLarge  = fmt.Errorf("the page is larger than %d MB", MaxPageSize>>20)
	ErrBadURL    = errors.New("the page URL must be an absolute http(s) URL")
)

// Extract returns the papers on a page. A page with no paper is not an error: Papers is then empty.
// Malformed or truncated markup gives what can be read of it. Extract never writes to page.
func Extract(page []byte, pageURL string) (Result, error) { return extract(page, pageURL, true) }

// extract is Extract, with the adapters' fast paths only when fast is true: tests compare both ways.
func extract(page []byte, pageURL string, fast bool) (Result, error) {
	u, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Result{}, fmt.Errorf("%w: %q", ErrBadURL, pageURL)
	}
	res := Result{URL: pageURL, Papers: []paper.Paper{}}
	if len(bytes.TrimSpace(page)) == 0 {
		return res, ErrEmptyPage
	}
	if len(page) > MaxPageSize {
		return res, ErrTooLarge
	}
	page = toUTF8(page)
	for _, a := range adapters {
		if !fast || a.fast == nil || !a.match(u) {
			continue
		}
		if papers, ok := a.fast(page, u); ok {
			if papers = finish(papers, pageOf(page, u)); len(papers) > 0 {
				res.Site, res.Papers = a.site, papers
				return res, nil
			}
		}
	}
	doc, err := newDocument(page, u)
	if err != nil {
		return res, fmt.Errorf("parse page: %w", err)
	}
	for _, a := range adapters {
		if !a.match(u) {
			continue
		}
		papers := a.extract(doc)
		if papers = finish(papers, doc); len(papers) > 0 {
			res.Site, res.Papers = a.site, papers
			linkPositions(doc, papers)
			return res, nil
		}
	}
	res.Site = "generic"
	res.Papers = finish(extractGeneric(doc), doc)
	linkPositions(doc, res.Papers)
	return res, nil
}

// linkPositions sets each paper's Locator.Link to the first of the page's links (eachLink) whose href
// resolves to its Locator.Href.
func linkPositions(d *document, papers []paper.Paper) {
	want := make(map[string]int, len(papers)) // Href -> Link, 0 until found
	for _, p := range papers {
		if p.Locator.Href != "" {
			want[p.Locator.Href] = 0
		}
	}
	left, count := len(want), 0
	if left > 0 && d.Document != nil && len(d.Nodes) > 0 {
		eachLink(d.Nodes[0], func(href string) bool {
			count++
			if abs := d.abs(href); abs != "" {
				if link, wanted := want[abs]; wanted && link == 0 {
					want[abs] = count
					left--
				}
			}
			return left > 0
		})
	}
	for i := range papers {
		papers[i].Locator.Link = want[papers[i].Locator.Href]
	}
}

// eachLink calls visit with the href attribute of each link below n as document.links lists them: a and area
// elements (HTML ones: not SVG's or MathML's) with an href, in document order, none inside a template (its
// content is not in the document), until visit returns false.
func eachLink(n *html.Node, visit func(href string) bool) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.Namespace == "" && (c.DataAtom == atom.A || c.DataAtom == atom.Area) {
			if i := slices.IndexFunc(c.Attr, isHref); i >= 0 && !visit(c.Attr[i].Val) {
				return false
			}
		}
		if c.Namespace == "" && c.DataAtom == atom.Template {
			continue
		}
		if !eachLink(c, visit) {
			return false
		}
	}
	return true
}

func isHref(a html.Attribute) bool { return a.Key == "href" && a.Namespace == "" }

// adapter extracts the papers of one site. match looks at the URL only; extract may return nothing,
// and then the next matching adapter, and finally the generic one, is tried.
type adapter struct {
	site  string
	match func(u *url.URL) bool
	// fast, when set, reads the site's largest pages without building the DOM: it returns ok false
	// whenever it is not sure to give what extract gives on the tree, and extract then runs as usual.
	fast    func(page []byte, u *url.URL) (papers []paper.Paper, ok bool)
	extract func(d *document) []paper.Paper
}

// adapters is filled by each site file's init, in file-name order; adapters match disjoint hosts.
var adapters []adapter

func register(a adapter) { adapters = append(adapters, a) }

// hostIs reports whether u's host is one of hosts or a subdomain of one.
func hostIs(u *url.URL, hosts ...string) bool {
	h := strings.ToLower(u.Hostname())
	for _, want := range hosts {
		if h == want || strings.HasSuffix(h, "."+want) {
			return true
		}
	}
	return false
}

// finish normalizes every paper, fills what can be derived (ID, absolute URLs, locator), drops the
// invalid ones and merges duplicates, keeping page order.
func finish(papers []paper.Paper, d *document) []paper.Paper {
	out := make([]paper.Paper, 0, len(papers))
	seen := make(map[string]int, len(papers))
	for _, p := range papers {
		p.URL = d.abs(p.URL)
		p.PDFURL = d.abs(p.PDFURL)
		if p.URL == "" {
			p.URL = d.url.String()
		}
		p.Locator.Href = d.abs(p.Locator.Href)
		p.Normalize()
		if p.Validate() != nil {
			continue
		}
		if i, dup := seen[p.ID]; dup {
			fillEmpty(&out[i], p)
			continue
		}
		seen[p.ID] = len(out)
		out = append(out, p)
	}
	return out
}

// fillEmpty fills the empty fields of dst from src, so dst's source takes precedence: the same paper shown
// twice on a page keeps its first entry, and the generic adapter ranks its metadata sources.
func fillEmpty(dst *paper.Paper, src paper.Paper) {
	fill := func(d *string, s string) {
		if *d == "" {
			*d = s
		}
	}
	fill(&dst.Title, src.Title)
	fill(&dst.Version, src.Version)
	fill(&dst.Abstract, src.Abstract)
	fill(&dst.URL, src.URL)
	fill(&dst.PDFURL, src.PDFURL)
	fill(&dst.Published, src.Published)
	fill(&dst.Venue, src.Venue)
	fill(&dst.ArxivID, src.ArxivID)
	fill(&dst.DOI, src.DOI)
	if len(dst.Authors) == 0 {
		dst.Authors = src.Authors
	}
	if len(dst.Categories) == 0 {
		dst.Categories = src.Categories
	}
}

// document is a parsed page with its URL.
type document struct {
	*dom.Document
	url *url.URL
	raw []byte
	// origin is "scheme://host" of url, for resolving plain root-relative links without url.Parse.
	origin string
	// metas indexes the <meta> values by lower-cased name; nil until meta is first called.
	metas map[string][]string
}

func newDocument(page []byte, u *url.URL) (*document, error) {
	doc, err := dom.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, err
	}
	d := pageOf(page, u)
	d.Document = doc
	return d, nil
}

// pageOf is a document without its tree: enough to resolve links, as finish does.
func pageOf(page []byte, u *url.URL) *document {
	d := &document{url: u, raw: page}
	if u.Scheme == "http" || u.Scheme == "https" {
		d.origin = (&url.URL{Scheme: u.Scheme, User: u.User, Host: u.Host}).String()
	}
	return d
}

// abs resolves href against the page URL; it returns "" for an empty href or a non-http(s) result.
func (d *document) abs(href string) string {
	href = strings.TrimSpace(href)
	if href == "" {
		return ""
	}
	if d.origin != "" && plainRootPath(href) {
		return d.origin + href // what ResolveReference gives, at a fraction of the cost (3 links per listing entry)
	}
	ref, err := url.Parse(href)
	if err != nil {
		return ""
	}
	r := d.url.ResolveReference(ref)
	if r.Scheme != "http" && r.Scheme != "https" {
		return ""
	}
	return r.String()
}

// plainRootPath reports whether href is a path from the site root ("/abs/2401.12345v2") that needs no
// escaping, has no query, fragment or dot segment, so resolving it only prefixes the origin.
func plainRootPath(href string) bool {
	if len(href) < 2 || href[0] != '/' || strings.Contains(href, "//") || strings.Contains(href, "/.") {
		return false
	}
	for i := 0; i < len(href); i++ {
		switch c := href[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '/', c == '-', c == '.', c == '_', c == '~':
		default:
			return false
		}
	}
	return true
}

// meta returns the content of every <meta name=…> (or property=…) with that name, in page order.
// The page's meta are read in one walk, on the first call: adapters ask for a dozen names.
func (d *document) meta(name string) []string {
	if d.metas == nil {
		d.metas = map[string][]string{}
		d.Find("meta").Each(func(_ int, s *dom.Selection) {
			n, ok := s.Attr("name")
			if !ok {
				n, _ = s.Attr("property")
			}
			if c := strings.TrimSpace(s.AttrOr("content", "")); c != "" {
				key := strings.ToLower(n)
				d.metas[key] = append(d.metas[key], c)
			}
		})
	}
	return slices.Clone(d.metas[strings.ToLower(name)]) // a copy: Paper.Normalize edits Authors in place
}

// firstMeta returns the first meta value of the first name that has one.
func (d *document) firstMeta(names ...string) string {
	for _, n := range names {
		if v := d.meta(n); len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

// text is the selection's text with white space collapsed.
func text(s *dom.Selection) string { return paper.CleanText(s.Text()) }

// toUTF8 decodes the legacy single-byte encodings pages still declare (Latin-1, Windows-1252);
// anything else that is not valid UTF-8 has its bad bytes replaced, so parsing always sees text.
func toUTF8(page []byte) []byte {
	if bytes.HasPrefix(page, []byte("\xef\xbb\xbf")) {
		page = page[3:]
	}
	if utf8.Valid(page) {
		return page
	}
	head := bytes.ToLower(page[:min(len(page), 2048)])
	if bytes.Contains(head, []byte("iso-8859-1")) || bytes.Contains(head, []byte("windows-1252")) ||
		bytes.Contains(head, []byte("latin1")) {
		return decodeWindows1252(page)
	}
	return bytes.ToValidUTF8(page, []byte("\uFFFD"))
}

// windows1252High maps the bytes 0x80-0x9F of Windows-1252, which pages declared as Latin-1 use too
// (the five unassigned ones become U+FFFD); every other byte is the code point of the same value.
// Written out because the x/text charmap package costs 21 KB gzipped in the wasm for these 32 runes;
// a test checks the table against charmap.Windows1252.
var windows1252High = [32]rune{
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
}

func decodeWindows1252(page []byte) []byte {
	out := make([]byte, 0, len(page)+len(page)/8)
	for _, c := range page {
		switch {
		case c < utf8.RuneSelf:
			out = append(out, c)
		case c < 0xA0:
			out = utf8.AppendRune(out, windows1252High[c-0x80])
		default:
			out = utf8.AppendRune(out, rune(c))
		}
	}
	return out
}
