package extract

import (
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/extract/internal/dom"
	"github.com/papergist/papergist/wasm/internal/jsontree"
)

// Hugging Face Papers: daily, weekly, monthly and trending listings, search results and the paper page.
// Every HF paper is an arXiv paper, so IDs are arxiv:ID. The server renders each Svelte widget with
// its props as JSON in data-props; the JSON is read first, the rendered cards are the fallback and
// decide which papers are on screen.

func init() {
	register(adapter{
		site: "huggingface",
		match: func(u *url.URL) bool {
			return hostIs(u, hfHosts...) && strings.HasPrefix(u.Path, "/papers")
		},
		extract: extractHuggingFace,
	})
}

// hfMaxDepth bounds the walk through a widget's props: papers sit a few levels down, never deeper.
const hfMaxDepth = 8

func extractHuggingFace(d *document) []paper.Paper {
	props := hfPropsPapers(d)
	if id, _, ok := paper.ParseArxiv(strings.TrimPrefix(strings.TrimSuffix(d.url.Path, "/"), "/papers/")); ok {
		if p, ok := hfPaperPage(d, id, props); ok {
			return []paper.Paper{p}
		}
		return nil
	}
	cards := hfCards(d)
	if len(cards) == 0 {
		return props
	}
	// The cards are what the page shows; the props fill in authors and abstracts.
	byID := make(map[string]paper.Paper, len(props))
	for _, p := range props {
		byID[p.ArxivID] = p
	}
	out := make([]paper.Paper, 0, len(cards))
	for _, c := range cards {
		if p, ok := byID[c.ArxivID]; ok {
			if p.Title == "" {
				p.Title = c.Title
			}
			p.Locator = c.Locator
			c = p
		}
		out = append(out, c)
	}
	return out
}

// hfCards reads the rendered cards: an article whose h3 links to /papers/ID.
func hfCards(d *document) []paper.Paper {
	var out []paper.Paper
	d.Find(`article h3 a[href*="/papers/"]`).Each(func(_ int, a *dom.Selection) {
		href := a.AttrOr("href", "")
		id, ok := hfPaperID(d.abs(href))
		if !ok {
			return
		}
		out = append(out, hfPaper(paper.Paper{ArxivID: id, Title: text(a)}, d.abs(href)))
	})
	return out
}

// hfPaperID is the arXiv ID of a huggingface.co/papers/ID link, ignoring its #fragment or ?query.
func hfPaperID(link string) (string, bool) {
	u, err := url.Parse(link)
	if err != nil || !hostIs(u, hfHosts...) {
		return "", false
	}
	rest, ok := strings.CutPrefix(u.Path, "/papers/")
	if !ok {
		return "", false
	}
	id, _, ok := paper.ParseArxiv(strings.Trim(rest, "/"))
	return id, ok
}

// hfPaper fills what every HF paper has: its HF page, the arXiv PDF and the card's link.
func hfPaper(p paper.Paper, href string) paper.Paper {
	p.URL = "https://huggingface.co/papers/" + p.ArxivID
	p.PDFURL = "https://arxiv.org/pdf/" + p.ArxivID
	if href == "" {
		href = p.URL
	}
	p.Locator.Href = href
	return p
}

// hfPropsPapers collects the papers in every widget's data-props, in page order. Builds differ in where
// they put them (dailyPapers[i].paper, papers[i], paper), so any object that looks like a paper is taken.
func hfPropsPapers(d *document) []paper.Paper {
	var out []paper.Paper
	seen := map[string]bool{}
	d.Find("[data-props]").Each(func(_ int, s *dom.Selection) {
		raw := s.AttrOr("data-props", "")
		if !strings.Contains(raw, `"title"`) {
			return
		}
		v, err := jsontree.Parse(raw)
		if err != nil {
			return
		}
		hfWalk(v, 0, func(p paper.Paper) {
			if !seen[p.ArxivID] {
				seen[p.ArxivID] = true
				out = append(out, p)
			}
		})
	})
	return out
}

// hfWalk calls found for each paper-like object in v, outermost first, and does not look inside a paper.
func hfWalk(v any, depth int, found func(paper.Paper)) {
	if depth > hfMaxDepth {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			hfWalk(e, depth+1, found)
		}
	case map[string]any:
		if p, ok := hfPropsPaper(v); ok {
			found(p)
			return
		}
		// Sorted keys: map order is random, and the page order of papers must not be.
		for _, k := range slices.Sorted(maps.Keys(v)) {
			hfWalk(v[k], depth+1, found)
		}
	}
}

// hfPropsPaper reads {paper:{id,title,summary,authors:[{name}],publishedAt}, title} (a daily entry)
// or the inner paper object itself.
func hfPropsPaper(m map[string]any) (paper.Paper, bool) {
	outer := m
	if inner, ok := m["paper"].(map[string]any); ok {
		m = inner
	}
	rawID, _ := m["id"].(string)
	id, _, ok := paper.ParseArxiv(rawID)
	if !ok {
		return paper.Paper{}, false
	}
	title, _ := m["title"].(string)
	if title == "" {
		title, _ = outer["title"].(string)
	}
	summary, _ := m["summary"].(string)
	_, hasAuthors := m["authors"]
	if title == "" || (summary == "" && !hasAuthors) {
		return paper.Paper{}, false
	}
	p := paper.Paper{ArxivID: id, Title: title, Abstract: summary}
	p.Published, _ = m["publishedAt"].(string)
	authors, _ := m["authors"].([]any)
	for _, a := range authors {
		switch a := a.(type) {
		case string:
			p.Authors = append(p.Authors, a)
		case map[string]any:
			if hidden, _ := a["hidden"].(bool); hidden {
				continue
			}
			if name, _ := a["name"].(string); name != "" {
				p.Authors = append(p.Authors, name)
			}
		}
	}
	if kw, ok := m["ai_keywords"].([]any); ok {
		for _, k := range kw {
			if s, ok := k.(string); ok {
				p.Categories = append(p.Categories, s)
			}
		}
	}
	return hfPaper(p, ""), true
}

// hfPaperPage reads huggingface.co/papers/ID: the props when they hold this paper, else the page
// (h1 title, og:description abstract, author list).
func hfPaperPage(d *document, id string, props []paper.Paper) (paper.Paper, bool) {
	p := paper.Paper{ArxivID: id}
	for _, q := range props {
		if q.ArxivID == id {
			p = q
			break
		}
	}
	meta := metaIndex(d)
	if p.Title == "" {
		p.Title = text(d.Find("h1").First())
	}
	if p.Title == "" {
		p.Title = strings.TrimPrefix(meta.first("og:title", "twitter:title"), "Paper page - ")
	}
	if p.Abstract == "" {
		p.Abstract = text(d.Find(`h2:contains("Abstract")`).First().Parent().Find("p").First())
	}
	if p.Abstract == "" {
		p.Abstract = meta.first("og:description", "description")
	}
	if len(p.Authors) == 0 {
		p.Authors = texts(d.Find(".author"))
	}
	p = hfPaper(p, "")
	p.Locator = paper.Locator{Selector: genericTitleSelector(d, p.Title)}
	if p.Locator.Selector == "" {
		p.Locator.Selector = "h1"
	}
	return p, p.Title != ""
}
