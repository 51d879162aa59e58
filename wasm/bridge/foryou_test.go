package bridge_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/bridge"
	"github.com/papergist/papergist/wasm/rank"
)

// topicListing is an arXiv /new listing whose papers 0–4 are about protein folding and the rest about
// unrelated subjects, each with an abstract.
func topicListing() string {
	titles := []string{
		"Protein structure prediction with deep attention networks",
		"Folding proteins with diffusion models for structure prediction",
		"Graph transformers for protein structure and folding",
		"Protein language models predict folding stability",
		"Predicting protein structure from sequence alone",
		"Sparse wavelet compression of seismic traces",
		"A survey of tax policy in small open economies",
		"Bird migration timing under changing climate",
		"Lattice QCD at finite baryon density",
		"Consensus protocols for permissioned blockchains",
		"Urban heat islands and tree canopy cover",
		"Low-power radio for soil moisture sensing",
	}
	papers := make([]listed, len(titles))
	for i, t := range titles {
		papers[i] = listed{id: fmt.Sprintf("2502.%05d", i), title: t, abstract: "We study " + strings.ToLower(t) + ". Results improve."}
	}
	return arxivListing(papers...)
}

var savedProteins = []rank.Paper{
	{ID: "arxiv:2101.00001", Title: "Highly accurate protein structure prediction", KeyPhrases: []string{"protein structure"}},
	{ID: "arxiv:2101.00002", Title: "Protein folding with deep learning"},
	{ID: "arxiv:2101.00003", Title: "Attention networks for protein structure"},
	{ID: "arxiv:2502.00000", Title: "Protein structure prediction with deep attention networks"}, // on the listing: never picked
}

func library(t *testing.T, a *bridge.Analyzer, req bridge.LibraryRequest) bridge.LibraryState {
	t.Helper()
	b, err := json.Marshal(req)
	require.NoError(t, err)
	var e struct {
		OK   bool                `json:"ok"`
		Data bridge.LibraryState `json:"data"`
	}
	require.NoError(t, json.Unmarshal([]byte(a.Library(string(b))), &e))
	require.True(t, e.OK)
	return e.Data
}

func TestForYou(t *testing.T) {
	a := bridge.NewAnalyzer(nil)
	page := bridge.AnalyzeRequest{HTML: topicListing(), URL: "https://arxiv.org/list/q-bio.BM/new", ForYou: true}

	got := decode(t, a.Analyze(page)).Data
	assert.Empty(t, got.ForYou, "no library index yet")
	assert.True(t, got.LibraryLoading, "the page is told to ask again")
	assert.Equal(t, bridge.LibraryState{Size: 2, Loaded: false}, library(t, a, bridge.LibraryRequest{Reset: true, Add: savedProteins[:2]}))
	got = decode(t, a.Analyze(page)).Data
	assert.Empty(t, got.ForYou, "a library half loaded ranks nothing")
	assert.True(t, got.LibraryLoading, "the cached answer says so too")
	assert.Equal(t, bridge.LibraryState{Size: 4, Loaded: true}, library(t, a, bridge.LibraryRequest{Add: savedProteins[2:], Loaded: true}))
	assert.False(t, decode(t, a.Analyze(page)).Data.LibraryLoading, "the index is whole")
	assert.False(t, decode(t, a.Analyze(bridge.AnalyzeRequest{HTML: page.HTML, URL: page.URL})).Data.LibraryLoading,
		"a request that does not ask For you is not told about the index")

	for _, name := range []string{"fresh", "cached"} {
		got := decode(t, a.Analyze(page)).Data.ForYou
		require.Len(t, got, 3, name)
		for _, p := range got {
			assert.Contains(t, []string{"arxiv:2502.00001", "arxiv:2502.00002", "arxiv:2502.00003", "arxiv:2502.00004"}, p.PaperID, name)
			assert.Contains(t, []string{savedProteins[0].Title, savedProteins[1].Title, savedProteins[2].Title, savedProteins[3].Title}, p.Like, name)
			assert.GreaterOrEqual(t, p.More, 0)
		}
	}

	off := page
	off.ForYou = false
	assert.Empty(t, decode(t, a.Analyze(off)).Data.ForYou, "not asked")

	// Removals are incremental: below MinLibrary nothing is marked.
	assert.Equal(t, 2, library(t, a, bridge.LibraryRequest{Remove: []string{"arxiv:2101.00001", "arxiv:2101.00002", "unknown"}}).Size)
	assert.Empty(t, decode(t, a.Analyze(page)).Data.ForYou)
	assert.Equal(t, bridge.LibraryState{Size: 0, Loaded: false}, library(t, a, bridge.LibraryRequest{Reset: true}))
}

func TestLibraryBadRequest(t *testing.T) {
	e := decode(t, bridge.NewAnalyzer(nil).Library(`{"add": 3}`))
	require.NotNil(t, e.Error)
	assert.Equal(t, "invalid", e.Error.Code)
	e = decode(t, bridge.NewAnalyzer(nil).Library(``))
	require.NotNil(t, e.Error)
	assert.Equal(t, "invalid", e.Error.Code)
}
