package extract

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/extract/internal/dom"
	"github.com/papergist/papergist/wasm/internal/jsontree"
)

// The generic adapter reads the metadata a page declares about itself: Highwire Press citation_* meta
// (what Google Scholar indexes), schema.org JSON-LD, then Dublin Core, in that precedence field by field.
// It gives at most one paper: the page's subject, never the papers it cites.

// genericMaxDepth bounds the walk through JSON-LD: the article is at the top, in @graph or in mainEntity.
const genericMaxDepth = 6

// genericTitleMax is how many h1/h2 candidates are compared with the title to place the card.
const genericTitleMax = 20

func extractGeneric(d *document) []paper.Paper {
	meta := metaIndex(d)
	hw, hwOK := genericHighwire(meta)
	ld, ldOK := genericJSONLD(d)
	dc, dcOK := genericDublinCore(meta)
	if !hwOK && !ldOK && !dcOK {
		return nil
	}
	p := hw
	fillEmpty(&p, ld)
	fillEmpty(&p, dc)
	if p.Title == "" {
		return nil
	}
	p.Abstract = genericStripTags(p.Abstract)
	if p.URL == "" {
		p.URL = d.Find(`link[rel="canonical"]`).First().AttrOr("href", "")
	}
	if p.URL == "" {
		p.URL = meta.first("og:url")
	}
	p.Locator.Selector = genericTitleSelector(d, p.Title)
	return []paper.Paper{p}
}

// genericHighwire reads citation_* meta; ok says the page has a citation_title.
func genericHighwire(m metaMap) (paper.Paper, bool) {
	p := paper.Paper{
		Title:     m.first("citation_title"),
		Authors:   m.all("citation_author"),
		Abstract:  m.first("citation_abstract"),
		PDFURL:    m.first("citation_pdf_url"),
		Published: m.first("citation_publication_date", "citation_date", "citation_online_date", "citation_cover_date"),
		Venue: m.first("citation_journal_title", "citation_conference_title", "citation_inbook_title",
			"citation_book_title", "citation_series_title"),
		URL:        m.first("citation_abstract_html_url", "citation_fulltext_html_url"),
		ArxivID:    genericArxiv(m.first("citation_arxiv_id")),
		DOI:        genericDOI(m.first("citation_doi")),
		Categories: genericKeywords(m.all("citation_keywords")...),
	}
	if len(p.Authors) == 0 {
		// Some publishers put every author in one citation_authors, separated by semicolons.
		p.Authors = genericSplit(m.first("citation_authors"), ";")
	}
	if p.ArxivID == "" && strings.Contains(p.PDFURL, "arxiv.org/") {
		p.ArxivID = genericArxiv(p.PDFURL)
	}
	return p, p.Title != ""
}

// genericDublinCore reads DC.* and DCTERMS.* meta; ok says the page has a title.
func genericDublinCore(m metaMap) (paper.Paper, bool) {
	p := paper.Paper{
		Title:      m.first("dc.title", "dcterms.title"),
		Authors:    m.all("dc.creator"),
		Abstract:   m.first("dcterms.abstract", "dc.description", "dcterms.description"),
		Published:  m.first("dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created"),
		Venue:      m.first("dcterms.ispartof", "dc.relation.ispartof", "dc.source"),
		Categories: genericKeywords(m.all("dc.subject")...),
	}
	if len(p.Authors) == 0 {
		p.Authors = m.all("dcterms.creator")
	}
	for _, id := range append(m.all("dc.identifier"), m.all("dcterms.identifier")...) {
		genericIdentifier(&p, id)
	}
	return p, p.Title != ""
}

// genericIdentifier files a DOI, an arXiv ID or a landing-page URL given as an identifier.
func genericIdentifier(p *paper.Paper, id string) {
	switch {
	case p.DOI == "" && genericDOI(id) != "":
		p.DOI = genericDOI(id)
	case p.ArxivID == "" && genericArxiv(id) != "":
		p.ArxivID = genericArxiv(id)
	case p.URL == "" && (strings.HasPrefix(id, "http://") || strings.HasPrefix(id, "https://")):
		p.URL = id
	}
}

func genericDOI(s string) string {
	if d, err := paper.NormalizeDOI(s); err == nil {
		return d
	}
	return ""
}

// genericArxiv accepts "1706.03762", "arXiv:1706.03762v7" and arxiv.org links, keeping the version.
func genericArxiv(s string) string {
	if id, v, ok := paper.ParseArxiv(s); ok {
		return id + v
	}
	return ""
}

// genericKeywords splits keyword lists written as "a; b" or "a, b".
func genericKeywords(lists ...string) []string {
	var out []string
	for _, l := range lists {
		sep := ","
		if strings.Contains(l, ";") {
			sep = ";"
		}
		out = append(out, genericSplit(l, sep)...)
	}
	return out
}

func genericSplit(s, sep string) []string {
	var out []string
	for _, part := range strings.Split(s, sep) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// genericStripTags drops the markup publishers leave in abstract meta ("<p>…</p>", JATS tags). Only
// text with a closing tag is touched, so a literal "<" in an abstract stays.
func genericStripTags(s string) string {
	if !strings.Contains(s, "</") {
		return s
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			b.WriteByte(' ')
		}
	}
}

// genericArticleTypes are the schema.org types taken as a paper, best first.
var genericArticleTypes = []string{"ScholarlyArticle", "MedicalScholarlyArticle", "Report", "Thesis", "TechArticle", "Article"}

// genericJSONLD reads the best article among the page's JSON-LD blocks: a ScholarlyArticle before a
// plain Article. It looks at top-level objects, arrays, @graph and mainEntity, not inside an article
// (whose citation list holds other papers).
func genericJSONLD(d *document) (paper.Paper, bool) {
	var best map[string]any
	bestRank := len(genericArticleTypes)
	d.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *dom.Selection) {
		// A block may hold several values, or end with junk; read what decodes.
		jsontree.Values(genericStripCDATA(s.Text()), func(v any) {
			genericWalkLD(v, 0, func(m map[string]any, rank int) {
				if rank < bestRank {
					best, bestRank = m, rank
				}
			})
		})
	})
	if best == nil {
		return paper.Paper{}, false
	}
	return genericLDPaper(best), true
}

func genericStripCDATA(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "//"), "<![CDATA[")
	return strings.TrimSuffix(strings.TrimSuffix(s, "//]]>"), "]]>")
}

func genericWalkLD(v any, depth int, found func(map[string]any, int)) {
	if depth > genericMaxDepth {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			genericWalkLD(e, depth+1, found)
		}
	case map[string]any:
		if rank := genericLDRank(v["@type"]); rank >= 0 {
			found(v, rank)
			return
		}
		genericWalkLD(v["@graph"], depth+1, found)
		genericWalkLD(v["mainEntity"], depth+1, found)
	}
}

// genericLDRank is the position of the object's @type (a string or an array) in genericArticleTypes, or -1.
func genericLDRank(t any) int {
	best := -1
	var types []any
	switch t := t.(type) {
	case string:
		types = []any{t}
	case []any:
		types = t
	}
	for _, e := range types {
		s, _ := e.(string)
		s = strings.TrimPrefix(strings.TrimPrefix(s, "http://schema.org/"), "https://schema.org/")
		for i, want := range genericArticleTypes {
			if s == want && (best < 0 || i < best) {
				best = i
			}
		}
	}
	return best
}

func genericLDPaper(m map[string]any) paper.Paper {
	p := paper.Paper{
		Title:      ldString(m["headline"]),
		Abstract:   ldString(m["abstract"]),
		Published:  ldString(m["datePublished"]),
		URL:        ldURL(m["url"]),
		Categories: genericKeywords(ldStrings(m["keywords"])...),
	}
	if name := ldString(m["name"]); name != "" {
		p.Title = name // headline may be cut at 110 characters; name is not
	}
	if p.Abstract == "" {
		p.Abstract = ldString(m["description"])
	}
	if p.Published == "" {
		p.Published = ldString(m["dateCreated"])
	}
	for _, key := range []string{"author", "creator"} {
		if len(p.Authors) == 0 {
			p.Authors = ldNames(m[key])
		}
	}
	for _, id := range append(ldStrings(m["identifier"]), ldStrings(m["sameAs"])...) {
		if strings.HasPrefix(id, "http") && !strings.Contains(id, "doi.org/") && !strings.Contains(id, "arxiv.org/") {
			continue // a sameAs to Wikipedia or a repository is not the landing page
		}
		genericIdentifier(&p, id)
	}
	p.Venue = ldVenue(m["isPartOf"], 0)
	for _, key := range []string{"encoding", "associatedMedia"} {
		for _, media := range ldObjects(m[key]) {
			if strings.Contains(ldString(media["encodingFormat"]), "pdf") && p.PDFURL == "" {
				p.PDFURL = ldURL(media["contentUrl"])
			}
		}
	}
	return p
}

// ldVenue names the periodical an article is part of, through volume and issue.
func ldVenue(v any, depth int) string {
	for _, o := range ldObjects(v) {
		if depth < 3 {
			if inner := ldVenue(o["isPartOf"], depth+1); inner != "" {
				return inner
			}
		}
		if genericLDRank(o["@type"]) < 0 {
			if name := ldString(o["name"]); name != "" {
				return name
			}
		}
	}
	return ""
}

// ldString is a string value, or the first of an array, or the @value / name / value of an object.
func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64) // "copyrightYear": 2020
	case []any:
		for _, e := range v {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, k := range []string{"@value", "value", "name", "@id"} {
			if s := ldString(v[k]); s != "" {
				return s
			}
		}
	}
	return ""
}

// ldStrings is every string of v: identifiers like {"propertyID":"doi","value":"10.…"} give their value.
func ldStrings(v any) []string {
	switch v := v.(type) {
	case []any:
		var out []string
		for _, e := range v {
			out = append(out, ldStrings(e)...)
		}
		return out
	case nil:
		return nil
	}
	if s := ldString(v); s != "" {
		return []string{s}
	}
	return nil
}

func ldURL(v any) string {
	s := ldString(v)
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "/") {
		return s
	}
	return ""
}

func ldObjects(v any) []map[string]any {
	switch v := v.(type) {
	case map[string]any:
		return []map[string]any{v}
	case []any:
		var out []map[string]any
		for _, e := range v {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

// ldNames reads authors given as strings, Person objects (name, or givenName + familyName) or a list of either.
func ldNames(v any) []string {
	var out []string
	switch v := v.(type) {
	case string:
		out = append(out, v)
	case []any:
		for _, e := range v {
			out = append(out, ldNames(e)...)
		}
	case map[string]any:
		if list, ok := v["@list"]; ok {
			return ldNames(list)
		}
		name := ldString(v["name"])
		if name == "" {
			name = strings.TrimSpace(ldString(v["givenName"]) + " " + ldString(v["familyName"]))
		}
		if name != "" {
			out = append(out, name)
		}
	}
	return out
}

// metaMap holds a page's <meta> values by lower-cased name, in page order: one pass over the page
// instead of one per lookup.
type metaMap map[string][]string

func metaIndex(d *document) metaMap {
	m := metaMap{}
	d.Find("meta[content]").Each(func(_ int, s *dom.Selection) {
		name, ok := s.Attr("name")
		if !ok {
			if name, ok = s.Attr("property"); !ok {
				return
			}
		}
		if c := strings.TrimSpace(s.AttrOr("content", "")); c != "" {
			key := strings.ToLower(strings.TrimSpace(name))
			m[key] = append(m[key], c)
		}
	})
	return m
}

// first is the first value of the first name that has one.
func (m metaMap) first(names ...string) string {
	for _, n := range names {
		if v := m[n]; len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

func (m metaMap) all(name string) []string { return m[name] }

// genericTitleSelector is a CSS selector whose first match is the heading that shows the title, so the
// card goes right under it: its id when it has one, else its bare tag when that finds it first, else its
// tag and classes. "" when no heading matches.
func genericTitleSelector(d *document, title string) string {
	want := strings.ToLower(paper.CleanTitle(title))
	var target *dom.Selection
	d.Find("h1, h2").EachWithBreak(func(i int, s *dom.Selection) bool {
		got := strings.ToLower(paper.CleanTitle(s.Text()))
		if got != "" && (got == want || (len(got) > 10 && strings.Contains(want, got)) || strings.Contains(got, want)) {
			target = s
			return false
		}
		return i < genericTitleMax
	})
	if target == nil {
		return ""
	}
	tag := dom.NodeName(target)
	if id := target.AttrOr("id", ""); isCSSIdent(id) {
		return tag + "#" + id
	}
	isFirst := func(sel string) bool {
		first := d.Find(sel).First()
		return first.Length() == 1 && first.Nodes[0] == target.Nodes[0]
	}
	// The bare tag outlives class names that a redesign renames (utility CSS changes often).
	if isFirst(tag) {
		return tag
	}
	sel := tag
	for _, c := range strings.Fields(target.AttrOr("class", "")) {
		if isCSSIdent(c) {
			sel += "." + c
		}
	}
	for _, attr := range []string{"data-test-id", "itemprop"} {
		if v, ok := target.Attr(attr); ok && isCSSIdent(v) {
			sel += "[" + attr + `="` + v + `"]`
		}
	}
	if isFirst(sel) {
		return sel
	}
	return ""
}
