package extract

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/extract/internal/dom"
)

// Google Scholar result pages, in the current markup (div.gs_r.gs_or.gs_scl[data-cid] > div.gs_ri) and the
// 2016 one (div.gs_r > div.gs_ri). Each result has a title (h3.gs_rt), a byline (div.gs_a: "authors - venue,
// year - host") and a snippet (div.gs_rs).
//
// The snippet is not stored as the abstract: it is a fragment Scholar cut from the abstract or the full
// text around the query words, often starting mid-sentence and ending in "…". Paper.Abstract promises the
// full abstract, a TL;DR written from a fragment would read as if it summarized the paper, and a saved
// fragment would keep a later full abstract from being merged in.
func init() {
	register(adapter{
		site:    "scholar",
		match:   isScholarHost,
		extract: extractScholar,
	})
}

// isScholarHost matches scholar.google.com and every country domain (scholar.google.co.jp, …).
func isScholarHost(u *url.URL) bool {
	return strings.HasPrefix(strings.ToLower(u.Hostname()), "scholar.google.")
}

func extractScholar(d *document) []paper.Paper {
	var out []paper.Paper
	d.Find("div.gs_r").Each(func(_ int, r *dom.Selection) {
		ri := r.ChildrenFiltered("div.gs_ri").First()
		h3 := ri.ChildrenFiltered("h3.gs_rt").First()
		if h3.Length() == 0 {
			return
		}
		title := h3.Clone()
		title.Find("span.gs_ctc, span.gs_ctg2, span.gs_ctu, span.gs_ct1, span.gs_ct2").Remove()
		p := paper.Paper{Title: stripScholarTags(text(title))}
		link := h3.Find("a[href]").First()
		if href, ok := link.Attr("href"); ok {
			// The token is left out of the locator too, as it may be saved with the paper; current
			// markup also gives the data-cid selector below.
			p.URL = scholarStripToken(d.abs(href))
			p.Locator.Href = p.URL
		}
		if p.URL == "" {
			// A [CITATION] entry has no link of its own; its cluster of versions is the next best page.
			if c, ok := ri.Find("div.gs_fl a[href*='cluster=']").First().Attr("href"); ok {
				p.URL = d.abs(c)
				p.Locator.Href = p.URL
			}
		}
		if p.URL == "" {
			return // nothing stable to name it by
		}
		if cid, ok := r.Attr("data-cid"); ok && cid != "" && !strings.ContainsAny(cid, `"\`) {
			p.Locator = paper.Locator{Href: p.Locator.Href, Selector: `div.gs_r[data-cid="` + cid + `"]`}
		}
		p.Authors, p.Venue, p.Published = scholarByline(text(ri.ChildrenFiltered("div.gs_a").First()))
		r.Find("div.gs_or_ggsm a[href], div.gs_ggs a[href]").EachWithBreak(func(_ int, a *dom.Selection) bool {
			p.PDFURL = d.abs(a.AttrOr("href", ""))
			return false
		})
		p.ID = paper.IDFromURL(p.URL)
		// The arXiv ID wins over a publisher URL, so the same paper gets one ID on every site.
		for _, u := range []string{p.URL, p.PDFURL, scholarArxivInVenue(p.Venue)} {
			if id, _, ok := paper.ParseArxiv(u); ok {
				p.ArxivID, p.ID = id, paper.ArxivPrefix+id
				break
			}
		}
		if doi, ok := scholarDOI(p.URL); ok && !strings.HasPrefix(p.ID, paper.ArxivPrefix) {
			p.DOI = doi
			if strings.HasPrefix(p.ID, paper.URLPrefix) {
				p.ID = paper.IDFromDOI(doi)
			}
		}
		out = append(out, p)
	})
	return out
}

// scholarByline reads "A Author, B Author… - Venue, 2009 - host". Scholar shortens long author lists
// with "…"; the names shown are kept.
func scholarByline(s string) (authors []string, venue, year string) {
	parts := strings.Split(s, " - ")
	if len(parts) == 0 || parts[0] == "" {
		return nil, "", ""
	}
	for _, a := range strings.Split(parts[0], ",") {
		a = strings.TrimSpace(a)
		a = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(a, "…"), "..."))
		if strings.IndexFunc(a, unicode.IsLetter) >= 0 {
			authors = append(authors, a)
		}
	}
	if len(parts) >= 2 {
		mid := strings.TrimSpace(parts[1])
		if v, y, ok := scholarVenueYear(mid); ok {
			venue, year = v, y
		} else if len(parts) >= 3 {
			venue = mid
		}
	}
	if strings.HasSuffix(venue, "…") || strings.HasSuffix(venue, "...") {
		venue = "" // "Advances in neural …": a cut name would pass for a whole one
	}
	return authors, venue, year
}

// scholarArxivInVenue returns "arXiv:2103.03404" from a byline venue such as "arXiv preprint
// arXiv:2103.03404", for ParseArxiv.
func scholarArxivInVenue(venue string) string {
	if i, id := findAfter(venue, "arXiv:", false); i >= 0 {
		return venue[i : i+len("arXiv:")+len(id)]
	}
	return ""
}

// scholarStripToken removes the casa_token Scholar adds to publisher links for institutional access:
// it is tied to the user's session and must not be saved or synced.
func scholarStripToken(link string) string {
	u, err := url.Parse(link)
	if err != nil || !strings.Contains(u.RawQuery, "casa_token") {
		return link
	}
	q := u.Query()
	q.Del("casa_token")
	u.RawQuery = q.Encode()
	return u.String()
}

// scholarDOI finds a DOI in the path of a publisher link (dl.acm.org/doi/10.1145/…); the query string
// is left out, since its parameters would end up in the DOI.
func scholarDOI(link string) (string, bool) {
	u, err := url.Parse(link)
	if err != nil {
		return "", false
	}
	return paper.FindDOI(u.Path)
}
