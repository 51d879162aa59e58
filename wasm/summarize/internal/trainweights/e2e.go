package main

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/papergist/papergist/wasm/summarize/internal/scorer"
)

// End-to-end fine-tuning (-e2e-epochs): the token model is first fitted on its own target (does the
// TL;DR use the word) and stage two on features computed from its probabilities; then both are tuned
// together on stage two's listwise loss, the gradient reaching the token weights through the ef1
// features, ef1_L = 2 G / (k + L), where G sums the probabilities of the k kept words (a repeated word
// at repeatWeight). Both start from their trained weights, optionally pulled back toward them
// (-e2e-l2). The stage-two features of length and cut kind stay fixed (-e2e-freeze): tuned too, they
// shortened the TL;DRs toward train's author-only references and lost 0.3 R1 on dev (5-fold CV on
// train rose by 0.45 all the same). For the same reason the tuning is short: CV keeps rising with more
// epochs (5, 10, 20: +0.15, +0.31, +0.44) while dev falls back (+0.13, +0.08, -0.15 R1, seeds 1-3).

// ef1Lengths are the L of the ef1 features, by their names in scorer.CandidateNames.
var ef1Lengths = map[string]float64{"ef1_12": 12, "ef1_20": 20, "ef1_30": 30}

// repeatWeight is scorer's discount of a word's second use in a candidate.
const repeatWeight = 0.2

// e2eWord is one distinct word of an abstract: its token features and its word weight's index.
type e2eWord struct {
	dense [len(scorer.TokenNames)]float64
	param int // index in tuner.words, or -1
}

// e2eOcc is one kept word of a candidate: its index in the abstract's words and its weight in G.
type e2eOcc struct {
	word int
	r    float64
}

type e2eCand struct {
	dense []float64 // stage two's features; the ef1 ones are recomputed
	trail []int     // indices in tuner.trailing
	kept  []e2eOcc
	k     int
}

type e2eList struct {
	words  []e2eWord
	cands  []e2eCand
	target []float64
}

// tuner holds the parameters being tuned with their starting values.
type tuner struct {
	token, cand     []param
	words, trailing []param
	token0, cand0   []float64
	words0, trail0  []float64
	wordNames       []string
	trailNames      []string
	ef1             []int     // indices of the ef1 features in cand
	ef1L            []float64 // their L
}

// newTuner starts from m's weights; every word that got a token weight in training, or that m keeps,
// may be tuned.
func newTuner(m *scorer.Model, tokenWords map[string]bool) *tuner {
	t := &tuner{}
	for _, n := range scorer.TokenNames {
		t.token = append(t.token, param{w: m.Token[n]})
		t.token0 = append(t.token0, m.Token[n])
	}
	for i, n := range scorer.CandidateNames {
		t.cand = append(t.cand, param{w: m.Candidate[n]})
		t.cand0 = append(t.cand0, m.Candidate[n])
		if l, ok := ef1Lengths[n]; ok {
			t.ef1, t.ef1L = append(t.ef1, i), append(t.ef1L, l)
		}
	}
	for w := range m.TokenWords {
		tokenWords[w] = true
	}
	t.wordNames = slices.Sorted(maps.Keys(tokenWords))
	for _, w := range t.wordNames {
		t.words = append(t.words, param{w: m.TokenWords[w]})
		t.words0 = append(t.words0, m.TokenWords[w])
	}
	t.trailNames = slices.Sorted(maps.Keys(m.Trailing))
	for _, w := range t.trailNames {
		t.trailing = append(t.trailing, param{w: m.Trailing[w]})
		t.trail0 = append(t.trail0, m.Trailing[w])
	}
	return t
}

// e2eData gathers, for each record, the candidates of scorer.Shortlist with what the tuner needs.
func (t *tuner) e2eData(m *scorer.Model, recs []record, o options) ([]e2eList, error) {
	wordIdx := indexOf(t.wordNames)
	trailIdx := indexOf(t.trailNames)
	var out []e2eList
	for _, r := range recs {
		short := scorer.Shortlist(m, r.Title, r.Source, o.topK)
		if len(short) < 2 {
			continue
		}
		l := e2eList{}
		vocab := map[string]int{}
		for _, f := range scorer.ExtractWords(r.Title, r.Source) {
			vocab[f.Word] = len(l.words)
			p := -1
			if i, ok := wordIdx[f.Word]; ok {
				p = i
			}
			l.words = append(l.words, e2eWord{dense: f.Dense, param: p})
		}
		texts := make([]string, len(short))
		for ci, c := range short {
			texts[ci] = c.Text()
			ec := e2eCand{dense: slices.Clone(c.Features.Dense[:])}
			for _, w := range c.Features.TrailKeys() {
				if i, ok := trailIdx[w]; ok {
					ec.trail = append(ec.trail, i)
				}
			}
			keys := c.Features.KeptKeys()
			ec.k = len(keys)
			seen := map[string]bool{}
			for _, w := range keys {
				if w == "" {
					continue
				}
				wi, ok := vocab[w]
				if !ok {
					return nil, fmt.Errorf("e2e: kept word %q not among the abstract's words", w)
				}
				rw := 1.0
				if seen[w] {
					rw = repeatWeight
				}
				seen[w] = true
				ec.kept = append(ec.kept, e2eOcc{wi, rw})
			}
			l.cands = append(l.cands, ec)
		}
		l.target = softTarget(bestUnigramF1(texts, r.Target, nil), o.cutTau)
		out = append(out, l)
	}
	return out, nil
}

func indexOf(names []string) map[string]int {
	m := make(map[string]int, len(names))
	for i, n := range names {
		m[n] = i
	}
	return m
}

// probs returns the token model's probability of each word of l.
func (t *tuner) probs(l *e2eList, dst []float64) []float64 {
	dst = dst[:0]
	for _, w := range l.words {
		s := 0.0
		for j, v := range w.dense {
			s += t.token[j].w * v
		}
		if w.param >= 0 {
			s += t.words[w.param].w
		}
		dst = append(dst, 1/(1+math.Exp(-s)))
	}
	return dst
}

// setEF1 recomputes c's ef1 features from p and returns G.
func (t *tuner) setEF1(c *e2eCand, p []float64) float64 {
	g := 0.0
	for _, o := range c.kept {
		g += o.r * p[o.word]
	}
	for i, fi := range t.ef1 {
		c.dense[fi] = 0
		if c.k > 0 {
			c.dense[fi] = 2 * g / (float64(c.k) + t.ef1L[i])
		}
	}
	return g
}

// checkEF1 reports how far the recomputed ef1 features are from scorer's, at the starting weights.
func (t *tuner) checkEF1(data []e2eList) float64 {
	worst := 0.0
	var p []float64
	for _, l := range data {
		p = t.probs(&l, p)
		for _, c := range l.cands {
			orig := make([]float64, len(t.ef1))
			for i, fi := range t.ef1 {
				orig[i] = c.dense[fi]
			}
			t.setEF1(&c, p)
			for i, fi := range t.ef1 {
				worst = max(worst, math.Abs(orig[i]-c.dense[fi]))
			}
		}
	}
	return worst
}

// stepTo is an AdaGrad step with an L2 pull toward w0.
func (p *param) stepTo(grad, rate, l2, w0 float64) {
	grad += l2 * (p.w - w0)
	p.g2 += grad * grad
	p.w -= rate * grad / (math.Sqrt(p.g2) + 1e-8)
}

// tune runs o.e2eEpochs passes of joint AdaGrad over data.
func (t *tuner) tune(data []e2eList, o options) {
	rng := rand.New(rand.NewPCG(o.seed, 5))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	frozen := make([]bool, len(t.cand))
	for _, pat := range strings.Split(o.e2eFreeze, ",") {
		for j, n := range scorer.CandidateNames {
			if pat != "" && (n == pat || strings.HasSuffix(pat, "*") && strings.HasPrefix(n, pat[:len(pat)-1])) {
				frozen[j] = true
			}
		}
	}
	var p, gw []float64
	tokGrad := make([]float64, len(t.token))
	for epoch := range o.e2eEpochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		loss := 0.0
		for _, k := range order {
			l := &data[k]
			p = t.probs(l, p)
			scores := make([]float64, len(l.cands))
			for i := range l.cands {
				c := &l.cands[i]
				t.setEF1(c, p)
				for j, v := range c.dense {
					scores[i] += t.cand[j].w * v
				}
				for _, ti := range c.trail {
					scores[i] += t.trailing[ti].w
				}
			}
			probs := softmax(scores)
			gw = slices.Grow(gw[:0], len(l.words))[:len(l.words)]
			clear(gw)
			for i := range l.cands {
				c := &l.cands[i]
				loss -= l.target[i] * math.Log(probs[i]+1e-12)
				g := probs[i] - l.target[i]
				if c.k > 0 {
					a := 0.0 // d score / d G
					for j, fi := range t.ef1 {
						a += t.cand[fi].w * 2 / (float64(c.k) + t.ef1L[j])
					}
					for _, oc := range c.kept {
						gw[oc.word] += g * a * oc.r
					}
				}
				for j, v := range c.dense {
					if v != 0 && !frozen[j] {
						t.cand[j].stepTo(g*v, o.e2eRate, o.e2eL2, t.cand0[j])
					}
				}
				for _, ti := range c.trail {
					t.trailing[ti].stepTo(g, o.e2eRate, o.e2eL2, t.trail0[ti])
				}
			}
			clear(tokGrad)
			for wi, w := range l.words {
				if gw[wi] == 0 {
					continue
				}
				g := gw[wi] * p[wi] * (1 - p[wi]) // d loss / d s_w
				for j, v := range w.dense {
					tokGrad[j] += g * v
				}
				if w.param >= 0 {
					t.words[w.param].stepTo(g, o.e2eRate, o.e2eL2, t.words0[w.param])
				}
			}
			for j, g := range tokGrad {
				if g != 0 {
					t.token[j].stepTo(g, o.e2eRate, o.e2eL2, t.token0[j])
				}
			}
		}
		fmt.Fprintf(o.log, "  e2e epoch %d: loss %.4f\n", epoch+1, loss/float64(len(data)))
	}
}

// apply writes the tuned weights into m.
func (t *tuner) apply(m *scorer.Model, o options) {
	for j, n := range scorer.TokenNames {
		m.Token[n] = round(t.token[j].w)
	}
	for j, n := range scorer.CandidateNames {
		m.Candidate[n] = round(t.cand[j].w)
	}
	m.TokenWords = map[string]float64{}
	for i, w := range t.wordNames {
		if x := t.words[i].w; math.Abs(x) >= o.keep {
			m.TokenWords[w] = round(x)
		}
	}
	m.Trailing = map[string]float64{}
	for i, w := range t.trailNames {
		if x := t.trailing[i].w; math.Abs(x) >= o.keep {
			m.Trailing[w] = round(x)
		}
	}
	m.Prepare()
}

// fineTune tunes m end to end on recs (see the top of this file).
func fineTune(m *scorer.Model, recs []record, tokenWords map[string]bool, o options) error {
	t := newTuner(m, tokenWords)
	data, err := t.e2eData(m, recs, o)
	if err != nil {
		return err
	}
	fmt.Fprintf(o.log, "e2e: %d lists, %d token words, ef1 recomputed within %.2g\n", len(data), len(t.words), t.checkEF1(data))
	t.tune(data, o)
	t.apply(m, o)
	return nil
}
