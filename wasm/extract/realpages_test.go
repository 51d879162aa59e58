package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sharedPages is the team's folder of real saved pages, beside the repository.
const sharedPages = "../../../shared/fixtures/pages"

// wantPaper is the ground truth SOURCES.md gives for one paper of a real page.
type wantPaper struct {
	ID, Title, FirstAuthor string
}

// realPage is one page of ../shared/fixtures/pages: its file, original URL, site, paper count and the
// papers SOURCES.md lists, matched by ID.
type realPage struct {
	File  string
	URL   string
	Site  string
	Count int
	Want  []wantPaper
}

// checkRealPage extracts one real page and checks it against SOURCES.md; it skips when ../shared is absent.
func checkRealPage(t *testing.T, rp realPage) {
	t.Helper()
	path := filepath.Join(sharedPages, rp.File)
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("real page %s not found: the team folder ../shared is not beside the repository", path)
	}
	require.NoError(t, err)
	res, err := extractReadOnly(t, data, rp.URL)
	require.NoError(t, err)
	assert.Equal(t, rp.Site, res.Site)
	require.Len(t, res.Papers, rp.Count)
	byID := make(map[string]int, len(res.Papers))
	for i, p := range res.Papers {
		byID[p.ID] = i
		assert.NoError(t, p.Validate(), p.ID)
	}
	for _, w := range rp.Want {
		i, ok := byID[w.ID]
		if !assert.True(t, ok, "paper %s not found", w.ID) {
			continue
		}
		p := res.Papers[i]
		assert.Equal(t, w.Title, p.Title, w.ID)
		if assert.NotEmpty(t, p.Authors, w.ID) {
			assert.Equal(t, w.FirstAuthor, p.Authors[0], w.ID)
		}
	}
}
