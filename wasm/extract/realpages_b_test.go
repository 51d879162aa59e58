package extract_test

import "testing"

// TestRealPagesB checks the ACL Anthology, Semantic Scholar and Google Scholar pages of ../shared against
// the ground truth in its SOURCES.md.
func TestRealPagesB(t *testing.T) {
	pages := []realPage{
		{
			File:  "acl/paper-ACL_2021.naacl-main.208.html",
			URL:   "https://aclanthology.org/2021.naacl-main.208/",
			Site:  "acl",
			Count: 1,
			Want:  []wantPaper{{"acl:2021.naacl-main.208", "How many data points is a prompt worth?", "Teven Le Scao"}},
		},
		{
			File:  "acl/people-andreas-madsack-2026.html",
			URL:   "https://aclanthology.org/people/andreas-madsack/",
			Site:  "acl",
			Count: 6,
			Want: []wantPaper{
				{"acl:2022.in2writing-1.1", "Data-to-text systems as writing environment", "Adela Schneider"},
				{"acl:W19-4201", "AX Semantics’ Submission to the SIGMORPHON 2019 Shared Task", "Andreas Madsack"},
				{"acl:W18-6560", "Multi-Language Surface Realisation as REST API based NLG Microservice", "Andreas Madsack"},
			},
		},
		{
			// SOURCES.md says "no DOI", but the page header shows DOI 10.3390/ani10122390 (data-test-id="paper-doi"),
			// and a DOI outranks the Semantic Scholar hash and corpus ID.
			File:  "semanticscholar/paper-d1de4343-meow.html",
			URL:   "https://www.semanticscholar.org/paper/What%E2%80%99s-in-a-Meow-A-Study-on-Human-Classification-of-Prato-Previde-Cannas/d1de4343d4076843583ca5826f345be6cb5cd75c",
			Site:  "semanticscholar",
			Count: 1,
			Want: []wantPaper{{"doi:10.3390/ani10122390",
				"What’s in a Meow? A Study on Human Classification and Interpretation of Domestic Cat Vocalizations", "E. Prato-Previde"}},
		},
		{
			File:  "scholar/search-learning-deep-architectures-2016.html",
			URL:   "https://scholar.google.co.jp/scholar?hl=en&q=%22Learning+deep+architectures+for+AI%22&as_ylo=&as_yhi=&start=&num=",
			Site:  "scholar",
			Count: 1,
			Want:  []wantPaper{{"url:http://dl.acm.org/citation.cfm?id=1658424", "Learning deep architectures for AI", "Y Bengio"}},
		},
	}
	for _, rp := range pages {
		t.Run(rp.File, func(t *testing.T) { checkRealPage(t, rp) })
	}
}
