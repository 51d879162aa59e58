// Package rouge scores summaries the way the SciTLDR paper did: ROUGE-1.5.5 F-measure with Porter
// stemming, as reproduced by Google's rouge-score package (lower-case, non-alphanumerics separate
// tokens, tokens longer than 3 characters are stemmed, no stop-word removal).
package rouge

import (
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// Score is one ROUGE measure of a prediction against one reference, each in [0, 1].
type Score struct {
	Precision float64
	Recall    float64
	F1        float64
}

// Scores holds ROUGE-1, ROUGE-2 and ROUGE-L (sentence-level LCS) of one prediction against one reference.
type Scores struct {
	R1, R2, RL Score
}

// Tokenize lower-cases s, splits it on every character outside [a-z0-9], and stems the tokens
// longer than 3 characters when stem is set.
func Tokenize(s string, stem bool) []string {
	var toks []string
	var b strings.Builder
	flush := func() {
		if b.Len() == 0 {
			return
		}
		t := b.String()
		b.Reset()
		if stem && len(t) > 3 {
			t = english.Stem(t, true)
		}
		toks = append(toks, t)
	}
	for _, r := range s {
		r = unicode.ToLower(r)
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			continue
		}
		flush()
	}
	flush()
	return toks
}

// Compare scores prediction against reference with stemming.
func Compare(reference, prediction string) Scores {
	ref, pred := Tokenize(reference, true), Tokenize(prediction, true)
	return Scores{R1: ngramScore(ref, pred, 1), R2: ngramScore(ref, pred, 2), RL: lcsScore(ref, pred)}
}

// Best scores prediction against every reference and returns the scores of the reference with the
// highest ROUGE-1 F1, the first one winning ties: SciTLDR's "max" rule. No reference scores zero.
func Best(references []string, prediction string) Scores {
	var best Scores
	for i, ref := range references {
		s := Compare(ref, prediction)
		if i == 0 || s.R1.F1 > best.R1.F1 {
			best = s
		}
	}
	return best
}

func fscore(overlap, predTotal, refTotal int) Score {
	if overlap == 0 || predTotal == 0 || refTotal == 0 {
		return Score{}
	}
	p := float64(overlap) / float64(predTotal)
	r := float64(overlap) / float64(refTotal)
	return Score{Precision: p, Recall: r, F1: 2 * p * r / (p + r)}
}

func ngrams(toks []string, n int) map[string]int {
	m := make(map[string]int)
	for i := 0; i+n <= len(toks); i++ {
		m[strings.Join(toks[i:i+n], " ")]++
	}
	return m
}

func ngramScore(ref, pred []string, n int) Score {
	refGrams, predGrams := ngrams(ref, n), ngrams(pred, n)
	overlap, refTotal, predTotal := 0, 0, 0
	for g, c := range refGrams {
		refTotal += c
		overlap += min(c, predGrams[g])
	}
	for _, c := range predGrams {
		predTotal += c
	}
	return fscore(overlap, predTotal, refTotal)
}

func lcsScore(ref, pred []string) Score {
	return fscore(lcs(ref, pred), len(pred), len(ref))
}

// lcs returns the length of the longest common subsequence of a and b, in O(len(b)) memory.
func lcs(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
