package scorer_test

import (
	"encoding/json"
	"math"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/summarize/internal/scorer"
)

// TestWeightsMatchFeatures fails when the features changed but the weights were not retrained
// (`make weights`): a feature without a weight would silently count for nothing.
func TestWeightsMatchFeatures(t *testing.T) {
	data, err := os.ReadFile("../../weights.json")
	require.NoError(t, err)
	var m scorer.Model
	require.NoError(t, json.Unmarshal(data, &m))
	for _, set := range []struct {
		names   []string
		weights map[string]float64
	}{
		{scorer.DenseNames[:], m.Dense}, {scorer.CandidateNames[:], m.Candidate}, {scorer.TokenNames[:], m.Token},
	} {
		assert.Len(t, set.weights, len(set.names))
		for _, n := range set.names {
			_, ok := set.weights[n]
			assert.True(t, ok, "no weight for feature %q", n)
		}
	}
	assert.NotEmpty(t, m.Words)
	assert.NotEmpty(t, m.TokenWords)
}

func TestWords(t *testing.T) {
	assert.Equal(t, []string{"we", "train", "gpt", "2", "on", "übersetzung"}, scorer.Words("We train GPT-2 on Übersetzung."))
	assert.Empty(t, scorer.Words(" -- "))
}

func TestExtractMarksFirstWeSentence(t *testing.T) {
	sents := []string{"Deep nets are popular.", "We propose loss scaling for mixed precision.", "We test it."}
	fs := scorer.Extract("Loss Scaling for Mixed Precision", sents)
	require.Len(t, fs, 3)
	_, start, bigrams := fs[1].Keys()
	assert.Equal(t, "we propose", start)
	assert.Contains(t, bigrams, "mixed precision")
	var m scorer.Model
	data, err := os.ReadFile("../../weights.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &m))
	m.Prepare()
	assert.Greater(t, m.Score(&fs[1]), m.Score(&fs[0]), "the contribution sentence outranks background")
	assert.Equal(t, "We propose loss scaling for mixed precision.", m.Best("Loss Scaling for Mixed Precision", sents))
}

// TestWordProbsMatchFeatures checks that the fused inference path computes the same probabilities as
// the features the trainer fits.
func TestWordProbsMatchFeatures(t *testing.T) {
	var m scorer.Model
	data, err := os.ReadFile("../../weights.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &m))
	m.Prepare()
	title := "Adaptive Loss Scaling for Mixed Precision Training"
	sents := []string{"Mixed precision training (MPT) speeds up GPUs.", "We introduce adaptive loss scaling for MPT training.", "It beats 3 baselines with adaptively scaled losses."}
	got := m.WordProbs(title, sents)
	feats := scorer.ExtractWords(title, sents)
	require.Len(t, got, len(feats))
	for _, f := range feats {
		s := m.TokenWords[f.Word]
		for j, v := range f.Dense {
			s += m.Token[scorer.TokenNames[j]] * v
		}
		assert.InDelta(t, 1/(1+math.Exp(-s)), got[f.Word], 1e-12, f.Word)
	}
}

func TestExtractWordsContributionAndTitleStem(t *testing.T) {
	title := "Adaptive Loss Scaling for Mixed Precision Training"
	sents := []string{"Mixed precision training speeds up GPUs.", "We introduce adaptive loss scaling for MPT.",
		"It beats baselines with adaptively scaled, precisely trained losses."}
	byWord := map[string]scorer.WordFeatures{}
	for _, f := range scorer.ExtractWords(title, sents) {
		byWord[f.Word] = f
	}
	feature := func(name string) int {
		for i, n := range scorer.TokenNames {
			if n == name {
				return i
			}
		}
		t.Fatalf("no token feature %q", name)
		return -1
	}
	contribution, stem := feature("contribution"), feature("title_stem")
	tests := []struct {
		word               string
		contribution, stem float64
	}{
		{"introduce", 1, 0},  // in the first sentence with a contribution verb
		{"mpt", 1, 0},        // likewise
		{"speeds", 0, 0},     // background sentence
		{"adaptively", 0, 1}, // another form of the title's "adaptive"
		{"precisely", 0, 1},  // and of "precision"
		{"scaled", 0, 0},     // "scale" is not "scali": the prefix test misses it
		{"adaptive", 1, 0},   // in the title itself: not a stem match
		{"losses", 0, 0},     // "loss" is shorter than the stem
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			f, ok := byWord[tt.word]
			require.True(t, ok)
			assert.Equal(t, tt.contribution, f.Dense[contribution], "contribution")
			assert.Equal(t, tt.stem, f.Dense[stem], "title_stem")
		})
	}
}
