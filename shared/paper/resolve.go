package paper

import (
	"net/url"
	"strings"
)

// Where the metadata of a resolved paper comes from (Resolved.Source).
//
// arXiv papers come from the arXiv API batch the extension already uses for listings (its host is permitted
// at install). OpenReview papers come from the notes API (api2.openreview.net): the forum page is rendered by
// script, and the API gives title, authors and abstract as plain JSON. DOIs come from the Crossref REST API
// (api.crossref.org/works/DOI) rather than doi.org content negotiation: negotiation redirects to the DOI's
// registration agency (Crossref, DataCite, mEDRA…), so the extension would have to ask for every agency's
// origin, while Crossref is one origin, returns the abstract when the publisher deposited one, and also
// answers the title search used for PDFs that print no ID. Proceedings sites without an API (ACL Anthology,
// CVF, PMLR, NeurIPS) come from the paper's HTML landing page through the extractor, which reads their
// citation_* meta.
const (
	SourceArxivAPI      = "arxiv-api"
	SourceOpenReviewAPI = "openreview-api"
	SourceCrossref      = "crossref"
	SourcePage          = "page"
)

// Resolved is what a URL says about the paper it shows, before anything is fetched.
type Resolved struct {
	// ID is the canonical ID when the URL names one; "" when only the landing page can tell (CVF, PMLR, NeurIPS),
	// where the ID is the one the extractor gives that page, as on the site's listings.
	ID string `json:"id,omitempty"`
	// Version is the arXiv version the URL names ("v7").
	Version string `json:"version,omitempty"`
	// Site names the rule that matched: "arxiv", "openreview", "acl", "cvf", "pmlr", "neurips", "biorxiv", "doi".
	Site string `json:"site"`
	// PDF is true when the URL is the paper's PDF rather than an HTML page.
	PDF bool `json:"pdf"`
	// Source is where the metadata comes from (Source* constants), MetadataURL what to fetch there.
	Source      string `json:"source"`
	MetadataURL string `json:"metadata_url"`
	// Landing is the paper's HTML landing page, the URL a saved paper links to.
	Landing string `json:"landing_url"`
}

// resolveRule maps one family of URLs to a paper. hosts match the host or a subdomain of it ("" in hosts:
// any host); resolve gets the parsed URL with its host lower-cased and "www." dropped.
type resolveRule struct {
	site    string
	hosts   []string
	resolve func(u *url.URL, host string) (Resolved, bool)
}

// resolveRules is the one table of paper URLs, tried in order; the DOI rule comes last and matches any host.
var resolveRules = []resolveRule{
	{"arxiv", []string{"arxiv.org", "alphaxiv.org", "huggingface.co", "hf.co"}, resolveArxiv},
	{"openreview", []string{"openreview.net"}, resolveOpenReview},
	{"acl", []string{"aclanthology.org", "aclweb.org"}, resolveACL},
	{"cvf", []string{"openaccess.thecvf.com"}, resolveCVF},
	{"pmlr", []string{"proceedings.mlr.press"}, resolvePMLR},
	{"neurips", []string{"proceedings.neurips.cc", "papers.nips.cc", "papers.neurips.cc"}, resolveNeurIPS},
	{"biorxiv", []string{"biorxiv.org", "medrxiv.org"}, resolveRxiv},
	{"nature", []string{"nature.com"}, resolveNature},
	{"aip", []string{"pubs.aip.org"}, resolveAIP},
	{"doi", []string{""}, resolveDOIInURL},
}

// Resolve maps the URL of a paper page or PDF to its paper and the place its metadata comes from, from the
// URL alone. ok is false for a URL that names no paper (a listing, a search page, an unknown PDF).
func Resolve(rawURL string) (Resolved, bool) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Resolved{}, false
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	for _, r := range resolveRules {
		if !hostMatches(host, r.hosts) {
			continue
		}
		if res, ok := r.resolve(u, host); ok {
			res.Site = r.site
			return res, true
		}
	}
	return Resolved{}, false
}

func hostMatches(host string, hosts []string) bool {
	for _, h := range hosts {
		if h == "" || host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// ArxivResolved is the Resolved of an arXiv ID: metadata from the arXiv API, landing page its abs page.
func ArxivResolved(id, version string, pdf bool) Resolved {
	return Resolved{
		ID: ArxivPrefix + id, Version: version, Site: "arxiv", PDF: pdf, Source: SourceArxivAPI,
		MetadataURL: "https://export.arxiv.org/api/query?id_list=" + url.QueryEscape(id) + "&max_results=1",
		Landing:     "https://arxiv.org/abs/" + id,
	}
}

// DOIResolved is the Resolved of a normalized DOI: arXiv and ACL DOIs go to those sources, others to Crossref.
func DOIResolved(doi string, pdf bool) Resolved {
	id := IDFromDOI(doi)
	if a, ok := strings.CutPrefix(id, ArxivPrefix); ok {
		return ArxivResolved(a, "", pdf)
	}
	if a, ok := strings.CutPrefix(id, ACLPrefix); ok {
		return aclResolved(a, pdf)
	}
	return Resolved{
		ID: id, Site: "doi", PDF: pdf, Source: SourceCrossref,
		MetadataURL: "https://api.crossref.org/works/" + strings.ReplaceAll(url.PathEscape(doi), "%2F", "/"),
		Landing:     "https://doi.org/" + doi,
	}
}

func aclResolved(id string, pdf bool) Resolved {
	landing := "https://aclanthology.org/" + id + "/"
	return Resolved{ID: ACLPrefix + id, Site: "acl", PDF: pdf, Source: SourcePage, MetadataURL: landing, Landing: landing}
}

func pageResolved(landing string, pdf bool) Resolved {
	return Resolved{PDF: pdf, Source: SourcePage, MetadataURL: landing, Landing: landing}
}

func resolveArxiv(u *url.URL, host string) (Resolved, bool) {
	path := u.Path
	switch {
	case host == "huggingface.co" || host == "hf.co":
		rest, ok := strings.CutPrefix(path, "/papers/")
		if !ok {
			return Resolved{}, false
		}
		path = "/abs/" + strings.Trim(rest, "/")
	case host == "alphaxiv.org":
		// alphaxiv.org/abs/ID and alphaxiv.org/overview/ID
		if rest, ok := strings.CutPrefix(path, "/overview/"); ok {
			path = "/abs/" + rest
		}
	}
	if !strings.HasPrefix(path, "/abs/") && !strings.HasPrefix(path, "/pdf/") && !strings.HasPrefix(path, "/html/") &&
		!strings.HasPrefix(path, "/ps/") && !strings.HasPrefix(path, "/format/") {
		return Resolved{}, false
	}
	id, version, ok := ParseArxiv("https://arxiv.org" + path)
	if !ok {
		return Resolved{}, false
	}
	return ArxivResolved(id, version, strings.HasPrefix(path, "/pdf/") || strings.HasPrefix(path, "/ps/") || strings.HasPrefix(path, "/format/")), true
}

func resolveOpenReview(u *url.URL, _ string) (Resolved, bool) {
	id := u.Query().Get("id")
	if (u.Path != "/forum" && u.Path != "/pdf") || !isOpenReviewIDString(id) {
		return Resolved{}, false
	}
	return Resolved{
		ID: OpenReviewPrefix + id, PDF: u.Path == "/pdf", Source: SourceOpenReviewAPI,
		MetadataURL: "https://api2.openreview.net/notes?id=" + url.QueryEscape(id),
		Landing:     "https://openreview.net/forum?id=" + url.QueryEscape(id),
	}, true
}

func resolveACL(u *url.URL, _ string) (Resolved, bool) {
	seg := lastSegment(strings.TrimPrefix(u.Path, "/anthology"))
	pdf := strings.HasSuffix(strings.ToLower(seg), ".pdf")
	if pdf {
		seg = seg[:len(seg)-4]
	}
	id, ok := normalizeACL(seg)
	if !ok {
		return Resolved{}, false
	}
	return aclResolved(id, pdf), true
}

// resolveCVF maps …/papers/X.pdf to its sibling …/html/X.html; the HTML page itself resolves to itself.
func resolveCVF(u *url.URL, host string) (Resolved, bool) {
	if dir, name, ok := matchCVFPDF(u.Path); ok {
		return pageResolved("https://"+host+dir+"/html/"+name+".html", true), true
	}
	if strings.Contains(u.Path, "/html/") && strings.HasSuffix(u.Path, ".html") {
		return pageResolved("https://"+host+u.Path, false), true
	}
	return Resolved{}, false
}

// resolvePMLR maps /vNN/name/name.pdf to /vNN/name.html.
func resolvePMLR(u *url.URL, host string) (Resolved, bool) {
	if volume, dir, name, ok := matchPMLRPDF(u.Path); ok && dir == name {
		return pageResolved("https://"+host+"/"+volume+"/"+name+".html", true), true
	}
	if isPMLRHTML(u.Path) {
		return pageResolved("https://"+host+u.Path, false), true
	}
	return Resolved{}, false
}

// resolveNeurIPS maps …/file/HASH-Paper(-Conference).pdf to …/hash/HASH-Abstract(-Conference).html.
func resolveNeurIPS(u *url.URL, host string) (Resolved, bool) {
	if head, hash, track, ok := matchNeurIPS(u.Path, "file", "Paper", ".pdf"); ok {
		return pageResolved("https://"+host+head+"/hash/"+hash+"-Abstract"+track+".html", true), true
	}
	if _, _, _, ok := matchNeurIPS(u.Path, "hash", "Abstract", ".html"); ok {
		return pageResolved("https://"+host+u.Path, false), true
	}
	return Resolved{}, false
}

// resolveRxiv reads the DOI of a bioRxiv/medRxiv page or PDF (/content/10.1101/2023.01.01.522222v1.full.pdf).
func resolveRxiv(u *url.URL, _ string) (Resolved, bool) {
	d, _, ok := matchRxiv(u.Path)
	if !ok {
		return Resolved{}, false
	}
	doi, ok := normalizeDOI(strings.TrimSuffix(d, "."))
	if !ok {
		return Resolved{}, false
	}
	return DOIResolved(doi, strings.HasSuffix(u.Path, ".pdf")), true
}

// resolveNature: nature.com article IDs are the suffix of their 10.1038 DOI (s41586-021-03819-2).
func resolveNature(u *url.URL, _ string) (Resolved, bool) {
	id, pdf, ok := matchNatureArticle(u.Path)
	if !ok {
		return Resolved{}, false
	}
	doi, ok := normalizeDOI("10.1038/" + id)
	if !ok {
		return Resolved{}, false
	}
	return DOIResolved(doi, pdf), true
}

// resolveAIP: AIP PDF paths go on after the DOI (/aip/apl/article-pdf/doi/10.1063/1.3558920/14444561/x.pdf),
// and AIP DOIs have one slash, so the DOI ends at the next one.
func resolveAIP(u *url.URL, _ string) (Resolved, bool) {
	d, ok := matchAIPPDF(u.Path)
	if !ok {
		return resolveDOIInURL(u, "")
	}
	doi, ok := normalizeDOI(d)
	return DOIResolved(doi, strings.HasSuffix(u.Path, ".pdf")), ok
}

// resolveDOIInURL finds a DOI in the path (dl.acm.org/doi/pdf/…, link.springer.com/content/pdf/….pdf,
// onlinelibrary.wiley.com/doi/epdf/…, frontiersin.org/articles/…/pdf) or in a query value (PLOS
// article/file?id=…), without the tail publishers append to it.
func resolveDOIInURL(u *url.URL, _ string) (Resolved, bool) {
	pdf := strings.Contains(strings.ToLower(u.Path), "pdf") || strings.EqualFold(u.Query().Get("type"), "printable")
	candidates := []string{u.Path}
	for _, vs := range u.Query() {
		candidates = append(candidates, vs...)
	}
	for _, c := range candidates {
		if dec, err := url.PathUnescape(c); err == nil {
			c = dec
		}
		i := strings.Index(c, "10.")
		if i < 0 {
			continue
		}
		c = trimDOIPathTail(c[i:])
		if doi, ok := FindDOI(c); ok {
			return DOIResolved(doi, pdf), true
		}
	}
	return Resolved{}, false
}
