package extract

import (
	"net/url"
	"sort"
	"strings"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/extract/internal/dom"
	"github.com/papergist/papergist/wasm/internal/jsontree"
)

// OpenReview: a forum page (/forum?id=ID), whose subject note is in the head's citation_* meta, in the body
// (.forum-title, .forum-authors, .note-content) and, on older Next.js builds, in __NEXT_DATA__; and group or
// venue pages that list submissions as .note entries. Replies, reviews and comments are not papers.
func init() {
	register(adapter{
		site:    "openreview",
		match:   func(u *url.URL) bool { return hostIs(u, openreviewHosts...) },
		extract: extractOpenReview,
	})
}

const openReviewBase = "https://openreview.net"

func extractOpenReview(d *document) []paper.Paper {
	next := openReviewNextData(d)
	if id := d.url.Query().Get("id"); d.url.Path == "/forum" && id != "" {
		if p, ok := openReviewForum(d, id, next); ok {
			return []paper.Paper{p}
		}
	}
	out := openReviewList(d)
	return append(out, openReviewJSONNotes(next)...)
}

func openReviewForum(d *document, id string, next any) (paper.Paper, bool) {
	p := paper.Paper{
		ID:        paper.OpenReviewPrefix + id,
		URL:       openReviewBase + "/forum?id=" + url.QueryEscape(id),
		PDFURL:    openReviewBase + "/pdf?id=" + url.QueryEscape(id),
		Title:     d.firstMeta("citation_title"),
		Authors:   d.meta("citation_author"),
		Abstract:  d.firstMeta("citation_abstract"),
		Venue:     d.firstMeta("citation_conference_title", "citation_journal_title"),
		Published: d.firstMeta("citation_online_date", "citation_publication_date"),
		DOI:       d.firstMeta("citation_doi"),
		// The live page renders the title even when the saved HTML only has __NEXT_DATA__.
		Locator: paper.Locator{Selector: ".forum-title h2"},
	}
	title := d.Find(".forum-title h2").First()
	if p.Title == "" {
		p.Title = text(title)
	}
	if len(p.Authors) == 0 {
		p.Authors = openReviewAuthors(d.Find(".forum-authors h3").First())
	}
	fields := openReviewFields(d.Find(".forum-note .note-content, .note-content").First())
	if p.Abstract == "" {
		p.Abstract = fields["abstract"]
	}
	p.Categories = openReviewKeywords(fields["keywords"])
	if p.Venue == "" {
		p.Venue = text(d.Find(".forum-meta .item").Eq(1))
	}
	if p.Published == "" {
		p.Published = openReviewDate(text(d.Find(".forum-meta .date").First()))
	}
	if note, ok := openReviewJSONPath(next, "props", "pageProps", "forumNote").(map[string]any); ok {
		np := openReviewNote(note)
		if p.Title == "" {
			p.Title = np.Title
		}
		if len(p.Authors) == 0 {
			p.Authors = np.Authors
		}
		if p.Abstract == "" {
			p.Abstract = np.Abstract
		}
		if p.Venue == "" {
			p.Venue = np.Venue
		}
		if len(p.Categories) == 0 {
			p.Categories = np.Categories
		}
	}
	return p, strings.TrimSpace(p.Title) != ""
}

// openReviewAuthors reads a rendered author list: links and spans separated by commas, with institution
// numbers in <sup> and an "et al. (N additional authors not shown)" toggle when the list is long.
func openReviewAuthors(s *dom.Selection) []string {
	if s.Length() == 0 {
		return nil
	}
	s = s.Clone()
	s.Find("sup, .note-authors-institutions, .private-contents-icon, .glyphicon").Remove()
	var out []string
	for _, name := range strings.Split(s.Text(), ",") {
		name = paper.CleanText(name)
		if i := strings.Index(name, "et al."); i >= 0 {
			name = strings.TrimSpace(name[:i])
		}
		if name == "" || strings.HasPrefix(name, "(") {
			continue
		}
		out = append(out, name)
	}
	return out
}

// openReviewFields maps each "Field:" of a .note-content list to its value, keys lower-cased without
// the colon ("abstract", "keywords", "tl;dr").
func openReviewFields(s *dom.Selection) map[string]string {
	fields := map[string]string{}
	s.Find("strong.note-content-field").Each(func(_ int, f *dom.Selection) {
		key := strings.ToLower(strings.TrimSuffix(text(f), ":"))
		key = strings.TrimSpace(strings.TrimSuffix(key, ":"))
		val := f.NextAllFiltered(".note-content-value").First()
		if _, seen := fields[key]; !seen && val.Length() > 0 {
			fields[key] = text(val)
		}
	})
	return fields
}

func openReviewKeywords(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, k := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// openReviewDateRe finds the first "01 Feb 2023" in a note's date line ("Published: 01 Feb 2023, Last
// Modified: …" or "19 Sept 2023 (modified: …)").
func openReviewDate(s string) string {
	day, month, year, ok := openReviewDateMatch(s)
	if !ok {
		return ""
	}
	return day + " " + month + " " + year
}

func openReviewList(d *document) []paper.Paper {
	var out []paper.Paper
	d.Find(".note").Each(func(_ int, note *dom.Selection) {
		link := note.ChildrenFiltered("h4").Find("a[href^='/forum?id='], a[href^='https://openreview.net/forum?id=']").First()
		href, ok := link.Attr("href")
		if !ok {
			return
		}
		abs := d.abs(href)
		u, err := url.Parse(abs)
		if err != nil {
			return
		}
		q := u.Query()
		id := q.Get("id")
		if n := q.Get("noteId"); n != "" && n != id {
			return // a reply, review or comment in a forum, not a submission
		}
		forum := openReviewBase + "/forum?id=" + url.QueryEscape(id)
		p := paper.Paper{
			ID:      paper.OpenReviewPrefix + id,
			Title:   text(link),
			URL:     forum,
			PDFURL:  openReviewBase + "/pdf?id=" + url.QueryEscape(id),
			Authors: openReviewAuthors(note.ChildrenFiltered(".note-authors").First()),
			Locator: paper.Locator{Href: abs},
		}
		meta := note.ChildrenFiltered(".note-meta-info").Find("li")
		p.Published = openReviewDate(text(meta.Eq(0)))
		if v := meta.Eq(1); !v.HasClass("readers") {
			p.Venue = text(v)
		}
		fields := openReviewFields(note.Find(".note-content").First())
		p.Abstract = fields["abstract"]
		p.Categories = openReviewKeywords(fields["keywords"])
		out = append(out, p)
	})
	return out
}

// openReviewNextData decodes the page's __NEXT_DATA__ JSON, or returns nil.
func openReviewNextData(d *document) any {
	raw := d.Find("script#__NEXT_DATA__").First().Text()
	if strings.TrimSpace(raw) == "" {
		return nil
	}
	v, err := jsontree.Parse(raw)
	if err != nil {
		return nil
	}
	return v
}

func openReviewJSONPath(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// openReviewValue unwraps API v2 content values ({"value": …}).
func openReviewValue(v any) any {
	if m, ok := v.(map[string]any); ok {
		if inner, ok := m["value"]; ok {
			return inner
		}
	}
	return v
}

func openReviewString(v any) string {
	s, _ := openReviewValue(v).(string)
	return s
}

// openReviewNote turns one note object (API v1 or v2) into a paper; ID is left empty when the note has none.
func openReviewNote(note map[string]any) paper.Paper {
	content, _ := note["content"].(map[string]any)
	p := paper.Paper{
		Title:    openReviewString(content["title"]),
		Abstract: openReviewString(content["abstract"]),
		Venue:    openReviewString(content["venue"]),
	}
	switch a := openReviewValue(content["authors"]).(type) {
	case []any:
		for _, x := range a {
			switch v := x.(type) {
			case string:
				p.Authors = append(p.Authors, v)
			case map[string]any: // {fullname, username, institutions}
				if name, ok := v["fullname"].(string); ok {
					p.Authors = append(p.Authors, name)
				}
			}
		}
	}
	switch k := openReviewValue(content["keywords"]).(type) {
	case []any:
		for _, x := range k {
			if s, ok := x.(string); ok {
				p.Categories = append(p.Categories, s)
			}
		}
	case string:
		p.Categories = openReviewKeywords(k)
	}
	if id, ok := note["id"].(string); ok && id != "" {
		p.ID = paper.OpenReviewPrefix + id
		p.URL = openReviewBase + "/forum?id=" + url.QueryEscape(id)
		p.PDFURL = openReviewBase + "/pdf?id=" + url.QueryEscape(id)
		p.Locator = paper.Locator{Href: p.URL}
	}
	return p
}

// openReviewJSONNotes finds submission notes anywhere in __NEXT_DATA__: objects with an id and a
// content.title, which are not replies (a reply's forum differs from its id). The walk is bounded so
// that a hostile page cannot make it slow.
func openReviewJSONNotes(v any) []paper.Paper {
	var out []paper.Paper
	budget := 200000
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		budget--
		if budget < 0 || depth > 64 {
			return
		}
		switch x := v.(type) {
		case map[string]any:
			if id, ok := x["id"].(string); ok {
				if content, ok := x["content"].(map[string]any); ok && openReviewString(content["title"]) != "" {
					if forum, ok := x["forum"].(string); !ok || forum == id {
						out = append(out, openReviewNote(x))
						return
					}
				}
			}
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys) // page order is lost in a JSON object; at least be deterministic
			for _, k := range keys {
				walk(x[k], depth+1)
			}
		case []any:
			for _, c := range x {
				walk(c, depth+1)
			}
		}
	}
	walk(v, 0)
	return out
}
