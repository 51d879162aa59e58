package rank_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/rank"
)

// library is a reader of protein structure and of graph networks.
var library = []rank.Paper{
	{ID: "l1", Title: "Protein structure prediction with deep learning"},
	{ID: "l2", Title: "Predicting protein folding from amino acid sequences"},
	{ID: "l3", Title: "Community detection in complex networks"},
	{ID: "l4", Title: "Scale-free networks and preferential attachment"},
}

var listing = []rank.Paper{
	{ID: "a", Title: "A survey of medieval castle architecture"},
	{ID: "b", Title: "Accurate protein structure prediction for amino acid chains"},
	{ID: "c", Title: "Overlapping community detection in social networks"},
	{ID: "d", Title: "The economics of coffee trade in the nineteenth century"},
	{ID: "e", Title: "Deep learning for image classification"},
}

func newIndex(ps ...rank.Paper) *rank.Index {
	ix := rank.NewIndex()
	for _, p := range ps {
		ix.Add(p)
	}
	return ix
}

func ids(s []rank.Scored) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = x.ID
	}
	return out
}

func TestRankPutsTheReadersTopicsFirst(t *testing.T) {
	got := newIndex(library...).Rank(listing)
	require.Len(t, got, len(listing))
	assert.ElementsMatch(t, []string{"b", "c"}, ids(got[:2]), "the two papers on the reader's topics lead")
	assert.Equal(t, "e", got[2].ID, "a paper sharing only 'deep learning' comes next")
	assert.ElementsMatch(t, []string{"a", "d"}, ids(got[3:]))
	for i := 1; i < len(got); i++ {
		assert.GreaterOrEqual(t, got[i-1].Score, got[i].Score, "best first")
	}
	assert.Zero(t, got[3].Score)
}

func TestRankGivesTheClosestSavedPapersAsTheReason(t *testing.T) {
	got := newIndex(library...).Rank(listing)
	byID := map[string]rank.Scored{}
	for _, s := range got {
		byID[s.ID] = s
	}
	require.NotEmpty(t, byID["b"].Like)
	assert.Subset(t, []string{"l1", "l2"}, byID["b"].Like)
	assert.Equal(t, "l3", byID["c"].Like[0])
	assert.Empty(t, byID["a"].Like, "no reason for a paper that shares nothing")
	assert.LessOrEqual(t, len(byID["b"].Like), 3)
}

func TestRankEveryListingPaperOnce(t *testing.T) {
	dup := append([]rank.Paper{}, listing...)
	dup = append(dup, rank.Paper{ID: "b", Title: "a second copy of b"}, rank.Paper{ID: "f"})
	got := newIndex(library...).Rank(dup)
	assert.ElementsMatch(t, []string{"a", "b", "c", "d", "e", "f"}, ids(got))
}

func TestRankWithAnEmptyLibraryKeepsTheListingOrder(t *testing.T) {
	got := rank.NewIndex().Rank(listing)
	assert.Equal(t, []string{"a", "b", "c", "d", "e"}, ids(got))
	for _, s := range got {
		assert.Zero(t, s.Score)
	}
	assert.Empty(t, rank.NewIndex().Rank(nil))
}

func TestRankIsDeterministic(t *testing.T) {
	want := newIndex(library...).Rank(listing)
	for i := 0; i < 20; i++ {
		assert.Equal(t, want, newIndex(library...).Rank(listing))
	}
}

func TestIndexAddReplaceRemove(t *testing.T) {
	ix := newIndex(library...)
	assert.Equal(t, 4, ix.Len())
	ix.Add(rank.Paper{ID: "l3", Title: "Medieval castle architecture in France"}) // replaces l3
	assert.Equal(t, 4, ix.Len())
	assert.Equal(t, "Medieval castle architecture in France", ix.Title("l3"))
	got := ix.Rank(listing)
	pos := map[string]int{}
	for i, s := range got {
		pos[s.ID] = i
	}
	assert.Less(t, pos["a"], pos["d"], "the castle paper now matches a saved one")
	assert.Equal(t, []string{"l3"}, got[pos["a"]].Like)

	ix.Remove("l3")
	ix.Remove("l4")
	ix.Remove("unknown")
	assert.Equal(t, 2, ix.Len())
	assert.Equal(t, "", ix.Title("l3"))
	got = ix.Rank(listing)
	assert.Equal(t, "b", got[0].ID)
	for _, s := range got {
		if s.ID == "c" {
			assert.Zero(t, s.Score, "nothing about networks is left in the library")
		}
	}
	ix.Add(rank.Paper{Title: "no ID"})
	assert.Equal(t, 2, ix.Len(), "a paper without an ID is ignored")
}

func TestIndexRemoveManyCompacts(t *testing.T) {
	ix := rank.NewIndex()
	for i := 0; i < 100; i++ {
		ix.Add(rank.Paper{ID: fmt.Sprint(i), Title: fmt.Sprintf("protein topic %d", i)})
	}
	for i := 0; i < 99; i++ {
		ix.Remove(fmt.Sprint(i))
	}
	assert.Equal(t, 1, ix.Len())
	got := ix.Rank([]rank.Paper{{ID: "x", Title: "protein topic"}})
	require.Len(t, got, 1)
	assert.Equal(t, []string{"99"}, got[0].Like)
}

func TestKeyPhrasesTagsAndAbstractsCount(t *testing.T) {
	ix := newIndex(rank.Paper{ID: "s", Title: "An unusual title", Tags: []string{"reinforcement learning"}})
	got := ix.Rank([]rank.Paper{
		{ID: "x", Title: "Something else entirely"},
		{ID: "y", Title: "Policy gradients", KeyPhrases: []string{"reinforcement learning"}},
		{ID: "z", Title: "Another paper", Abstract: "We use reinforcement learning to train agents."},
	})
	assert.Equal(t, []string{"y", "z", "x"}, ids(got), "a key phrase counts fully, an abstract lightly, against a tag")
}

func TestWordsMostOfALargeLibraryHoldPickNoNeighbour(t *testing.T) {
	ix := rank.NewIndex()
	for i := 0; i < 60; i++ {
		ix.Add(rank.Paper{ID: fmt.Sprint(i), Title: fmt.Sprintf("Deep learning for %s", []string{
			"proteins", "galaxies", "traffic", "poetry", "weather", "markets"}[i%6]) + fmt.Sprintf(" case%c%c", 'a'+i/26, 'a'+i%26)})
	}
	got := ix.Rank([]rank.Paper{
		{ID: "x", Title: "Deep learning for galaxies"},
		{ID: "y", Title: "Deep learning"},
	})
	require.Len(t, got, 2)
	assert.Equal(t, "x", got[0].ID)
	assert.Len(t, got[0].Like, 3, "three saved papers on galaxies")
	for _, id := range got[0].Like {
		assert.Contains(t, ix.Title(id), "galaxies", "words all 60 saved papers share choose no neighbour")
	}
	assert.Empty(t, got[1].Like, "a paper of only the library's commonest words is like no saved paper in particular")
	assert.Positive(t, got[1].Score, "but the library as a whole still counts its words")
}

func TestRankWeighsAWordCommonInAllPapersBelowASpecificOne(t *testing.T) {
	// The library and the listing hold "models" and "kinases" equally often; papers in general say "model"
	// far more often, so the paper sharing "kinases" with the library is the closer one.
	ix := newIndex(
		rank.Paper{ID: "l1", Title: "Kinase models of cells"},
		rank.Paper{ID: "l2", Title: "Kinase models in yeast"},
		rank.Paper{ID: "l3", Title: "Kinase models for drugs"},
	)
	got := ix.Rank([]rank.Paper{
		{ID: "model", Title: "Models of weather"},
		{ID: "kinase", Title: "Kinases of weather"},
		{ID: "other", Title: "Castles of the Loire"},
	})
	assert.Equal(t, []string{"kinase", "model", "other"}, ids(got))
	assert.Greater(t, got[0].Score, got[1].Score)
}

// In a small library the word vectors (learned from abstracts outside the evaluation data) lift the paper
// whose other words are near the library's: "vision" and "sgd" share only "networks" with the library, and
// without the vectors "sgd" scores higher (its words are commoner in papers, so they weigh less against it).
func TestRankRelatesWordsTheTitlesDoNotShare(t *testing.T) {
	ix := newIndex(
		rank.Paper{ID: "l1", Title: "Deep neural networks for speech recognition"},
		rank.Paper{ID: "l2", Title: "Convolutional networks for image classification"},
		rank.Paper{ID: "l3", Title: "Recurrent networks and attention for translation"},
	)
	got := ids(ix.Rank([]rank.Paper{
		{ID: "towns", Title: "Railway networks in medieval towns"},
		{ID: "sgd", Title: "Stochastic networks in gradient descent"},
		{ID: "genes", Title: "Gene regulatory networks in yeast"},
		{ID: "sentiment", Title: "Networks for sentiment and language"},
		{ID: "roads", Title: "Road networks and traffic congestion"},
		{ID: "vision", Title: "Networks for object detection in video"},
		{ID: "other", Title: "Soil erosion in alpine valleys"},
	}))
	assert.Less(t, slices.Index(got, "vision"), slices.Index(got, "sgd"), got)
	assert.Equal(t, "other", got[len(got)-1], "a paper that shares no word stays last")
}
