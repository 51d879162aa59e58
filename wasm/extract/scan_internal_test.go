package extract

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/shared/matchtest"
)

// generated is matchtest.Strings with this package's seed.
func generated(n int, fragments ...string) []string { return matchtest.Strings(3, n, fragments...) }

func TestScansAgreeWithRegexps(t *testing.T) {
	var (
		scholarTag        = regexp.MustCompile(`^(?:\[(?:PDF|HTML|BOOK|B|CITATION|C|DOC|PS)\]\s*)+`)
		scholarVenueYr    = regexp.MustCompile(`^(?:(.*?),\s*)?((?:19|20)\d{2})$`)
		scholarArxivVenue = regexp.MustCompile(`arXiv:(\S+)`)
		cvfVenueRe        = regexp.MustCompile(`(?:^|/)([A-Z]{3,6})(\d{4})(?:[_./?]|$)`)
		openReviewDateRe  = regexp.MustCompile(`\b(\d{1,2}) ([A-Z][a-z]{2})[a-z]*\.? (\d{4})\b`)
		s2CorpusRe        = regexp.MustCompile(`Corpus ID:\s*(\d{1,12})`)
		s2ArxivRe         = regexp.MustCompile(`arXiv:\s*(\S+)`)
		cssIdent          = regexp.MustCompile(`^-?[A-Za-z_][A-Za-z0-9_-]*$`)
		aclMonthDateRe    = regexp.MustCompile(`^(\d{4})/(\d{1,2})$`)
		aclOldWorkshop    = regexp.MustCompile(`^W\d{2}-\d{2}00$`)
		aclOldZero        = regexp.MustCompile(`^[A-VX-Z]\d{2}-\d000$`)
		arxivSubjectRe    = regexp.MustCompile(`\(([a-z][a-z\-]*(?:\.[A-Za-z][A-Za-z\-]*)?)\)`)
		arxivThisVersion  = regexp.MustCompile(`this version, (v\d+)`)
		arxivSubmittedRe  = regexp.MustCompile(`Submitted on (\d{1,2} [A-Z][a-z]{2} \d{4})`)
		arxivSearchDateRe = regexp.MustCompile(`(?i)(v1 )?submitted\s+(\d{1,2} [A-Za-z]+,? \d{4})`)
	)
	cases := generated(60000, "[PDF]", "[B]", "[C]", "[HTML]", "[X]", " ", "\t", "\n", ",", "19", "20", "09", "2009",
		"Venue", "arXiv:", "2103.03404", "/", "CVPR", "ICCV", "WACV2024", "2024", "_", ".", "?", "1", "12", "Feb",
		"Sept", "Sep.", "feb", "a", "Corpus ID:", "13756489", "1234567890123", "-", "W19", "P19", "-4200", "1000",
		"(", ")", "cs.CL", "hep-th", "q-bio", ".NC", "this version, v", "v2", "Submitted on ", "Jun", "v1 ",
		"submitted", "SUBMITTED", "V1 ", "January", ";", "é", "\xff")
	cases = append(cases, "[PDF] [HTML]Title", "Foundations and trends in Machine Learning, 2009", "/CVPR2024_workshops/",
		"Published: 01 Feb 2023, Last Modified", "19 Sept. 2023 (modified: x)", "Corpus ID: 13756489", "arXiv: 1706.03762",
		"2021/6", "W19-4200", "P19-1000", "Computation and Language (cs.CL); Machine Learning (cs.LG)",
		"[v1] Mon, 12 Jun 2017 (this version, v7)", "[Submitted on 12 Jun 2017 (v1)]",
		"Submitted 25 January, 2024; v1 submitted 12 June, 2017;")
	for _, s := range cases {
		require.Equal(t, scholarTag.ReplaceAllString(s, ""), stripScholarTags(s), "scholarTag %q", s)
		venue, year, ok := scholarVenueYear(s)
		matchtest.RequireGroups(t, scholarVenueYr, s, ok, venue, year)
		i, id := findAfter(s, "arXiv:", false)
		require.Equal(t, scholarArxivVenue.FindStringIndex(s) != nil, i >= 0, "scholarArxivVenue %q", s)
		if i >= 0 {
			require.Equal(t, scholarArxivVenue.FindString(s), s[i:i+len("arXiv:")+len(id)], "scholarArxivVenue %q", s)
		}
		name, yr, ok := cvfVenueMatch(s)
		matchtest.RequireGroups(t, cvfVenueRe, s, ok, name, yr)
		day, month, yr, ok := openReviewDateMatch(s)
		matchtest.RequireGroups(t, openReviewDateRe, s, ok, day, month, yr)
		want := ""
		if m := s2CorpusRe.FindStringSubmatch(s); m != nil {
			want = m[1]
		}
		require.Equal(t, want, s2Corpus(s), "s2Corpus %q", s)
		_, id = findAfter(s, "arXiv:", true)
		want = ""
		if m := s2ArxivRe.FindStringSubmatch(s); m != nil {
			want = m[1]
		}
		require.Equal(t, want, id, "s2Arxiv %q", s)
		require.Equal(t, cssIdent.MatchString(s), isCSSIdent(s), "cssIdent %q", s)
		yr, month, ok = aclMonthDate(s)
		matchtest.RequireGroups(t, aclMonthDateRe, s, ok, yr, month)
		require.Equal(t, aclOldWorkshop.MatchString(s) || aclOldZero.MatchString(s), aclOldZeroID(s), "aclOldZero %q", s)
		var subjects []string
		for _, m := range arxivSubjectRe.FindAllStringSubmatch(s, -1) {
			subjects = append(subjects, m[1])
		}
		require.Equal(t, subjects, arxivSubjects(s), "arxivSubjects %q", s)
		require.Equal(t, arxivSubjectRe.MatchString("("+s+")"), arxivIsCategory(s), "arxivIsCategory %q", s)
		want = ""
		if m := arxivThisVersion.FindStringSubmatch(s); m != nil {
			want = m[1]
		}
		require.Equal(t, want, arxivThisVersionOf(s), "arxivThisVersion %q", s)
		want = ""
		if m := arxivSubmittedRe.FindStringSubmatch(s); m != nil {
			want = m[1]
		}
		require.Equal(t, want, arxivSubmitted(s), "arxivSubmitted %q", s)
		var wantDates, dates [][2]string
		for _, m := range arxivSearchDateRe.FindAllStringSubmatch(s, -1) {
			wantDates = append(wantDates, [2]string{m[1], m[2]})
		}
		arxivSearchDates(s, func(v1 bool, date string) {
			prefix := ""
			if v1 {
				prefix = "v1 "
			}
			dates = append(dates, [2]string{prefix, date})
		})
		for k := range dates { // the group keeps the case it was written in
			if dates[k][0] != "" && k < len(wantDates) {
				dates[k][0] = wantDates[k][0]
			}
		}
		require.Equal(t, wantDates, dates, "arxivSearchDate %q", s)
	}
}
