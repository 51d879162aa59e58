package inspec_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/scripts/eval/inspec"
)

func TestNormalizeStemsEveryWord(t *testing.T) {
	assert.Equal(t, "neural network", inspec.Normalize("Neural Networks"))
	assert.Equal(t, inspec.Normalize("fault-tolerant control"), inspec.Normalize("fault tolerant controls"))
	assert.Equal(t, []string{"graph network", "graph"}, inspec.Dedup([]string{"graph networks", "Graph network", "graphs", ""}))
}

// TestScoreByHand: doc a has 4 gold phrases (one absent from any prediction), doc b has 2.
func TestScoreByHand(t *testing.T) {
	docs := []inspec.Doc{
		{KeyPhrases: []string{"neural networks", "loss scaling", "mixed precision", "underflow"}},
		{KeyPhrases: []string{"ship control", "matrix game"}},
	}
	preds := [][]string{
		// a: the repeat after stemming is dropped, so 3 distinct returned, 2 correct
		{"Neural Network", "neural networks", "loss scaling", "hardware"},
		// b: 6 returned, 1 correct in the first 5, 2 in all
		{"ship control", "a", "b", "c", "d", "matrix games"},
	}
	r5 := inspec.Score(docs, preds, 5)
	// a: P 2/3, R 2/4, F 4/7; b: P 1/5, R 1/2, F 2/7
	assert.InDelta(t, 100*(2.0/3+1.0/5)/2, r5.P, 1e-9)
	assert.InDelta(t, 100*(0.5+0.5)/2, r5.R, 1e-9)
	assert.InDelta(t, 100*(4.0/7+2.0/7)/2, r5.F1, 1e-9)
	// pooled: 3 correct of 8 returned, of 6 gold
	p, r := 3.0/8, 3.0/6
	assert.InDelta(t, 100*2*p*r/(p+r), r5.PooledF1, 1e-9)
	r10 := inspec.Score(docs, preds, 10)
	// b at 10: P 2/6, R 1, F 1/2
	assert.InDelta(t, 100*(4.0/7+0.5)/2, r10.F1, 1e-9)
}
