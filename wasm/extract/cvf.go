package extract

import (
	"net/url"
	"strings"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/extract/internal/dom"
)

// CVF open access (openaccess.thecvf.com): conference listings (/CVPR2024?day=all) are a dl of
// dt.ptitle entries, each followed by a dd of authors and a dd of [pdf] [supp] [arXiv] links; paper pages
// have #papertitle, #authors, #abstract and citation_* meta. A paper with an arXiv link gets its arXiv ID.
func init() {
	register(adapter{
		site:    "cvf",
		match:   func(u *url.URL) bool { return hostIs(u, cvfHosts...) },
		extract: extractCVF,
	})
}

func extractCVF(d *document) []paper.Paper {
	if d.Find("#papertitle").Length() > 0 {
		if p, ok := cvfPaperPage(d); ok {
			return []paper.Paper{p}
		}
	}
	return cvfListing(d)
}

func cvfPaperPage(d *document) (paper.Paper, bool) {
	p := paper.Paper{
		Title:     text(d.Find("#papertitle").First()),
		URL:       d.url.String(),
		Authors:   d.meta("citation_author"),
		PDFURL:    d.firstMeta("citation_pdf_url"),
		Venue:     d.firstMeta("citation_conference_title"),
		Published: d.firstMeta("citation_publication_date"),
		Abstract:  text(d.Find("#abstract").First()),
		Locator:   paper.Locator{Selector: "#papertitle"},
	}
	if p.Title == "" {
		p.Title = d.firstMeta("citation_title")
	}
	if len(p.Authors) == 0 {
		// <div id="authors"><b><i>A, B, C</i></b>; Venue, Year, pp. …</div>
		p.Authors = cvfSplitNames(text(d.Find("#authors i").First()))
	}
	if p.PDFURL == "" {
		p.PDFURL = d.Find("a[href$='.pdf'][href*='/papers/']").First().AttrOr("href", "")
	}
	p.ArxivID = cvfArxiv(d.Find("a[href*='arxiv.org/']"))
	p.ID = cvfID(d, p)
	return p, p.Title != ""
}

func cvfListing(d *document) []paper.Paper {
	var out []paper.Paper
	d.Find("dt.ptitle").Each(func(_ int, dt *dom.Selection) {
		link := dt.Find("a[href*='/html/']").First()
		href, ok := link.Attr("href")
		if !ok {
			return
		}
		abs := d.abs(href)
		p := paper.Paper{Title: text(link), URL: abs, Locator: paper.Locator{Href: abs}}
		dds := dt.NextUntil("dt")
		dds.Find("form.authsearch input[name^='query']").Each(func(_ int, in *dom.Selection) {
			p.Authors = append(p.Authors, in.AttrOr("value", ""))
		})
		if len(p.Authors) == 0 {
			dds.Find("form.authsearch a").Each(func(_ int, a *dom.Selection) {
				p.Authors = append(p.Authors, text(a))
			})
		}
		if first := dds.First(); len(p.Authors) == 0 && first.Find("a[href]").Length() == 0 && !strings.Contains(text(first), "[") {
			// Older listings print the names as text, without search forms; a first dd of [pdf] links
			// means the names are missing.
			p.Authors = cvfSplitNames(text(first))
		}
		dds.Find("a").EachWithBreak(func(_ int, a *dom.Selection) bool {
			h := a.AttrOr("href", "")
			if strings.EqualFold(text(a), "pdf") && strings.HasSuffix(strings.ToLower(h), ".pdf") {
				p.PDFURL = h
				return false
			}
			return true
		})
		p.ArxivID = cvfArxiv(dds.Find("a"))
		p.Venue = cvfVenue(d)
		if i := strings.LastIndexByte(p.Venue, ' '); i >= 0 {
			p.Published = p.Venue[i+1:]
		}
		p.ID = cvfID(d, p)
		out = append(out, p)
	})
	return out
}

// cvfArxiv returns the arXiv ID of the first arXiv link among links.
func cvfArxiv(links *dom.Selection) string {
	id := ""
	links.EachWithBreak(func(_ int, a *dom.Selection) bool {
		if got, _, ok := paper.ParseArxiv(a.AttrOr("href", "")); ok {
			id = got
			return false
		}
		return true
	})
	return id
}

func cvfID(d *document, p paper.Paper) string {
	if p.ArxivID != "" {
		return paper.ArxivPrefix + p.ArxivID
	}
	return paper.IDFromURL(d.abs(p.URL))
}

// cvfVenue names the conference of a listing from its URL path: /CVPR2024 is "CVPR 2024", and so are
// /CVPR2024_workshops/…, /content/CVPR2024/… and the older /CVPR2018.py.
func cvfVenue(d *document) string {
	if name, year, ok := cvfVenueMatch(d.url.Path); ok {
		return name + " " + year
	}
	return ""
}

func cvfSplitNames(s string) []string {
	var out []string
	for _, n := range strings.Split(s, ",") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}
