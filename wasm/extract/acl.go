package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/extract/internal/dom"
)

// ACL Anthology: a paper page (/2021.naacl-main.208/) or a listing of paper rows, which volume, event and
// people pages share in both the Bootstrap 4 markup (p.d-sm-flex) and the 2026 redesign (div.d-sm-flex).
func init() {
	register(adapter{
		site:    "acl",
		match:   func(u *url.URL) bool { return hostIs(u, aclHosts...) },
		extract: extractACL,
	})
}

func extractACL(d *document) []paper.Paper {
	listing := false
	for _, prefix := range []string{"/volumes/", "/events/", "/people/", "/venues/", "/sigs/", "/anthology/volumes/"} {
		listing = listing || strings.HasPrefix(d.url.Path, prefix)
	}
	if !listing && d.firstMeta("citation_title") != "" && d.Find("h2#title").Length() > 0 {
		return []paper.Paper{aclPaperPage(d)}
	}
	return aclListing(d)
}

func aclPaperPage(d *document) paper.Paper {
	p := paper.Paper{
		Title:   text(d.Find("h2#title").First()),
		URL:     d.url.String(),
		PDFURL:  d.firstMeta("citation_pdf_url"),
		DOI:     d.firstMeta("citation_doi"),
		Venue:   d.firstMeta("citation_conference_title", "citation_journal_title"),
		Locator: paper.Locator{Selector: "h2#title"},
	}
	if p.Title == "" {
		p.Title = d.firstMeta("citation_title")
	}
	if p.PDFURL == "" {
		p.PDFURL = d.Find("h2#title a[href$='.pdf']").First().AttrOr("href", "")
	}
	// The visible names are the Anthology's canonical ones; the meta may spell them differently.
	d.Find("p.lead a[href*='/people/']").Each(func(_ int, a *dom.Selection) {
		p.Authors = append(p.Authors, text(a))
	})
	if len(p.Authors) == 0 {
		p.Authors = d.meta("citation_author")
	}
	p.Abstract = text(d.Find(".acl-abstract span").First())
	if p.Abstract == "" {
		// Without the span, the card holds the abstract after its "Abstract" heading.
		card := d.Find(".acl-abstract").First().Clone()
		card.Find("h5, .card-title").Remove()
		p.Abstract = text(card)
	}
	p.Published = aclDate(d.firstMeta("citation_publication_date"))
	for _, src := range []string{d.url.String(), d.abs(p.PDFURL)} {
		if id := paper.IDFromURL(src); strings.HasPrefix(id, paper.ACLPrefix) {
			p.ID = id
			p.URL = "https://aclanthology.org/" + strings.TrimPrefix(id, paper.ACLPrefix) + "/"
			break
		}
	}
	if p.ID == "" && p.DOI != "" {
		if doi, err := paper.NormalizeDOI(p.DOI); err == nil {
			p.ID = paper.IDFromDOI(doi)
		}
	}
	return p
}

// aclDate reads the "2021/6" form of citation_publication_date, which NormalizeDate does not read.
func aclDate(s string) string {
	if year, month, ok := aclMonthDate(strings.TrimSpace(s)); ok {
		if len(month) == 1 {
			month = "0" + month
		}
		return year + "-" + month
	}
	return s
}

func aclListing(d *document) []paper.Paper {
	abstracts := map[string]string{}
	d.Find("div.abstract-collapse[id^='abstract-'], div.card[id^='abstract-']").Each(func(_ int, s *dom.Selection) {
		abstracts[s.AttrOr("id", "")] = text(s)
	})
	pageVenue := ""
	if strings.HasPrefix(d.url.Path, "/volumes/") {
		pageVenue = text(d.Find("h2#title").First())
	}
	groupVenue := map[*html.Node]string{}
	var out []paper.Paper
	d.Find("p.d-sm-flex, div.d-sm-flex").Each(func(_ int, row *dom.Selection) {
		body := row.Find("span.d-block").FilterFunction(func(_ int, s *dom.Selection) bool {
			return s.ChildrenFiltered("strong").Length() > 0
		}).First()
		link := body.ChildrenFiltered("strong").Find("a.align-middle").First()
		href, ok := link.Attr("href")
		if !ok {
			return
		}
		abs := d.abs(href)
		id := paper.IDFromURL(abs)
		anthologyID := strings.TrimPrefix(id, paper.ACLPrefix)
		if aclFrontMatter(row, anthologyID, abstracts) {
			return
		}
		p := paper.Paper{
			ID:      id,
			Title:   text(link),
			URL:     abs,
			Locator: paper.Locator{Href: abs},
		}
		body.Find("a[href*='/people/']").Each(func(_ int, a *dom.Selection) {
			p.Authors = append(p.Authors, text(a))
		})
		row.Find("a[href$='.pdf']").EachWithBreak(func(_ int, a *dom.Selection) bool {
			p.PDFURL = a.AttrOr("href", "")
			return false
		})
		if strings.HasPrefix(id, paper.ACLPrefix) {
			p.Abstract = abstracts["abstract-"+strings.ReplaceAll(anthologyID, ".", "--")]
			p.Published = aclYear(anthologyID)
		}
		p.Venue = text(body.Find("a[href*='/volumes/']").First())
		if p.Venue == "" {
			p.Venue = pageVenue
		}
		if p.Venue == "" && row.Parent().Length() > 0 {
			// Event pages group rows under the volume's heading; look it up once per group.
			parent := row.Parent().Get(0)
			v, ok := groupVenue[parent]
			if !ok {
				v = text(row.Parent().ChildrenFiltered("h4").Find("a[href*='/volumes/']").Last())
				groupVenue[parent] = v
			}
			p.Venue = v
		}
		out = append(out, p)
	})
	return out
}

// aclFrontMatter reports whether a row is a volume's front matter (preface, committees, programme) rather
// than a paper: its ID is paper 0 of the volume (2021.naacl-main.0, P19-1000, W19-4200), it has no abstract,
// and its BibTeX link exports the whole volume ("bib (full)"). A user wants cards under papers only, and a
// TL;DR of a preface would be noise. A paper-0 row that has an abstract is kept.
func aclFrontMatter(row *dom.Selection, id string, abstracts map[string]string) bool {
	if !aclPaperZero(id) {
		return false
	}
	if abstracts["abstract-"+strings.ReplaceAll(id, ".", "--")] != "" {
		return false
	}
	volumeBib := row.Find("a[href*='/volumes/'][href$='.bib']").Length() > 0
	title := strings.ToLower(text(row.Find("strong a.align-middle").First()))
	return volumeBib || strings.HasPrefix(title, "proceedings of") || strings.HasPrefix(title, "findings of")
}

// Before 2020, workshop volumes (W) took two digits of the four and the other letters one.

func aclPaperZero(id string) bool {
	return strings.HasSuffix(id, ".0") || aclOldZeroID(id)
}

// aclYear reads the year an Anthology ID encodes: 2022.in2writing-1.1 or W19-4201 (two digits, 1965–2019).
func aclYear(id string) string {
	if len(id) > 5 && id[4] == '.' {
		return id[:4]
	}
	if len(id) > 3 && id[0] >= 'A' && id[0] <= 'Z' && aclDigit(id[1]) && aclDigit(id[2]) {
		yy := id[1:3]
		if yy <= "20" {
			return "20" + yy
		}
		return "19" + yy
	}
	return ""
}

func aclDigit(b byte) bool { return b >= '0' && b <= '9' }
