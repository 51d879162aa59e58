package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/extract"
)

// Ground truth below is from ../shared/fixtures/pages/SOURCES.md.

const (
	arxivRecentURL = "https://arxiv.org/list/cs.CL/recent"
	arxivAbsURL    = "https://arxiv.org/abs/1706.03762"
	arxivAtomURL   = "http://export.arxiv.org/api/query?id_list=1601.00001"
	hfDailyURL     = "https://huggingface.co/papers?date=2024-08-01"
	plosURL        = "https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0000001"
)

func TestRealPagesArxiv(t *testing.T) {
	for _, rp := range []realPage{
		{
			File: "arxiv/list-cs.CL-recent-2026-07-28.html", URL: arxivRecentURL, Site: "arxiv", Count: 50,
			Want: []wantPaper{
				{"arxiv:2607.22529", "Skill Self-Play: Pushing the Frontier of LLM Capability with Co-Evolving Skills", "Siyuan Huang"},
				{"arxiv:2607.22456", "grapheme-kit: Grapheme-Level Metrics and Text Processing for Multilingual NLP", "Izzath Nisfer"},
				{"arxiv:2607.22376", "A Factorial Study of Synthetic Data Generation for Low-Resource Machine Translation using Grammar Books", "Varun Ghat Ravikumar"},
			},
		},
		{
			File: "arxiv/abs-1706.03762.html", URL: arxivAbsURL, Site: "arxiv", Count: 1,
			Want: []wantPaper{{"arxiv:1706.03762", "Attention Is All You Need", "Ashish Vaswani"}},
		},
		{
			File: "arxiv/api-query-id_list-1601.00001.atom.xml", URL: arxivAtomURL, Site: "arxiv", Count: 1,
			Want: []wantPaper{{"arxiv:1601.00001", "Inelastic effects in molecular transport junctions: The probe technique at high bias", "Michael Kilgour"}},
		},
	} {
		t.Run(rp.File, func(t *testing.T) { checkRealPage(t, rp) })
	}

	t.Run("recent listing reads both days", func(t *testing.T) {
		res := extractShared(t, "arxiv/list-cs.CL-recent-2026-07-28.html", arxivRecentURL)
		require.Len(t, res.Papers, 50)
		first := res.Papers[0]
		assert.Len(t, first.Authors, 13)
		assert.Equal(t, []string{"cs.CL"}, first.Categories[:1])
		assert.Equal(t, "https://arxiv.org/pdf/2607.22529", first.PDFURL)
		assert.Equal(t, paper.Locator{Href: "https://arxiv.org/abs/2607.22529", Link: 22}, first.Locator) // the 22nd of document.links
		assert.Len(t, res.Papers[1].Authors, 5)
		assert.Len(t, res.Papers[2].Authors, 4)
		for _, p := range res.Papers {
			assert.Empty(t, p.Version, p.ID)
			assert.NotEmpty(t, p.Authors, p.ID)
			assert.Empty(t, p.Abstract, "a /recent page has no abstracts: %s", p.ID)
		}
	})

	t.Run("abs page body", func(t *testing.T) {
		res := extractShared(t, "arxiv/abs-1706.03762.html", arxivAbsURL)
		require.Len(t, res.Papers, 1)
		p := res.Papers[0]
		assert.Equal(t, "v7", p.Version)
		assert.Len(t, p.Authors, 8)
		assert.Equal(t, []string{"cs.CL", "cs.LG"}, p.Categories)
		assert.Equal(t, "10.48550/arxiv.1706.03762", p.DOI)
		assert.Equal(t, "https://arxiv.org/pdf/1706.03762", p.PDFURL)
		assert.Equal(t, "2017-06-12", p.Published)
		assert.Contains(t, p.Abstract, "The dominant sequence transduction models")
		assert.NotContains(t, p.Abstract, "Abstract:")
		assert.Equal(t, "h1.title", p.Locator.Selector)
	})

	t.Run("atom feed entry", func(t *testing.T) {
		res := extractShared(t, "arxiv/api-query-id_list-1601.00001.atom.xml", arxivAtomURL)
		require.Len(t, res.Papers, 1)
		p := res.Papers[0]
		assert.Equal(t, "v1", p.Version)
		assert.Equal(t, "10.1063/1.4944470", p.DOI)
		assert.Equal(t, "cond-mat.mes-hall", p.Categories[0])
		assert.Equal(t, []string{"Michael Kilgour", "Dvira Segal"}, p.Authors)
		assert.Equal(t, "2015-12-26", p.Published)
		assert.Equal(t, "http://arxiv.org/pdf/1601.00001v1", p.PDFURL)
		assert.Contains(t, p.Abstract, "Landauer-Büttiker")
	})
}

func TestRealPagesHuggingFace(t *testing.T) {
	checkRealPage(t, realPage{
		File: "huggingface/daily-papers-date-2024-08-01.html", URL: hfDailyURL, Site: "huggingface", Count: 13,
		Want: []wantPaper{
			{"arxiv:2407.21783", "The Llama 3 Herd of Models", "Abhimanyu Dubey"},
			{"arxiv:2407.21705", "Tora: Trajectory-oriented Diffusion Transformer for Video Generation", "Zhenghao Zhang"},
			{"arxiv:2407.21770", "MoMa: Efficient Early-Fusion Pre-training with Mixture of Modality-Aware Experts", "Xi Victoria Lin"},
		},
	})

	res := extractShared(t, "huggingface/daily-papers-date-2024-08-01.html", hfDailyURL)
	require.Len(t, res.Papers, 13)
	ids := make([]string, 0, len(res.Papers))
	for _, p := range res.Papers {
		ids = append(ids, p.ID)
		assert.NotEmpty(t, p.Abstract, "the props carry every summary: %s", p.ID)
		assert.Equal(t, "https://huggingface.co/papers/"+p.ArxivID, p.Locator.Href)
		assert.Equal(t, "https://arxiv.org/pdf/"+p.ArxivID, p.PDFURL)
	}
	assert.Equal(t, []string{"arxiv:2407.21783", "arxiv:2407.21705", "arxiv:2407.21770"}, ids[:3], "page order")
}

func TestRealPagesPublisher(t *testing.T) {
	checkRealPage(t, realPage{
		File: "publisher/plosone-10.1371-journal.pone.0000001.html", URL: plosURL, Site: "generic", Count: 1,
		Want: []wantPaper{{"doi:10.1371/journal.pone.0000001", "Neural Substrate of Cold-Seeking Behavior in Endotoxin Shock", "Maria C Almeida"}},
	})

	res := extractShared(t, "publisher/plosone-10.1371-journal.pone.0000001.html", plosURL)
	require.Len(t, res.Papers, 1)
	p := res.Papers[0]
	// SOURCES.md says 9 authors; the page's citation_author meta and byline list these 4.
	assert.Equal(t, []string{"Maria C Almeida", "Alexandre A Steiner", "Luiz G S Branco", "Andrej A Romanovsky"}, p.Authors)
	assert.Equal(t, "PLOS ONE", p.Venue)
	assert.Equal(t, "2006-12-20", p.Published)
	assert.Equal(t, "10.1371/journal.pone.0000001", p.DOI)
	assert.Contains(t, p.PDFURL, "journal.pone.0000001&type=printable")
	assert.Contains(t, p.Abstract, "Systemic inflammation is a leading cause of hospital death.")
	assert.Equal(t, "h1#artTitle", p.Locator.Selector)
}

// extractShared runs Extract on a page of ../shared/fixtures/pages, skipping when the folder is absent.
func extractShared(t *testing.T, file, pageURL string) extract.Result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sharedPages, file))
	if os.IsNotExist(err) {
		t.Skipf("real page %s not found: the team folder ../shared is not beside the repository", file)
	}
	require.NoError(t, err)
	res, err := extractReadOnly(t, data, pageURL)
	require.NoError(t, err)
	return res
}
