package main

import (
	"io"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// toyLists are listwise data where the item with dense feature 0 high and word "good" wins, with noise
// enough that runs visiting the lists in different orders end at different weights.
func toyLists() []list {
	rng := rand.New(rand.NewPCG(7, 8))
	var data []list
	for range 60 {
		l := list{}
		for range 4 {
			it := item{dense: []float64{rng.Float64(), rng.Float64()}, lex: [][]string{{"x"}}}
			if rng.IntN(2) == 0 {
				it.lex[0] = append(it.lex[0], "good")
			}
			if rng.IntN(9) == 0 {
				it.lex[0] = append(it.lex[0], "rare")
			}
			l.items = append(l.items, it)
		}
		scores := make([]float64, len(l.items))
		for i, it := range l.items {
			scores[i] = it.dense[0] + 0.3*rng.Float64()
			if len(it.lex[0]) > 1 && it.lex[0][1] == "good" {
				scores[i] += 0.5
			}
		}
		l.target = softTarget(scores, 0.1)
		data = append(data, l)
	}
	return data
}

func toyOptions(seeds int) options {
	return options{epochs: 3, rate: 0.05, l2: 3e-2, minDocs: 5, keep: 0.01, seed: 1, seeds: seeds, log: io.Discard}
}

func TestTrainSeedsAveragesTheRunsOfEachSeed(t *testing.T) {
	data := toyLists()
	o := toyOptions(3)
	dense, lex := trainSeeds(data, 2, 1, o)

	var runs [][]float64
	var words []map[string]float64
	for i := range 3 {
		oi := o
		oi.seed = o.seed + uint64(i)
		d, l := train(data, 2, 1, oi)
		runs, words = append(runs, d), append(words, l[0])
	}
	require.NotEqual(t, runs[0], runs[1], "seeds must differ for the test to say anything")
	for j := range dense {
		assert.InDelta(t, (runs[0][j]+runs[1][j]+runs[2][j])/3, dense[j], 1e-4, "dense %d", j)
	}
	assert.Greater(t, dense[0], 0.0, "the feature that wins lists gets a positive weight")
	for key, w := range lex[0] {
		assert.InDelta(t, (words[0][key]+words[1][key]+words[2][key])/3, w, 1e-4, "word %q", key)
	}
	assert.Contains(t, lex[0], "good")
	for key := range words[0] {
		if _, ok := lex[0][key]; !ok {
			assert.Less(t, math.Abs(words[0][key]+words[1][key]+words[2][key])/3, o.keep+1e-4, "%q dropped only when its mean is small", key)
		}
	}
}

func TestTrainSeedsOneSeedIsTrain(t *testing.T) {
	data := toyLists()
	d1, l1 := trainSeeds(data, 2, 1, toyOptions(1))
	d0, l0 := train(data, 2, 1, toyOptions(1))
	assert.Equal(t, d0, d1)
	assert.Equal(t, l0, l1)
}
