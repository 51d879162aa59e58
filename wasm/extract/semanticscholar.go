package extract

import (
	"net/url"
	"strings"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/extract/internal/dom"
	"github.com/papergist/papergist/wasm/internal/jsontree"
)

// Semantic Scholar: on a paper page (/paper/…/<hash>) only the subject paper counts; the citation and
// reference lists below it are other papers. Search and author pages list paper cards, when their
// markup is server-rendered.
func init() {
	register(adapter{
		site:    "semanticscholar",
		match:   func(u *url.URL) bool { return hostIs(u, s2Hosts...) },
		extract: extractSemanticScholar,
	})
}

const s2TitleSelector = `h1[data-test-id="paper-detail-title"]`

func extractSemanticScholar(d *document) []paper.Paper {
	if strings.HasPrefix(d.url.Path, "/paper/") || strings.HasPrefix(d.url.Path, "/arxiv/") {
		if p, ok := s2PaperPage(d); ok {
			return []paper.Paper{p}
		}
		return nil
	}
	return s2Cards(d)
}

func s2PaperPage(d *document) (paper.Paper, bool) {
	header := d.Find(`[data-test-id="paper-detail-page-header"]`).First()
	title := d.Find(s2TitleSelector).First()
	ld := s2Article(d)
	landing := *d.url // the paper's page without the sort or tab parameters of this view
	landing.RawQuery, landing.Fragment = "", ""
	p := paper.Paper{
		Title:     text(title),
		URL:       landing.String(),
		PDFURL:    d.firstMeta("citation_pdf_url"),
		Authors:   d.meta("citation_author"),
		Venue:     d.firstMeta("citation_journal_title", "citation_conference_title"),
		Published: d.firstMeta("citation_publication_date"),
		DOI:       d.firstMeta("citation_doi"),
		Locator:   paper.Locator{Selector: s2TitleSelector},
	}
	if p.Title == "" {
		p.Title = d.firstMeta("citation_title")
	}
	if p.Title == "" {
		p.Title = ld.Name
	}
	if len(p.Authors) == 0 {
		// The visible list is shortened ("+6 authors"), so it is only a fallback.
		header.Find(`[data-test-id="author-list"] a.author-list__author-name`).Each(func(_ int, a *dom.Selection) {
			p.Authors = append(p.Authors, text(a))
		})
	}
	if len(p.Authors) == 0 {
		for _, a := range ld.Author {
			p.Authors = append(p.Authors, a.Name)
		}
	}
	if p.Venue == "" {
		p.Venue = text(header.Find(`[data-test-id="venue-metadata"]`).First())
	}
	if date := text(header.Find(`[data-test-id="paper-year"]`).First()); paper.NormalizeDate(date) != "" {
		p.Published = date // the header gives the day ("1 December 2020"), the meta only the year
	}
	if p.DOI == "" {
		p.DOI = text(header.Find(`[data-test-id="paper-doi"] a`).First())
	}
	if p.DOI == "" && strings.Contains(ld.SameAs, "doi.org/") {
		p.DOI = ld.SameAs
	}
	header.Find(`a[href*="arxiv.org/abs/"], a[href*="arxiv.org/pdf/"]`).EachWithBreak(func(_ int, a *dom.Selection) bool {
		if id, _, ok := paper.ParseArxiv(a.AttrOr("href", "")); ok {
			p.ArxivID = id
			return false
		}
		return true
	})
	// The identifiers line: "arXiv:1706.03762", "Corpus ID: 13756489", one per item.
	corpus := ""
	header.Find(`[data-test-id="paper-meta-subhead"] li`).Each(func(_ int, li *dom.Selection) {
		t := text(li)
		if i, id := findAfter(t, "arXiv:", true); i >= 0 && p.ArxivID == "" {
			p.ArxivID, _, _ = paper.ParseArxiv(id)
		}
		if c := s2Corpus(t); c != "" {
			corpus = c
		}
	})
	aclID := ""
	header.Find(`a[href*="aclanthology.org/"], a[href*="aclweb.org/anthology/"]`).EachWithBreak(func(_ int, a *dom.Selection) bool {
		if id := paper.IDFromURL(a.AttrOr("href", "")); strings.HasPrefix(id, paper.ACLPrefix) {
			aclID = id
		}
		return aclID == ""
	})
	p.Abstract = s2Abstract(d, header, ld)
	p.ID = s2ID(p, aclID, d.url.String(), corpus)
	return p, p.Title != "" && p.ID != ""
}

// s2ID applies the shared preference: arXiv, then ACL (an Anthology link, or an ACL DOI), then the DOI,
// then the paper hash of the URL, then the corpus ID.
func s2ID(p paper.Paper, aclID, pageURL, corpus string) string {
	if id, _, ok := paper.ParseArxiv(p.ArxivID); ok {
		return paper.ArxivPrefix + id
	}
	if aclID != "" {
		return aclID
	}
	if doi, err := paper.NormalizeDOI(p.DOI); err == nil {
		return paper.IDFromDOI(doi)
	}
	if id := paper.IDFromURL(pageURL); strings.HasPrefix(id, paper.S2Prefix) {
		return id
	}
	if corpus != "" {
		return paper.S2Prefix + corpus
	}
	return ""
}

// s2Abstract prefers the JSON-LD abstract, which is never cut short, then the abstract shown in the
// header, then the meta description. The JSON-LD and the meta put the TLDR in front of the abstract
// (the JSON-LD "about" is the TLDR alone), so that prefix is removed: a TLDR is Semantic Scholar's
// summary, not the authors' abstract.
func s2Abstract(d *document, header *dom.Selection, ld s2LD) string {
	full := ld.Abstract
	if full == "" {
		if a := text(header.Find(`[data-test-id="abstract-text"]`).First()); a != "" {
			return strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(a, "Collapse"), "Expand"))
		}
		full = d.firstMeta("description", "og:description")
		// Without an abstract the description is a placeholder: "Semantic Scholar extracted view of …".
		if strings.HasPrefix(full, "Semantic Scholar extracted view") || paper.CleanText(full) == text(d.Find(s2TitleSelector).First()) {
			return ""
		}
	}
	full = paper.CleanText(full)
	tldr := paper.CleanText(ld.About)
	if tldr == "" {
		tldr = text(header.Find(`.tldr-abstract-replacement span span`).First())
	}
	if tldr != "" {
		if rest, ok := strings.CutPrefix(full, tldr); ok {
			return strings.TrimSpace(rest)
		}
	}
	if full == tldr {
		return ""
	}
	return full
}

// s2LD is the schema.org Article that paper pages embed. Its tags are the keys s2ReadLD reads, as
// encoding/json would (the tests compare the two).
type s2LD struct {
	Name     string     `json:"name"`
	Abstract string     `json:"abstract"`
	About    string     `json:"about"`
	SameAs   string     `json:"sameAs"`
	Author   []s2Person `json:"author"`
}

type s2Person struct {
	Name string `json:"name"`
}

// s2ReadLD reads the Article's fields as json.Unmarshal of its JSON would: keys in any case, a field of the
// wrong type left empty and the others read.
func s2ReadLD(art map[string]any) s2LD {
	var ld s2LD
	_ = jsontree.Fields(art, func(k string, v any) error {
		switch jsontree.FoldKey(k) {
		case "NAME":
			return jsontree.String(v, &ld.Name)
		case "ABSTRACT":
			return jsontree.String(v, &ld.Abstract)
		case "ABOUT":
			return jsontree.String(v, &ld.About)
		case "SAMEAS":
			return jsontree.String(v, &ld.SameAs)
		case "AUTHOR":
			return jsontree.Slice(v, &ld.Author, func(v any, p *s2Person) error {
				return jsontree.Fields(v, func(k string, v any) error {
					if jsontree.FoldKey(k) == "NAME" {
						return jsontree.String(v, &p.Name)
					}
					return nil
				})
			})
		}
		return nil
	})
	return ld
}

func s2Article(d *document) s2LD {
	var found s2LD
	d.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *dom.Selection) bool {
		v, err := jsontree.Parse(s.Text())
		if err != nil {
			return true
		}
		if art := s2FindArticle(v, 0); art != nil {
			found = s2ReadLD(art)
			return false
		}
		return true
	})
	return found
}

// s2FindArticle looks through @graph and nested arrays for the first object of @type Article.
func s2FindArticle(v any, depth int) map[string]any {
	if depth > 8 {
		return nil
	}
	switch x := v.(type) {
	case map[string]any:
		if t, _ := x["@type"].(string); t == "Article" || t == "ScholarlyArticle" {
			return x
		}
		if g, ok := x["@graph"]; ok {
			return s2FindArticle(g, depth+1)
		}
	case []any:
		for _, c := range x {
			if a := s2FindArticle(c, depth+1); a != nil {
				return a
			}
		}
	}
	return nil
}

// s2Cards reads the paper cards of search and author pages: each has a title link to /paper/….
func s2Cards(d *document) []paper.Paper {
	var out []paper.Paper
	d.Find(".cl-paper-row, [data-test-id='search-result'], .result-page .paper-row").Each(func(_ int, card *dom.Selection) {
		link := card.Find(`a[data-test-id="title-link"], a[href^="/paper/"]`).FilterFunction(func(_ int, a *dom.Selection) bool {
			return text(a) != ""
		}).First()
		href, ok := link.Attr("href")
		if !ok {
			return
		}
		abs := d.abs(href)
		title := text(link.Find(".cl-paper-title, h2").First())
		if title == "" {
			title = s2HeadingAbove(card, link)
		}
		if title == "" {
			title = text(link)
		}
		p := paper.Paper{
			ID:      paper.IDFromURL(abs),
			Title:   title,
			URL:     abs,
			Locator: paper.Locator{Href: abs},
		}
		card.Find(`[data-test-id="author-list"] a, .cl-paper-authors a`).Each(func(_ int, a *dom.Selection) {
			p.Authors = append(p.Authors, text(a))
		})
		p.Venue = text(card.Find(`[data-test-id="venue-metadata"], .cl-paper-venue`).First())
		p.Published = text(card.Find(`[data-test-id="paper-year"], .cl-paper-pubdates`).First())
		if doi, ok := paper.FindDOI(card.Find(`a[href*="doi.org/10."]`).First().AttrOr("href", "")); ok {
			p.DOI = doi
		}
		card.Find(`a[href*="arxiv.org/abs/"]`).EachWithBreak(func(_ int, a *dom.Selection) bool {
			p.ArxivID, _, _ = paper.ParseArxiv(a.AttrOr("href", ""))
			return p.ArxivID == ""
		})
		if id := s2ID(p, "", p.URL, ""); id != "" {
			p.ID = id
		}
		out = append(out, p)
	})
	return out
}

// s2HeadingAbove is the text of the card's last heading before its paper link: the title of a card that puts it in
// a heading above a "View paper" link, whose words are not the title.
func s2HeadingAbove(card, link *dom.Selection) string {
	found := card.Find("h1, h2, h3, h4, h5, h6, a")
	title := ""
	for i, n := range found.Nodes {
		if n == link.Get(0) {
			break
		}
		if n.Data != "a" {
			title = text(found.Eq(i))
		}
	}
	return title
}
