package scorer

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/summarize/internal/compress"
)

// TestScoreIsScoreCandidate checks that candidateBuilder.score, which Best uses without filling features,
// gives ScoreCandidate of the features Shortlist fills, bit for bit, for every candidate of every head of
// texts of our own: with and without a title, ranks 0 to 4 and beyond, numbers in the trail, repeated words,
// lead-in heads ("In this work, we…"), and cuts of several kinds.
func TestScoreIsScoreCandidate(t *testing.T) {
	m := trainedModel(t)
	m.Prepare()
	texts := []struct {
		title     string
		sentences []string
	}{
		{"Sparse Attention for Long Documents", []string{
			"Transformers scale poorly with the length of their input, which limits their use on long documents.",
			"In this work, we propose a sparse attention pattern that attends to 64 tokens per position and keeps the cost linear.",
			"We evaluate sparse attention on three summarization benchmarks, where it matches dense attention with 8 times less memory.",
			"Our analysis shows that the learned patterns are local, and that a few global tokens suffice for long documents.",
			"The model, trained on 2 GPUs for 3 days, outperforms the previous state of the art by 1.5 ROUGE points.",
			"Code and models are available online.",
			"We hope this work helps others, and we leave larger models for future work.",
		}},
		{"", []string{
			"We study how well graph neural networks generalize to graphs larger than those seen in training.",
			"Under mild assumptions, we prove that message passing networks with bounded depth cannot count cycles of length 5 or more.",
		}},
	}
	checked, withDigit, ranked := 0, 0, 0
	for _, tt := range texts {
		w := new(workspace)
		feats, v := w.extract(m, tt.title, tt.sentences)
		b := &candidateBuilder{m: m, probs: m.wordProbs(v, nil, new(sigmoidCache)), lex: m.lexOf(v), info: v.info,
			nTitle: v.nTitle, titleSeen: make([]bool, v.nTitle), bestAt: -1, ownAt: -1, arguedAt: -1}
		b.fill = (*candidateBuilder).features
		b.emit = func(c *Shortlisted) {
			f := &c.Features
			k := len(f.kept)
			rank, kind := 3, -1
			for r := range 3 {
				if f.Dense[cRank0+r] == 1 {
					rank = r
				}
			}
			for i := range compress.NumKinds {
				if f.Dense[cKind+i] == 1 {
					kind = i
				}
			}
			require.GreaterOrEqual(t, kind, 0)
			got := b.score(f.Dense[cSentence], rank, k, k+len(f.trail), kind)
			assert.Equal(t, math.Float64bits(m.ScoreCandidate(f)), math.Float64bits(got), "%q cut at %d", c.head, c.at)
			checked++
			if f.Dense[cTrailDigit] == 1 {
				withDigit++
			}
			if rank < 3 {
				ranked++
			}
		}
		for i, s := range tt.sentences {
			for _, h := range compress.Heads(s) {
				toks := scanTokens(h.Text, nil)
				v.lookupIn(toks, h.Text, feats[i].toks, s)
				b.add(h, toks, -0.37*float64(i), i)
			}
		}
	}
	assert.GreaterOrEqual(t, checked, 20)
	assert.GreaterOrEqual(t, withDigit, 5)
	assert.Greater(t, ranked, 10)
	assert.Less(t, ranked, checked)
}

func TestWordsBucket(t *testing.T) {
	for k, want := range map[int]int{0: cW0_8, 7: cW0_8, 8: cW8_12, 11: cW8_12, 12: cW12_16, 16: cW16_20, 19: cW16_20,
		20: cW20_25, 24: cW20_25, 25: cW25_30, 29: cW25_30, 30: cW30_40, 39: cW30_40, 40: cW40Plus, 1000: cW40Plus} {
		assert.Equal(t, want, wordsBucket(k), "k=%d", k)
	}
}
