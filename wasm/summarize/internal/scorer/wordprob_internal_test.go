package scorer

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/summarize/internal/compress"
)

// TestHeadsFindTheirWordsProbabilities checks that candidateBuilder.add finds the token model's probability of
// a word when a head first uses it, as wordProbs finds every word's, bit for bit, and leaves the words of
// sentences no head came from unfound: shortlist no longer finds them all up front.
func TestHeadsFindTheirWordsProbabilities(t *testing.T) {
	m := trainedModel(t)
	m.Prepare()
	sentences := []string{
		"In this work, we propose a sparse attention pattern that attends to 64 tokens per position (SAP) [3].",
		"Transformers scale poorly with the length of their input, which limits their use on long documents.",
		"Code and models are available online.",
	}
	w := new(workspace)
	feats, v := w.extract(m, "Sparse Attention for Long Documents", sentences)
	want := m.wordProbs(v, nil, new(sigmoidCache))
	probs := make([]float64, len(v.words))
	for i := range probs {
		probs[i] = math.NaN()
	}
	b := &candidateBuilder{m: m, vocab: v, sigmoids: new(sigmoidCache), probs: probs, lex: m.lexOf(v), info: v.info,
		nTitle: v.nTitle, titleSeen: make([]bool, v.nTitle), bestAt: -1, ownAt: -1, arguedAt: -1}
	used := map[int32]bool{}
	for _, h := range compress.Heads(sentences[0]) {
		toks := scanTokens(h.Text, nil)
		v.lookupIn(toks, h.Text, feats[0].toks, sentences[0])
		for _, t := range toks {
			if t.id >= 0 {
				used[t.id] = true
			}
		}
		b.add(h, toks, 0, 0)
	}
	require.NotEmpty(t, used)
	unfound := 0
	for id, p := range probs {
		if used[int32(id)] {
			assert.Equal(t, math.Float64bits(want[id]), math.Float64bits(p), "word %q", v.words[id])
		} else if assert.True(t, math.IsNaN(p), "word %q of no head has a probability", v.words[id]) {
			unfound++
		}
	}
	assert.Greater(t, unfound, 10)
}
