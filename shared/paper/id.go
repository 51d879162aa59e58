package paper

import (
	"net/url"
	"strings"
)

// Prefixes of canonical IDs, in the order of preference used when a page shows several identifiers
// for one paper: the arXiv ID wins, so that HF Papers, arXiv listings, abs pages and arXiv DOIs agree.
const (
	ArxivPrefix      = "arxiv:"
	ACLPrefix        = "acl:"
	OpenReviewPrefix = "openreview:"
	DOIPrefix        = "doi:"
	S2Prefix         = "s2:"
	URLPrefix        = "url:"
)

// The patterns of identifiers are in scan.go: new-style arXiv IDs (YYMM.NNNN, YYMM.NNNNN since 2015) and
// old-style archive[.SC]/YYMMNNN, DOIs, ACL Anthology IDs (2021.naacl-main.208 since 2020, P19-1001 and
// W19-4201 before), OpenReview and Semantic Scholar IDs.

// ParseArxiv returns the versionless arXiv ID and the version ("v2" or "") of s, which may be a bare ID,
// "arXiv:ID", an arxiv.org abs/pdf/html URL or an arXiv DOI. Old-style IDs drop their subject class:
// "math.GT/0309136" is "math/0309136".
func ParseArxiv(s string) (id, version string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", "", false
	}
	if d, ok := normalizeDOI(s); ok {
		if id, ok := arxivFromDOI(d); ok {
			return ParseArxiv(id)
		}
		return "", "", false
	}
	lower := strings.ToLower(s)
	lower = strings.TrimPrefix(lower, "arxiv:")
	if id, v, ok := matchArxivNew(lower); ok && plausibleNewArxiv(id) {
		return id, v, true
	}
	if archive, number, v, ok := matchArxivOld(lower); ok {
		return archive + "/" + number, v, true
	}
	if u, err := url.Parse(s); err == nil && isArxivHost(u.Host) {
		if id, ok := findArxivInText(u.Path); ok {
			return ParseArxiv(id)
		}
	}
	return "", "", false
}

// plausibleNewArxiv checks the month and the serial width: four digits until 1412, five since 1501.
func plausibleNewArxiv(id string) bool {
	yymm := id[:4]
	month := yymm[2:]
	if month < "01" || month > "12" || yymm < "0704" {
		return false
	}
	return (len(id) == 10) == (yymm >= "1501")
}

func isArxivHost(host string) bool {
	host = strings.ToLower(host)
	return host == "arxiv.org" || strings.HasSuffix(host, ".arxiv.org")
}

func arxivFromDOI(doi string) (string, bool) {
	rest, ok := restOfLine(strings.ToLower(doi), "10.48550/arxiv.")
	if !ok {
		return "", false
	}
	id, _, ok := ParseArxiv(rest)
	return id, ok
}

// NormalizeDOI returns the lower-cased DOI of s, which may be a bare DOI, "doi:…", "info:doi/…" or any
// doi.org / dx.doi.org URL (percent-encoded or not).
func NormalizeDOI(s string) (string, error) {
	if d, ok := normalizeDOI(s); ok {
		return d, nil
	}
	return "", invalid("doi", "%s is not a DOI", Quote(s))
}

// normalizeDOI is NormalizeDOI for callers that only ask whether s is a DOI: ParseArxiv asks it of
// every link, and formatting an error nobody reads was a visible share of a listing's time.
func normalizeDOI(s string) (string, bool) {
	lower := strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"https://", "http://"} {
		lower = strings.TrimPrefix(lower, p)
	}
	for _, p := range []string{"dx.doi.org/", "www.doi.org/", "doi.org/", "doi:", "info:doi/"} {
		if strings.HasPrefix(lower, p) {
			lower = strings.TrimPrefix(lower, p)
			break
		}
	}
	if dec, err := url.PathUnescape(lower); err == nil {
		lower = dec
	}
	lower = strings.TrimSpace(strings.TrimRight(lower, ".,;"))
	if !isDOI(lower) {
		return "", false
	}
	return lower, true
}

// FindDOI returns the first DOI inside free text or a URL, normalized.
func FindDOI(s string) (string, bool) {
	if u, err := url.PathUnescape(s); err == nil {
		s = u
	}
	m := findDOIInText(s)
	if m == "" {
		return "", false
	}
	return normalizeDOI(m)
}

// IDFromDOI returns the canonical ID of a normalized DOI: arXiv and ACL Anthology DOIs map to those IDs,
// so the DOI page of a paper gets the same ID as its arXiv or Anthology page.
func IDFromDOI(doi string) string {
	if id, ok := arxivFromDOI(doi); ok {
		return ArxivPrefix + id
	}
	// ACL Anthology DOIs: 10.18653/v1/<id> since 2016, 10.3115/v1/<id> for 2014-2015.
	rest, ok := restOfLine(doi, "10.18653/v1/")
	if !ok {
		rest, ok = restOfLine(doi, "10.3115/v1/")
	}
	if ok {
		if id, ok := normalizeACL(rest); ok {
			return ACLPrefix + id
		}
	}
	return DOIPrefix + doi
}

func normalizeACL(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 0 && s[0] >= '0' && s[0] <= '9' {
		s = strings.ToLower(s)
	} else {
		s = strings.ToUpper(s)
	}
	return s, isACLID(s)
}

// IDFromURL returns the canonical ID that a link points to: arXiv, DOI resolver, ACL Anthology, OpenReview,
// Semantic Scholar and Hugging Face Papers links are recognized; any other http(s) URL becomes url:<canonical URL>.
// It returns "" for something that is not an absolute http(s) URL.
func IDFromURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	path := u.Path
	switch {
	case isArxivHost(host):
		if id, _, ok := ParseArxiv(raw); ok {
			return ArxivPrefix + id
		}
	case host == "huggingface.co" || host == "hf.co":
		if rest, ok := strings.CutPrefix(path, "/papers/"); ok {
			if id, _, ok := ParseArxiv(strings.Trim(rest, "/")); ok {
				return ArxivPrefix + id
			}
		}
	case host == "doi.org" || host == "dx.doi.org":
		if d, ok := normalizeDOI(strings.TrimPrefix(u.EscapedPath(), "/")); ok {
			return IDFromDOI(d)
		}
	case host == "aclanthology.org" || host == "aclweb.org":
		seg := lastSegment(strings.TrimPrefix(path, "/anthology"))
		seg = strings.TrimSuffix(seg, ".pdf")
		if id, ok := normalizeACL(seg); ok {
			return ACLPrefix + id
		}
	case host == "openreview.net":
		if id := u.Query().Get("id"); (path == "/forum" || path == "/pdf") && isOpenReviewIDString(id) {
			return OpenReviewPrefix + id
		}
	case host == "semanticscholar.org" || host == "api.semanticscholar.org":
		if rest, ok := strings.CutPrefix(path, "/paper/"); ok {
			if seg := lastSegment(rest); isS2ID(seg) && len(seg) == 40 {
				return S2Prefix + seg
			}
		}
		if rest, ok := strings.CutPrefix(path, "/CorpusID:"); ok && isS2ID(rest) {
			return S2Prefix + rest
		}
	}
	return URLPrefix + CanonicalURL(u)
}

func lastSegment(p string) string {
	p = strings.Trim(p, "/")
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

// CanonicalURL lower-cases scheme and host, drops the default port, the fragment, "www." is kept,
// and removes tracking parameters (utm_*, fbclid, gclid), so the same page always gives the same url: ID.
func CanonicalURL(u *url.URL) string {
	c := *u
	c.Scheme = strings.ToLower(c.Scheme)
	c.Host = strings.ToLower(c.Host)
	if (c.Scheme == "https" && strings.HasSuffix(c.Host, ":443")) || (c.Scheme == "http" && strings.HasSuffix(c.Host, ":80")) {
		c.Host = c.Host[:strings.LastIndexByte(c.Host, ':')]
	}
	c.Fragment, c.RawFragment, c.User = "", "", nil
	if c.RawQuery != "" {
		q := c.Query()
		for k := range q {
			if strings.HasPrefix(k, "utm_") || k == "fbclid" || k == "gclid" {
				q.Del(k)
			}
		}
		c.RawQuery = q.Encode()
	}
	if c.Path == "" {
		c.Path = "/"
	}
	return c.String()
}

// MaxIDLen caps a paper ID, in bytes. The longest real ones are url: IDs of long links, well under it; without a
// cap a client could store megabytes under one ID.
const MaxIDLen = 2048

// ParseID checks that id is a canonical paper ID and returns it unchanged, or an *Error saying why not.
// Canonical means what Paper.Normalize, IDFromDOI and IDFromURL give, so one paper has one ID: an ID of a
// weaker kind for a paper that has a stronger one (doi:10.48550/arxiv.…, url:https://arxiv.org/abs/…) is refused.
func ParseID(id string) (string, error) {
	if len(id) > MaxIDLen {
		return "", invalid("id", "%s is longer than %d bytes", Quote(id), MaxIDLen)
	}
	kind, body, ok := strings.Cut(id, ":")
	if !ok || body == "" {
		return "", invalid("id", "%s is not a paper ID (arxiv:, doi:, openreview:, acl:, s2: or url:)", Quote(id))
	}
	good := false
	switch kind + ":" {
	case ArxivPrefix:
		got, v, ok := ParseArxiv(body)
		good = ok && got == body && v == ""
	case DOIPrefix:
		// An arXiv or ACL DOI is not canonical: its paper's ID is arxiv: or acl:.
		d, ok := normalizeDOI(body)
		good = ok && IDFromDOI(d) == id
	case OpenReviewPrefix:
		good = isOpenReviewIDString(body)
	case ACLPrefix:
		n, ok := normalizeACL(body)
		good = ok && n == body
	case S2Prefix:
		good = isS2ID(body)
	case URLPrefix:
		// Canonical, and not a link IDFromURL recognizes (an arXiv abs page's ID is arxiv:).
		good = IDFromURL(body) == id
	}
	if !good {
		return "", invalid("id", "%s is not a canonical paper ID", Quote(id))
	}
	return id, nil
}
