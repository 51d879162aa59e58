package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNDCGAndAveragePrecision(t *testing.T) {
	rel := map[string]bool{"a": true, "c": true}
	assert.InDelta(t, 1.0, NDCG([]string{"a", "c", "b"}, rel, 10), 1e-12)
	// hits at ranks 2 and 3: (1/log2 3 + 1/log2 4) / (1 + 1/log2 3)
	assert.InDelta(t, (0.6309297535714575+0.5)/(1+0.6309297535714575), NDCG([]string{"b", "a", "c"}, rel, 10), 1e-12)
	assert.Zero(t, NDCG([]string{"b", "a", "c"}, rel, 1))
	assert.InDelta(t, (1.0/2+2.0/3)/2, AveragePrecision([]string{"b", "a", "c"}, rel), 1e-12)
	assert.InDelta(t, 0.5/2, AveragePrecision([]string{"b", "a"}, rel), 1e-12, "a relevant paper never ranked counts 0")
}

func TestPeersRankTheLibrarysTopicFirst(t *testing.T) {
	titles := map[string]string{
		"l1": "protein folding simulation", "l2": "protein structure prediction", "l3": "folding of protein chains",
		"x1": "medieval castle history", "x2": "coffee trade economics", "x3": "protein folding dynamics",
		"x4": "castle walls and towers",
	}
	lib, listing := []string{"l1", "l2", "l3"}, []string{"x1", "x2", "x3", "x4"}
	for _, r := range Rankers() {
		t.Run(r.Name, func(t *testing.T) {
			got := r.Rank(lib, listing, titles)
			require.ElementsMatch(t, listing, got)
			assert.Equal(t, "x3", got[0])
		})
	}
}

func TestRunOnTheSharedCases(t *testing.T) {
	dir := "../../../../shared/eval/citeulike"
	if _, err := os.Stat(filepath.Join(dir, "cases.jsonl")); err != nil {
		t.Skipf("CiteULike cases not found at %s (the team's ../shared folder): %v", dir, err)
	}
	var out bytes.Buffer
	require.NoError(t, run(dir, &out))
	assert.Contains(t, out.String(), "papergist (wasm/rank)")
	assert.Contains(t, out.String(), "arxiv-sanity-lite")
}
