package paper

import (
	"net/url"
	"regexp"
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

var (
	// New-style arXiv IDs (YYMM.NNNN, YYMM.NNNNN since 2015) and old-style archive[.SC]/YYMMNNN.
	arxivNewRe = regexp.MustCompile(`^(\d{4}\.\d{4,5})(v\d+)?$`)
	arxivOldRe = regexp.MustCompile(`^([a-z]+(?:-[a-z]+)*)(?:\.[A-Za-z]{2})?/(\d{7})(v\d+)?$`)
	// arxivInText finds an arXiv ID inside a URL path or a string like "arXiv:2401.12345v2".
	arxivInText = regexp.MustCompile(`(?i)(?:^|[/:\s])((?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[a-z]{2})?/\d{7})(?:v\d+)?)(?:\.pdf)?(?:$|[/?#\s])`)
	doiRe       = regexp.MustCompile(`^10\.\d{4,9}/\S+$`)
	doiInText   = regexp.MustCompile(`10\.\d{4,9}/[^\s"'<>]+`)
	arxivDOIRe  = regexp.MustCompile(`^10\.48550/arxiv\.(.+)$`)
	// ACL Anthology DOIs: 10.18653/v1/<id> since 2016, 10.3115/v1/<id> for 2014-2015.
	aclDOIRe = regexp.MustCompile(`^10\.(?:18653|3115)/v1/(.+)$`)
	// ACL Anthology IDs: 2021.naacl-main.208 (since 2020) and P19-1001 / W19-4201 (before).
	aclRe        = regexp.MustCompile(`^(?:\d{4}\.[a-z0-9]+(?:-[a-z0-9]+)*\.\d+|[A-Z]\d{2}-\d{4})$`)
	openReviewRe = regexp.MustCompile(`^[A-Za-z0-9_\-]{5,}$`)
	s2Re         = regexp.MustCompile(`^(?:[0-9a-f]{40}|\d{1,12})$`)
	versionRe    = regexp.MustCompile(`^v\d+$`)
)

func isArxivVersion(v string) bool { return versionRe.MatchString(v) }

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
	if m := arxivNewRe.FindStringSubmatch(lower); m != nil && plausibleNewArxiv(m[1]) {
		return m[1], m[2], true
	}
	if m := arxivOldRe.FindStringSubmatch(lower); m != nil {
		return m[1] + "/" + m[2], m[3], true
	}
	if u, err := url.Parse(s); err == nil && isArxivHost(u.Host) {
		if m := arxivInText.FindStringSubmatch(u.Path); m != nil {
			return ParseArxiv(m[1])
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
	m := arxivDOIRe.FindStringSubmatch(strings.ToLower(doi))
	if m == nil {
		return "", false
	}
	id, _, ok := ParseArxiv(m[1])
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
	if !doiRe.MatchString(lower) {
		return "", false
	}
	return lower, true
}

// FindDOI returns the first DOI inside free text or a URL, normalized.
func FindDOI(s string) (string, bool) {
	if u, err := url.PathUnescape(s); err == nil {
		s = u
	}
	m := doiInText.FindString(s)
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
	if m := aclDOIRe.FindStringSubmatch(doi); m != nil {
		if id, ok := normalizeACL(m[1]); ok {
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
	return s, aclRe.MatchString(s)
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
		if id := u.Query().Get("id"); (path == "/forum" || path == "/pdf") && openReviewRe.MatchString(id) {
			return OpenReviewPrefix + id
		}
	case host == "semanticscholar.org" || host == "api.semanticscholar.org":
		if rest, ok := strings.CutPrefix(path, "/paper/"); ok {
			if seg := lastSegment(rest); s2Re.MatchString(seg) && len(seg) == 40 {
				return S2Prefix + seg
			}
		}
		if rest, ok := strings.CutPrefix(path, "/CorpusID:"); ok && s2Re.MatchString(rest) {
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
		good = openReviewRe.MatchString(body)
	case ACLPrefix:
		n, ok := normalizeACL(body)
		good = ok && n == body
	case S2Prefix:
		good = s2Re.MatchString(body)
	case URLPrefix:
		// Canonical, and not a link IDFromURL recognizes (an arXiv abs page's ID is arxiv:).
		good = IDFromURL(body) == id
	}
	if !good {
		return "", invalid("id", "%s is not a canonical paper ID", Quote(id))
	}
	return id, nil
}
