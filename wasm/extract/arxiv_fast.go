package extract

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/papergist/papergist/shared/paper"
)

// arxivFastListing reads an arXiv listing with x/net/html's tokenizer, without building the DOM.
//
// Why it exists: a /new or /recent listing with abstracts is the largest page users open (1-4 MB), and
// html.Parse building the whole tree took about two thirds of extracting one. This path streams the
// tokens, keeps only the entries' fields, and gives exactly what arxivListing gives on the tree. It only
// takes pages whose markup leaves no doubt about the tree the parser would build: every <dl> is a
// dl#articles whose content is well nested, closed and made of a few known tags; anything else (and
// any page whose entries it cannot read) returns ok false, and the caller parses the tree as before.
// TestArxivFastListingMatchesTree holds it to the tree path on every arXiv page we have.
func arxivFastListing(page []byte, u *url.URL) (papers []paper.Paper, ok bool) {
	if !strings.HasPrefix(u.Path, "/list/") || arxivIsFeed(&document{url: u, raw: page}) {
		return nil, false
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	// open counts the start tags of formatting elements and of risky contexts not yet closed: the parser
	// reconstructs an unclosed b or a inside the dl (even around white space, so between a dt and its
	// dd), and it reads a dl inside a table or svg otherwise.
	open := map[string]int{}
	links := 0 // the links before the current token, as eachLink counts them (Locator.Link)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return papers, len(papers) > 0
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
		default:
			continue
		}
		name, hasAttr := tagName(z)
		tag := tagString(name)
		if tt != html.EndTagToken && hasAttr && (tag == "a" || tag == "area") && open["svg"] == 0 && open["math"] == 0 &&
			readAttrs(z, false).hasHref {
			links++
		}
		tracked := arxivFastFormatting[tag] || arxivFastRisky[tag]
		switch {
		case tt == html.EndTagToken:
			if tracked && open[tag] > 0 {
				open[tag]--
			}
		case arxivFastBanned[tag], tt == html.SelfClosingTagToken && arxivFastRisky[tag]:
			return nil, false
		case tracked:
			open[tag]++
		case tag == "dl":
			for _, n := range open {
				if n > 0 {
					return nil, false
				}
			}
			if !hasAttr || string(readAttrs(z, false).id) != "articles" {
				return nil, false
			}
			s := arxivFastDL{links: links}
			if !s.readDL(z) {
				return nil, false
			}
			papers = append(papers, s.papers...)
			links = s.links
		}
	}
}

var (
	// arxivFastBanned are tags around which the tokenizer alone cannot tell what the parser builds.
	arxivFastBanned = map[string]bool{"noscript": true, "plaintext": true, "template": true, "frameset": true,
		"xmp": true, "noembed": true, "noframes": true, "iframe": true}
	// arxivFastFormatting are the elements the parser reconstructs when they are left open.
	arxivFastFormatting = map[string]bool{"a": true, "b": true, "big": true, "code": true, "em": true, "font": true,
		"i": true, "nobr": true, "s": true, "small": true, "strike": true, "strong": true, "tt": true, "u": true}
	// arxivFastRisky are contexts a dl#articles must not be inside: tables foster-parent, foreign content
	// and select change how tags are read.
	arxivFastRisky = map[string]bool{"table": true, "select": true, "svg": true, "math": true, "button": true, "object": true}
	// arxivFastInline are the phrasing tags a listing entry may hold; void ones have no end tag.
	arxivFastInline = map[string]bool{"span": true, "a": true, "b": true, "i": true, "em": true, "strong": true,
		"sub": true, "sup": true, "code": true, "tt": true, "u": true, "small": true, "s": true, "abbr": true,
		"cite": true, "q": true, "kbd": true, "var": true, "samp": true, "mark": true, "time": true, "label": true}
	arxivFastVoid  = map[string]bool{"br": true, "wbr": true, "img": true}
	arxivFastBlock = map[string]bool{"div": true, "p": true, "dt": true, "dd": true}
)

// tagString is string(name) without allocating for the tags a listing is made of.
func tagString(name []byte) string {
	switch string(name) {
	case "a":
		return "a"
	case "span":
		return "span"
	case "div":
		return "div"
	case "p":
		return "p"
	case "dt":
		return "dt"
	case "dd":
		return "dd"
	}
	return string(name)
}

// tagAttrs are the attributes the listing reads, each the first of its key as nodeAttr gives; hasHref
// whether there is an href at all (a link document.links lists). id, class and title are the tokenizer's
// bytes, kept as bytes since they are only compared: valid only until its next Next, so never stored.
type tagAttrs struct {
	id, class, title []byte
	href             string
	hasHref          bool
}

// tagName is the tokenizer's TagName, read from the raw tag when it is plain (lower case, no NUL), which
// spares TagName's copy of the name on every tag.
func tagName(z *html.Tokenizer) (name []byte, hasAttr bool) {
	if name, hasAttr, ok := rawTagName(z.Raw()); ok {
		return name, hasAttr
	}
	return z.TagName()
}

// rawTagName reads a tag's name from its raw bytes; hasAttr may be true for attributes the tokenizer drops.
func rawTagName(raw []byte) (name []byte, hasAttr, ok bool) {
	i := 1
	if len(raw) > i && raw[i] == '/' {
		i++
	}
	j := i
	for j < len(raw) && !tagNameEnd(raw[j]) {
		if c := raw[j]; c == 0 || isUpper(c) {
			return nil, false, false
		}
		j++
	}
	if j == i || raw[len(raw)-1] != '>' {
		return nil, false, false
	}
	k := skipTagSpace(raw, j)
	return raw[i:j], raw[1] != '/' && k < len(raw)-1, true
}

func tagNameEnd(c byte) bool { return c == '/' || c == '>' || isSpace(c) }

func skipTagSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

// readAttrs reads the current start tag's attributes; href is kept only when wantHref (author links are long).
func readAttrs(z *html.Tokenizer, wantHref bool) tagAttrs {
	var a tagAttrs
	for more := true; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		a.set(k, v, wantHref)
	}
	return a
}

// set keeps one attribute if it is one the fast path uses, and only the first of its key. x/net v0.62.0
// already drops repeated keys (readTag), so the first-of-its-key checks are a guard only: they keep the
// tree's nodeAttr choice should a later x/net hand repeats through.
func (a *tagAttrs) set(k, v []byte, wantHref bool) {
	var dst *[]byte
	switch string(k) {
	case "id":
		dst = &a.id
	case "class":
		dst = &a.class
	case "title":
		dst = &a.title
	case "href":
		first := !a.hasHref
		a.hasHref = true
		if wantHref && first {
			a.href = string(v)
		}
		return
	default:
		return
	}
	if *dst == nil { // v is nil when empty, and valid only until the tokenizer's next Next
		if *dst = v; v == nil {
			*dst = []byte{}
		}
	}
}

// arxivFastDL reads one dl#articles the way arxivListingEntry reads its tree: a dt gives an ID when one of
// its links does, and the dd right after it gives the fields.
type arxivFastDL struct {
	papers []paper.Paper
	stack  []string // the open elements below the dl
	// pending is the paper of the dt just closed, until the next element of the dl starts.
	pending *paper.Paper
	// reading is the paper of the dd being read, nil outside such a dd.
	reading                *paper.Paper
	href, pdf, fallback    string     // the links of the dt being read
	hrefLink, fallbackLink int        // their positions (Locator.Link)
	links                  int        // the page's links so far, this dl's included
	field                  arxivField // which field of the dd the text goes to
	fieldDepth, authors    int        // stack depth of the field element, and of a list-authors element
	authorDepth            int        // stack depth of the author link being read
	text                   []byte     // the field's or author's text so far, reused
}

// arxivField is the field of a listing's dd whose text is being read.
type arxivField byte

const (
	fieldTitle arxivField = iota + 1 // 0: no field being read
	fieldSubjects
	fieldVenue
	fieldAbstract
)

// readDL consumes the tokens up to the dl's end tag; it returns false at anything it is unsure of.
func (s *arxivFastDL) readDL(z *html.Tokenizer) bool {
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken, html.DoctypeToken:
			return false
		case html.CommentToken:
			continue
		case html.TextToken:
			if bytes.IndexByte(z.Raw(), 0) >= 0 {
				return false // the parser drops NUL bytes
			}
			if s.fieldDepth > 0 || s.authorDepth > 0 {
				s.text = append(s.text, z.Text()...) // only then: unescaping every text token costs
			}
			continue
		}
		name, hasAttr := tagName(z)
		tag := tagString(name)
		if tt == html.EndTagToken {
			if len(s.stack) == 0 {
				return tag == "dl"
			}
			if s.stack[len(s.stack)-1] != tag {
				return false
			}
			s.end(len(s.stack))
			s.stack = s.stack[:len(s.stack)-1]
			continue
		}
		void, heading := arxivFastVoid[tag], tag == "h3" // /new heads each section with an h3 in the dl
		switch {
		case !void && !heading && !arxivFastInline[tag] && !arxivFastBlock[tag],
			arxivFastBlock[tag] && s.open("p"), // the start tag would close the open p
			len(s.stack) == 0 && tag != "dt" && tag != "dd" && !heading,
			len(s.stack) > 0 && heading,
			len(s.stack) > 0 && (tag == "dt" || tag == "dd"),
			tag == "a" && s.open("a"):
			return false
		}
		var attrs tagAttrs
		// Attributes are read only for links and for the elements of a dd that may be a field, the only ones
		// this loop and start use: asking the tokenizer for the others would only copy them.
		if hasAttr && (tag == "a" || len(s.stack) > 0 && s.reading != nil && s.fieldDepth == 0 && s.authors == 0) {
			attrs = readAttrs(z, len(s.stack) > 0 && s.stack[0] == "dt")
			if tag == "a" && attrs.hasHref {
				s.links++
			}
		}
		if void {
			continue
		}
		s.stack = append(s.stack, tag)
		s.start(tag, attrs, len(s.stack))
	}
}

func (s *arxivFastDL) open(tag string) bool {
	for _, t := range s.stack {
		if t == tag {
			return true
		}
	}
	return false
}

// start handles the start of an element at depth (1 for the dl's children).
func (s *arxivFastDL) start(tag string, attrs tagAttrs, depth int) {
	if depth == 1 {
		if tag == "dd" && s.pending != nil {
			s.reading = s.pending
		}
		s.pending = nil
		s.href, s.pdf, s.fallback = "", "", ""
		return
	}
	switch {
	case s.stack[0] == "dt":
		if tag != "a" {
			return
		}
		switch string(attrs.title) {
		case "Abstract":
			s.href, s.hrefLink = attrs.href, s.links
		case "Download PDF":
			s.pdf = attrs.href
		default:
			if h := attrs.href; s.fallback == "" && strings.Contains(h, "/abs/") {
				s.fallback, s.fallbackLink = h, s.links
			}
		}
	case s.reading == nil || s.fieldDepth > 0:
	case s.authors > 0:
		if tag == "a" {
			s.authorDepth = depth
			s.text = s.text[:0]
		}
	default:
		s.startField(tag, string(attrs.class), depth)
	}
}

// startField starts reading a field of the dd when the element is one, as arxivListingEntry's switch.
func (s *arxivFastDL) startField(tag, class string, depth int) {
	switch {
	case classListHas(class, "list-title"):
		s.field = fieldTitle
	case classListHas(class, "list-authors"):
		s.authors = depth
		return
	case classListHas(class, "list-subjects"):
		s.field = fieldSubjects
	case classListHas(class, "list-journal-ref"):
		s.field = fieldVenue
	case tag == "p" && classListHas(class, "mathjax"):
		s.field = fieldAbstract
	default:
		return
	}
	s.fieldDepth = depth
	s.text = s.text[:0]
}

// end handles the end tag of the element at depth.
func (s *arxivFastDL) end(depth int) {
	switch depth {
	case s.fieldDepth:
		switch p, t := s.reading, string(s.text); s.field {
		case fieldTitle:
			p.Title = t
		case fieldSubjects:
			p.Categories = arxivSubjects(t)
		case fieldVenue:
			p.Venue = strings.TrimPrefix(strings.TrimSpace(t), "Journal-ref:")
		case fieldAbstract:
			p.Abstract = t
		}
		s.fieldDepth = 0
	case s.authorDepth:
		s.reading.Authors = append(s.reading.Authors, string(s.text))
		s.authorDepth = 0
	case s.authors:
		s.authors = 0
	case 1:
		switch s.stack[0] {
		case "dt":
			href, link := s.href, s.hrefLink
			if href == "" {
				href, link = s.fallback, s.fallbackLink
			}
			if id, version, ok := arxivFromHref(href); ok {
				s.pending = &paper.Paper{ArxivID: id, Version: version, URL: "/abs/" + id, PDFURL: s.pdf,
					Locator: paper.Locator{Href: href, Link: link}}
			}
		case "dd":
			if s.reading != nil {
				s.papers = append(s.papers, *s.reading)
				s.reading = nil
			}
		}
	}
}
