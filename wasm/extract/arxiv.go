package extract

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/extract/internal/dom"
)

// arXiv pages: category listings (/list/…/new|recent|pastweek), search results, /abs/ pages and the
// export API's Atom feed. Listings and search results give one paper per entry; an /abs/ page gives its
// own paper. IDs never carry the version: it goes in Paper.Version.

func init() {
	register(adapter{
		site:    "arxiv",
		match:   func(u *url.URL) bool { return hostIs(u, arxivHosts...) },
		fast:    arxivFastListing,
		extract: extractArxiv,
	})
}

// arxivAbsTitle is where a card goes on an /abs/ page: right under the title.
const arxivAbsTitle = "h1.title"

func extractArxiv(d *document) []paper.Paper {
	if arxivIsFeed(d) {
		return arxivFeed(d.raw)
	}
	if strings.HasPrefix(d.url.Path, "/abs/") {
		if p, ok := arxivAbs(d); ok {
			return []paper.Paper{p}
		}
		return nil
	}
	if out := arxivListing(d); len(out) > 0 {
		return out
	}
	return arxivSearch(d)
}

// arxivIsFeed tells the export API's Atom answer from an HTML page, by URL or by its first bytes.
func arxivIsFeed(d *document) bool {
	if strings.HasPrefix(d.url.Path, "/api/") {
		return true
	}
	head := bytes.TrimSpace(d.raw[:min(len(d.raw), 512)])
	return bytes.HasPrefix(head, []byte("<?xml")) && bytes.Contains(head, []byte("<feed"))
}

// arxivListing reads every dt/dd pair of every dl#articles: /recent repeats the dl once per day and /new
// once per section (new submissions, cross-lists, replacements). Older pages have a plain dl in #dlpage.
// A listing can hold 2000 entries, so each entry is read in one walk over its nodes, not one selector
// query per field.
func arxivListing(d *document) []paper.Paper {
	var out []paper.Paper
	for _, dt := range d.Find("dl#articles > dt, #dlpage > dl > dt").Nodes {
		if p, ok := arxivListingEntry(dt); ok {
			out = append(out, p)
		}
	}
	return out
}

func arxivListingEntry(dt *html.Node) (paper.Paper, bool) {
	var href, pdf, fallback string
	walkElements(dt, func(n *html.Node) bool {
		if n.Data == "a" {
			switch nodeAttr(n, "title") {
			case "Abstract":
				href = nodeAttr(n, "href")
			case "Download PDF":
				pdf = nodeAttr(n, "href")
			default:
				if h := nodeAttr(n, "href"); fallback == "" && strings.Contains(h, "/abs/") {
					fallback = h
				}
			}
		}
		return true
	})
	if href == "" {
		href = fallback
	}
	id, version, ok := arxivFromHref(href)
	dd := nodeNextElement(dt)
	if !ok || dd == nil || dd.Data != "dd" {
		return paper.Paper{}, false
	}
	p := paper.Paper{ArxivID: id, Version: version, URL: "/abs/" + id, PDFURL: pdf, Locator: paper.Locator{Href: href}}
	walkElements(dd, func(n *html.Node) bool {
		switch {
		case nodeHasClass(n, "list-title"):
			p.Title = nodeText(n)
		case nodeHasClass(n, "list-authors"):
			walkElements(n, func(a *html.Node) bool {
				if a.Data == "a" {
					p.Authors = append(p.Authors, nodeText(a))
				}
				return true
			})
		case nodeHasClass(n, "list-subjects"):
			p.Categories = arxivSubjects(nodeText(n))
		case nodeHasClass(n, "list-journal-ref"):
			p.Venue = strings.TrimPrefix(strings.TrimSpace(nodeText(n)), "Journal-ref:")
		case n.Data == "p" && nodeHasClass(n, "mathjax"):
			p.Abstract = nodeText(n)
		default:
			return true
		}
		return false
	})
	return p, true
}

// arxivFromHref reads the ID of an /abs/ link, relative or absolute, without resolving it first.
func arxivFromHref(href string) (id, version string, ok bool) {
	if i := strings.Index(href, "/abs/"); i >= 0 {
		return paper.ParseArxiv(href[i+len("/abs/"):])
	}
	return "", "", false
}

// walkElements calls visit for every element below n in document order; visit returns false to skip
// the element's own descendants.
func walkElements(n *html.Node, visit func(*html.Node) bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !visit(c) {
			continue
		}
		walkElements(c, visit)
	}
}

// nodeText is the raw text below n; Paper.Normalize cleans it.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			} else {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

func nodeNextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

func nodeAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// nodeHasClass reports whether n's class attribute has the token class, without allocating.
func nodeHasClass(n *html.Node, class string) bool { return classListHas(nodeAttr(n, "class"), class) }

// classListHas reports whether list, a class attribute's value, has the token class.
func classListHas(list, class string) bool {
	for list != "" {
		list = strings.TrimLeft(list, " \t\n\f\r")
		end := strings.IndexAny(list, " \t\n\f\r")
		if end < 0 {
			end = len(list)
		}
		if list[:end] == class {
			return true
		}
		list = list[end:]
	}
	return false
}

// arxivSearch reads the results of arxiv.org/search: one li.arxiv-result each.
func arxivSearch(d *document) []paper.Paper {
	var out []paper.Paper
	d.Find("li.arxiv-result").Each(func(_ int, li *dom.Selection) {
		var href, id, version string
		li.Find(`p.list-title a[href*="/abs/"]`).EachWithBreak(func(_ int, a *dom.Selection) bool {
			href = a.AttrOr("href", "")
			var ok bool
			id, version, ok = paper.ParseArxiv(d.abs(href))
			return !ok
		})
		if id == "" {
			return
		}
		abstract := li.Find("p.abstract span.abstract-full").First()
		if abstract.Length() == 0 {
			abstract = li.Find("p.abstract").First()
		}
		if version == "" {
			// The abstract's element id carries the version: "2401.12345v2-abstract-full".
			if v, _, ok := strings.Cut(abstract.AttrOr("id", ""), "-abstract"); ok {
				_, version, _ = paper.ParseArxiv(v)
			}
		}
		// Category tags carry a tooltip with the subject's name; the "doi" tag beside them does not.
		var cats []string
		li.Find("div.tags span.tag[data-tooltip]").Each(func(_ int, s *dom.Selection) {
			if c := text(s); arxivIsCategory(c) {
				cats = append(cats, c)
			}
		})
		doi, _ := paper.FindDOI(li.Find(`div.tags a[href*="doi.org/"]`).First().AttrOr("href", ""))
		out = append(out, paper.Paper{
			ArxivID:    id,
			Version:    version,
			Title:      li.Find("p.title").First().Text(),
			Authors:    rawTexts(li.Find("p.authors a")),
			Abstract:   strings.TrimPrefix(textSkipping(abstract, "a"), "Abstract:"),
			URL:        "/abs/" + id,
			PDFURL:     li.Find(`p.list-title a[href*="/pdf/"]`).First().AttrOr("href", ""),
			Published:  arxivSearchDate(text(li.Find("p.is-size-7").First())),
			Venue:      arxivLabelled(li.Find("p.comments").FilterFunction(arxivIsJournalRef).First(), "Journal ref:"),
			Categories: cats,
			DOI:        doi,
			Locator:    paper.Locator{Href: href},
		})
	})
	return out
}

// arxivIsJournalRef picks the "Journal ref:" line among the p.comments lines of a search result.
func arxivIsJournalRef(_ int, s *dom.Selection) bool {
	return strings.Contains(s.Text(), "Journal ref:")
}

// arxivSearchDate prefers the first submission ("v1 submitted …") over the latest one.
func arxivSearchDate(s string) string {
	var date string
	arxivSearchDates(s, func(v1 bool, d string) {
		if date == "" || v1 {
			date = d
		}
	})
	return paper.NormalizeDate(strings.Replace(date, ",", "", 1))
}

// arxivAbs reads an /abs/ page: the body first (it shows the version on screen), the citation_* meta
// when the body lacks something.
func arxivAbs(d *document) (paper.Paper, bool) {
	meta := metaIndex(d)
	id, version, ok := paper.ParseArxiv(meta.first("citation_arxiv_id"))
	if !ok {
		if id, version, ok = paper.ParseArxiv(d.url.String()); !ok {
			return paper.Paper{}, false
		}
	}
	if version == "" {
		_, version, _ = paper.ParseArxiv(d.url.String())
	}
	abs := d.Find("#abs").First()
	if abs.Length() == 0 {
		abs = d.Selection
	}
	dateline := text(abs.Find(".dateline").First())
	if v := arxivThisVersionOf(dateline); v != "" {
		version = v
	} else if _, v, ok := paper.ParseArxiv(text(abs.Find("td.arxividv .arxivid a").First())); ok {
		version = v
	}
	p := paper.Paper{
		ArxivID:    id,
		Version:    version,
		Title:      text(abs.Find("h1.title").First()),
		Authors:    texts(abs.Find("div.authors a")),
		Abstract:   strings.TrimPrefix(text(abs.Find("blockquote.abstract").First()), "Abstract:"),
		URL:        "/abs/" + id,
		PDFURL:     meta.first("citation_pdf_url"),
		Venue:      text(abs.Find("td.jref").First()),
		Categories: arxivSubjects(text(abs.Find("td.subjects").First())),
		Locator:    paper.Locator{Selector: arxivAbsTitle},
	}
	if date := arxivSubmitted(dateline); date != "" {
		p.Published = date
	} else {
		p.Published = meta.first("citation_date", "citation_publication_date", "citation_online_date")
	}
	if p.Title == "" {
		p.Title = meta.first("citation_title")
	}
	if len(p.Authors) == 0 {
		p.Authors = meta.all("citation_author")
	}
	if p.Abstract == "" {
		p.Abstract = meta.first("citation_abstract")
	}
	if p.PDFURL == "" {
		p.PDFURL = d.Find("a.download-pdf").First().AttrOr("href", "")
	}
	// A journal DOI says more than the DOI arXiv gives every paper; keep the arXiv one when it is all there is.
	for _, href := range []string{
		d.Find("td.doi a").First().AttrOr("href", ""),
		meta.first("citation_doi"),
		d.Find("a#arxiv-doi-link").First().AttrOr("href", ""),
	} {
		if doi, err := paper.NormalizeDOI(href); err == nil {
			p.DOI = doi
			break
		}
	}
	return p, true
}

// arxivSubjects turns "Computation and Language (cs.CL); Machine Learning (cs.LG)" into [cs.CL cs.LG].
func arxivSubjects(s string) []string {
	var out []string
	for i := strings.IndexByte(s, '('); i >= 0; {
		subject, end := arxivSubjectAt(s, i)
		if end >= 0 {
			out = append(out, subject)
		} else {
			end = i + 1
		}
		j := strings.IndexByte(s[end:], '(')
		if j < 0 {
			break
		}
		i = end + j
	}
	return out
}

// arxivIsCategory accepts "cs.CL", "hep-th", "q-bio.NC" and not the other tags a result may carry.
func arxivIsCategory(s string) bool {
	return len(arxivSubjects("("+s+")")) > 0
}

// arxivLabelled is the text of a "Label: value" line without its label.
func arxivLabelled(s *dom.Selection, label string) string {
	t := text(s)
	if i := strings.Index(t, label); i >= 0 {
		t = t[i+len(label):]
	}
	return strings.TrimSpace(t)
}

// arxivEntry is one entry of the export API's Atom feed (http://export.arxiv.org/api/query?…).
type (
	arxivEntry struct {
		ID, Title, Summary, Published, DOI, JournalRef string
		Authors                                        []string
		Links                                          []arxivLink
		Categories                                     []string // the term of each <category>
		Primary                                        string   // the term of <arxiv:primary_category>
	}
	arxivLink struct {
		Href, Rel, Title, Type string
	}
)

// arxivFeed reads the feed with x/net/html's tokenizer, which the page parser links anyway (encoding/xml
// would add about 45 KB gzipped to the extension's wasm). The Atom elements carry no namespace clash in
// the API's answers, so their local names (with the "arxiv:" prefix the API always uses) are enough. An
// entry counts once its </entry> is read, so a truncated feed still gives its complete entries.
func arxivFeed(raw []byte) []paper.Paper {
	z := html.NewTokenizer(bytes.NewReader(raw))
	var out []paper.Paper
	var e *arxivEntry
	var field *strings.Builder // the text of the entry field being read
	var text strings.Builder
	var set func(string)
	inAuthor := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.TextToken:
			if field != nil {
				field.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			field, set = nil, nil
			if tok.Data == "entry" {
				e, inAuthor = &arxivEntry{}, false
				continue
			}
			if e == nil {
				continue
			}
			set = arxivEntryField(e, tok, inAuthor)
			switch {
			case tok.Data == "author":
				inAuthor = true
			case set != nil && tt == html.StartTagToken:
				text.Reset()
				field = &text
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if field != nil && set != nil {
				set(field.String())
			}
			field, set = nil, nil
			switch string(name) {
			case "author":
				inAuthor = false
			case "entry":
				if e != nil {
					if p, ok := e.paper(); ok {
						out = append(out, p)
					}
				}
				e = nil
			}
		}
	}
}

// arxivEntryField files the attributes of an element of e and returns where its text goes, or nil.
func arxivEntryField(e *arxivEntry, tok html.Token, inAuthor bool) func(string) {
	attr := func(key string) string {
		for _, a := range tok.Attr {
			if a.Key == key {
				return a.Val
			}
		}
		return ""
	}
	switch tok.Data {
	case "id":
		return func(s string) { e.ID = s }
	case "title":
		return func(s string) { e.Title = s }
	case "summary":
		return func(s string) { e.Summary = s }
	case "published":
		return func(s string) { e.Published = s }
	case "arxiv:doi":
		return func(s string) { e.DOI = s }
	case "arxiv:journal_ref":
		return func(s string) { e.JournalRef = s }
	case "name":
		if inAuthor {
			return func(s string) { e.Authors = append(e.Authors, s) }
		}
	case "link":
		e.Links = append(e.Links, arxivLink{Href: attr("href"), Rel: attr("rel"), Title: attr("title"), Type: attr("type")})
	case "category":
		e.Categories = append(e.Categories, attr("term"))
	case "arxiv:primary_category":
		e.Primary = attr("term")
	}
	return nil
}

func (e arxivEntry) paper() (paper.Paper, bool) {
	// An error answer is an entry too, with an id like http://arxiv.org/api/errors#…: not a paper.
	id, version, ok := paper.ParseArxiv(strings.TrimSpace(e.ID))
	if !ok {
		return paper.Paper{}, false
	}
	p := paper.Paper{
		ArxivID:   id,
		Version:   version,
		Title:     e.Title,
		Abstract:  e.Summary,
		Published: e.Published,
		DOI:       strings.TrimSpace(e.DOI),
		Venue:     e.JournalRef,
		URL:       "https://arxiv.org/abs/" + id,
	}
	p.Authors = append(p.Authors, e.Authors...)
	if t := strings.TrimSpace(e.Primary); t != "" {
		p.Categories = append(p.Categories, t)
	}
	for _, c := range e.Categories {
		if c = strings.TrimSpace(c); arxivIsCategory(c) {
			p.Categories = append(p.Categories, c)
		}
	}
	for _, l := range e.Links {
		switch {
		case l.Title == "pdf" || l.Type == "application/pdf":
			p.PDFURL = strings.TrimSpace(l.Href)
		case l.Rel == "alternate" && p.Locator.Href == "":
			p.Locator.Href = strings.TrimSpace(l.Href)
		}
	}
	if p.Locator.Href == "" {
		p.Locator.Href = p.URL
	}
	return p, true
}

// rawTexts is the text of each element of s as it stands: Paper.Normalize cleans it once, later,
// so listings do not pay for cleaning every field twice.
func rawTexts(s *dom.Selection) []string {
	out := make([]string, 0, s.Length())
	s.Each(func(_ int, e *dom.Selection) { out = append(out, e.Text()) })
	return out
}

// texts is the cleaned text of each element of s, skipping empty ones.
func texts(s *dom.Selection) []string {
	out := make([]string, 0, s.Length())
	s.Each(func(_ int, e *dom.Selection) {
		if t := text(e); t != "" {
			out = append(out, t)
		}
	})
	return out
}

// textSkipping is the cleaned text of s without the text of its descendants named skip: the
// "△ Less" toggle link inside an arXiv search abstract, for instance.
func textSkipping(s *dom.Selection, skip string) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && n.Data == skip:
			b.WriteByte(' ')
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range s.Nodes {
		walk(n)
	}
	return paper.CleanText(b.String())
}
