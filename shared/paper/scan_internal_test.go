package paper

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/shared/matchtest"
)

// generated is matchtest.Strings with this package's seed.
func generated(n int, fragments ...string) []string { return matchtest.Strings(1, n, fragments...) }

var idFragments = []string{"10.", "1101/", "48550/arxiv.", "18653/v1/", "3115/v1/", "1063/", "2401", "0704", "1412",
	"1501", ".", "1234", "12345", "0309136", "v", "v2", "V1", "/", "abs/", "pdf", ".pdf", ".PDF", "math", "-", "GT",
	"hep-th", " ", "\n", "\t", ":", "?", "#", "P19", "W19", "-1001", "naacl-main", "a1", "_", "x", "é", "\xff", "\"",
	"<", "ABCDE", "0123456789abcdef0123456789abcdef01234567", "000000000000"}

var pathFragments = []string{"/", "/content/", "10.1101/", "2023.01.01.", "522222", "v1", "v", ".full", ".pdf",
	".abstract", ".full-text", "-text", "papers/", "/papers/", "/file/", "/hash/", "abc123", "ABC", "-Paper",
	"-Abstract", "-Conference", "_x", ".html", "/doi/", "10.1063/", "1.3558920", "/articles/", "s41586-021", "_",
	"/v37/", "v37", "name", "\n", "/PDF", "/epdf", "/fulltext", "/Full", "/reader", "/html", "/meta", "x", "."}

func TestIDScansAgreeWithRegexps(t *testing.T) {
	var (
		arxivNewRe  = regexp.MustCompile(`^(\d{4}\.\d{4,5})(v\d+)?$`)
		arxivOldRe  = regexp.MustCompile(`^([a-z]+(?:-[a-z]+)*)(?:\.[A-Za-z]{2})?/(\d{7})(v\d+)?$`)
		arxivInText = regexp.MustCompile(`(?i)(?:^|[/:\s])((?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[a-z]{2})?/\d{7})(?:v\d+)?)(?:\.pdf)?(?:$|[/?#\s])`)
		doiRe       = regexp.MustCompile(`^10\.\d{4,9}/\S+$`)
		doiInText   = regexp.MustCompile(`10\.\d{4,9}/[^\s"'<>]+`)
		arxivDOIRe  = regexp.MustCompile(`^10\.48550/arxiv\.(.+)$`)
		aclRe       = regexp.MustCompile(`^(?:\d{4}\.[a-z0-9]+(?:-[a-z0-9]+)*\.\d+|[A-Z]\d{2}-\d{4})$`)
		openReview  = regexp.MustCompile(`^[A-Za-z0-9_\-]{5,}$`)
		s2Re        = regexp.MustCompile(`^(?:[0-9a-f]{40}|\d{1,12})$`)
		versionRe   = regexp.MustCompile(`^v\d+$`)
	)
	cases := append(generated(40000, idFragments...), generated(20000, "2401", ".", "1234", "5", "v", "V", "2", "math",
		"-", "ph", ".GT", "/", "0309136", "abs/", ".pdf", " ", ":", "?", "10.48550/arxiv.")...)
	cases = append(cases, "2401.12345v2", "math.GT/0309136v1", "/abs/2401.12345v2.pdf", "hep-th/9901001",
		"10.48550/arxiv.2401.12345", "2021.naacl-main.208", "P19-1001", "10.1145/3292500.3330701")
	for _, s := range cases {
		id, v, ok := matchArxivNew(s)
		matchtest.RequireGroups(t, arxivNewRe, s, ok, id, v)
		archive, number, v, ok := matchArxivOld(s)
		matchtest.RequireGroups(t, arxivOldRe, s, ok, archive, number, v)
		id, ok = findArxivInText(s)
		matchtest.RequireGroups(t, arxivInText, s, ok, id)
		require.Equal(t, doiRe.MatchString(s), isDOI(s), "doi %q", s)
		require.Equal(t, doiInText.FindString(s), findDOIInText(s), "doiInText %q", s)
		rest, ok := restOfLine(s, "10.48550/arxiv.")
		matchtest.RequireGroups(t, arxivDOIRe, s, ok, rest)
		require.Equal(t, aclRe.MatchString(s), isACLID(s), "acl %q", s)
		require.Equal(t, openReview.MatchString(s), isOpenReviewIDString(s), "openreview %q", s)
		require.Equal(t, s2Re.MatchString(s), isS2ID(s), "s2 %q", s)
		require.Equal(t, versionRe.MatchString(s), isArxivVersion(s), "version %q", s)
	}
}

func TestPathScansAgreeWithRegexps(t *testing.T) {
	var (
		cvfPDFRe        = regexp.MustCompile(`^(/.*)/papers/([^/]+)\.pdf$`)
		pmlrPDFRe       = regexp.MustCompile(`^/(v\d+)/([^/]+)/([^/]+)\.pdf$`)
		pmlrHTMLRe      = regexp.MustCompile(`^/(v\d+)/([^/]+)\.html$`)
		neuripsPDFRe    = regexp.MustCompile(`^(/.*)/file/([0-9a-f]+)-Paper(-[A-Za-z_]+)?\.pdf$`)
		neuripsHTMLRe   = regexp.MustCompile(`^/.*/hash/[0-9a-f]+-Abstract(-[A-Za-z_]+)?\.html$`)
		rxivPathRe      = regexp.MustCompile(`^/content/(10\.1101/[0-9.]+?)(v\d+)?(?:\.full(?:\.pdf)?|\.abstract|\.full-text)?/?$`)
		aipPDFRe        = regexp.MustCompile(`^/.*/doi/(10\.1063/[^/]+)/`)
		natureArticleRe = regexp.MustCompile(`^/articles/([a-z0-9._-]+?)(\.pdf)?/?$`)
		doiPathTail     = regexp.MustCompile(`(?i)(?:/(?:pdf|epdf|pdfdirect|full|abstract|fulltext|meta|reader|html)|\.pdf|\.full)+/?$`)
	)
	cases := append(generated(40000, pathFragments...), generated(20000, "/content/10.1101/", "2023", ".", "01", "v",
		"1", ".full", ".pdf", ".abstract", "-text", "/", "/articles/", "a")...)
	cases = append(cases, "/content/10.1101/2023.01.01.522222v1.full.pdf", "/content/10.1101/2023.01.01.522222.full",
		"/v37/name/name.pdf", "/paper/2020/file/abc123-Paper-Conference.pdf", "/aip/apl/article-pdf/doi/10.1063/1.3558920/1/x.pdf",
		"/articles/s41586-021-03819-2.pdf", "10.1000/xyz/pdf/full/")
	for _, s := range cases {
		dir, name, ok := matchCVFPDF(s)
		matchtest.RequireGroups(t, cvfPDFRe, s, ok, dir, name)
		volume, dir, name, ok := matchPMLRPDF(s)
		matchtest.RequireGroups(t, pmlrPDFRe, s, ok, volume, dir, name)
		require.Equal(t, pmlrHTMLRe.MatchString(s), isPMLRHTML(s), "pmlr html %q", s)
		head, hash, track, ok := matchNeurIPS(s, "file", "Paper", ".pdf")
		matchtest.RequireGroups(t, neuripsPDFRe, s, ok, head, hash, track)
		_, _, _, ok = matchNeurIPS(s, "hash", "Abstract", ".html")
		require.Equal(t, neuripsHTMLRe.MatchString(s), ok, "neurips html %q", s)
		doi, v, ok := matchRxiv(s)
		matchtest.RequireGroups(t, rxivPathRe, s, ok, doi, v)
		doi, ok = matchAIPPDF(s)
		matchtest.RequireGroups(t, aipPDFRe, s, ok, doi)
		id, pdf, ok := matchNatureArticle(s)
		matchtest.RequireGroups(t, natureArticleRe, s, ok, id, map[bool]string{true: ".pdf"}[pdf])
		require.Equal(t, doiPathTail.ReplaceAllString(s, ""), trimDOIPathTail(s), "doi tail %q", s)
	}
}

func TestTeXScansAgreeWithRegexps(t *testing.T) {
	for _, s := range generated(20000, `\`, `'`, "`", `"`, `~`, `{`, `}`, `e`, `i`, `\i`, ` `, "\t", `c`, `v`, `u`,
		`H`, `k`, `emph`, `textbf`, `underline`, `&`, `%`, `_`, `x`, `1`, `é`, `$`, `ss`, `o`) {
		assert.Equal(t, referenceCleanText(s), CleanText(s), "%q", s)
	}
}
