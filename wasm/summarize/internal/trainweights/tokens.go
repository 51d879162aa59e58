package main

import (
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/papergist/papergist/wasm/summarize/internal/scorer"
)

// mixOracle makes stage two of m see, for the words of r, m*oracle + (1-m)*p, where oracle is 1 when
// r's references use the word's stem, and p is the token model's probability; mix 0 leaves the token
// model alone. It measures how much stage two would gain from a better token model (-tok-oracle).
func mixOracle(m *scorer.Model, r record, mix float64) {
	if mix == 0 {
		m.SetTokenOverride(nil)
		return
	}
	target := targetStems(r)
	m.SetTokenOverride(func(w string, p float64) float64 {
		return mix*b2f(target[rougeStem(w)]) + (1-mix)*p
	})
}

// evalTokens trains on k-1 of o.tokenEval folds of recs and prints how well the token model, with
// -tok-oracle mixed in, tells the words the held-out TL;DRs use (by stem) from the others: log loss
// against the prior's, and AUC, over every distinct word of every abstract.
func evalTokens(recs []record, o options, out io.Writer) error {
	k := o.tokenEval
	o.log = io.Discard
	type scored struct{ p, y float64 }
	var all []scored
	loss := 0.0
	for fold := range k {
		var train, test []record
		for i, r := range recs {
			if i%k == fold {
				test = append(test, r)
			} else {
				train = append(train, r)
			}
		}
		dense, words, _ := trainTokens(train, o)
		m := scorer.Model{Token: named(scorer.TokenNames[:], dense), TokenWords: words}
		m.Prepare()
		for _, r := range test {
			target := targetStems(r)
			for w, p := range m.WordProbs(r.Title, r.Source) {
				y := b2f(target[rougeStem(w)])
				p = o.tokenOracle*y + (1-o.tokenOracle)*p
				loss -= y*math.Log(p+1e-12) + (1-y)*math.Log(1-p+1e-12)
				all = append(all, scored{p, y})
			}
		}
	}
	slices.SortStableFunc(all, func(a, b scored) int {
		switch {
		case a.p < b.p:
			return -1
		case a.p > b.p:
			return 1
		}
		return 0
	})
	// AUC from the ranks of the positives, tied probabilities sharing their mean rank
	var pos, rankSum float64
	for i := 0; i < len(all); {
		j := i
		for j < len(all) && all[j].p == all[i].p {
			j++
		}
		mean := float64(i+j+1) / 2 // ranks i+1 … j
		for _, x := range all[i:j] {
			if x.y == 1 {
				pos++
				rankSum += mean
			}
		}
		i = j
	}
	n := float64(len(all))
	neg := n - pos
	prior := pos / n
	fmt.Fprintf(out, "token model, %d folds: %d words, %.3f used by the TL;DR\n", k, len(all), prior)
	fmt.Fprintf(out, "log loss %.4f (prior %.4f), AUC %.4f\n", loss/n,
		-(prior*math.Log(prior) + (1-prior)*math.Log(1-prior)), (rankSum-pos*(pos+1)/2)/(pos*neg))
	return nil
}
