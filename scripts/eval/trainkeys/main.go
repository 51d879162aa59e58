// Command trainkeys learns papergist's key-phrase ranker (package wasm/summarize/keyphrase) on Inspec's
// training split and chooses its stopping threshold on the dev split, then writes the model file that
// package summarize embeds. The lexicon is general, not memorized: the words found in at least -mindf
// abstracts of the training corpora (Inspec train and SciTLDR train), with their document frequencies
// and learned weights as a phrase's first, last or any word. No phrase or title is stored. Deterministic.
// Run it with `make keyweights`.
package main

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"sort"

	"github.com/papergist/papergist/scripts/eval/inspec"
	"github.com/papergist/papergist/wasm/summarize/keyphrase"
	"github.com/papergist/papergist/wasm/summarize/scitldr"
)

func main() {
	train := flag.String("train", "../../../shared/eval/inspec/inspec-train.jsonl", "Inspec training split")
	dev := flag.String("dev", "../../../shared/eval/inspec/inspec-dev.jsonl", "Inspec dev split (threshold only)")
	extra := flag.String("corpus", "../../../shared/eval/scitldr/train.jsonl", "SciTLDR training split, for document frequencies")
	out := flag.String("out", "../../wasm/summarize/keyphrase.model", "model file to write")
	minDF := flag.Int("mindf", 30, "least document frequency of a lexicon word")
	epochs := flag.Int("epochs", 40, "passes over the training candidates")
	l2 := flag.Float64("l2", 1e-4, "L2 penalty per example")
	weighDF := flag.Int("weighdf", 30, "least document frequency of a lexicon word with learned weights")
	flag.Parse()
	if err := run(*train, *dev, *extra, *out, *minDF, *weighDF, *epochs, *l2); err != nil {
		fmt.Fprintln(os.Stderr, "trainkeys:", err)
		os.Exit(1)
	}
}

type example struct {
	dense [keyphrase.NumFeatures]float64
	words []*keyphrase.Word
	label float64
}

func run(trainPath, devPath, corpusPath, outPath string, minDF, weighDF, epochs int, l2 float64) error {
	trainDocs, err := inspec.Load(trainPath)
	if err != nil {
		return err
	}
	devDocs, err := inspec.Load(devPath)
	if err != nil {
		return err
	}
	var texts []string
	for _, d := range trainDocs {
		texts = append(texts, d.Title+"\n\n"+d.Abstract)
	}
	if corpusPath != "" {
		recs, err := scitldr.Load(corpusPath)
		if err != nil {
			return err
		}
		for _, r := range recs {
			texts = append(texts, r.Title+"\n\n"+r.Abstract())
		}
	}
	df := map[string]int{}
	for _, t := range texts {
		for _, w := range keyphrase.DocWords(t) {
			df[w]++
		}
	}
	m := &keyphrase.Model{Docs: len(texts), MinDF: minDF, Lex: map[string]*keyphrase.Word{}, MinKeep: 10}
	for w, n := range df {
		if n >= minDF {
			m.Lex[w] = &keyphrase.Word{DF: n}
		}
	}
	m.Prepare()
	var exs []example
	pos := 0
	for _, d := range trainDocs {
		gold := goldSet(d)
		for _, c := range keyphrase.Extract(d.Title, d.Abstract, m) {
			ex := example{dense: c.Dense}
			for _, w := range c.Words {
				if e := m.Lex[w]; e != nil && e.DF >= weighDF {
					ex.words = append(ex.words, e)
				} else {
					ex.words = append(ex.words, nil)
				}
			}
			if gold[inspec.Normalize(c.Text)] {
				ex.label = 1
				pos++
			}
			exs = append(exs, ex)
		}
	}
	fmt.Fprintf(os.Stderr, "trainkeys: %d texts for DF, lexicon %d words, %d candidates, %d positive\n", len(texts), len(m.Lex), len(exs), pos)
	fit(m, exs, epochs, l2)
	// keep only lexicon words that carry a weight or are common enough to matter for IDF
	chooseThreshold(m, devDocs)
	if err := os.WriteFile(outPath, m.Marshal(), 0o644); err != nil {
		return err
	}
	for _, k := range []int{5, 10} {
		preds := make([][]string, len(devDocs))
		for i, d := range devDocs {
			preds[i] = keyphrase.Rank(d.Title, d.Abstract, m, 10)
		}
		r := inspec.Score(devDocs, preds, k)
		fmt.Fprintf(os.Stderr, "trainkeys: dev F1@%d %.2f (P %.2f R %.2f, pooled F1 %.2f)\n", k, r.F1, r.P, r.R, r.PooledF1)
	}
	return nil
}

func goldSet(d inspec.Doc) map[string]bool {
	g := map[string]bool{}
	for _, p := range d.KeyPhrases {
		g[inspec.Normalize(p)] = true
	}
	return g
}

// fit trains logistic regression with AdaGrad over shuffled examples (fixed seed).
func fit(m *keyphrase.Model, exs []example, epochs int, l2 float64) {
	const rate = 0.1
	var gDense [keyphrase.NumFeatures]float64
	gWord := map[*keyphrase.Word]*[3]float64{}
	for _, w := range m.Lex {
		gWord[w] = &[3]float64{}
	}
	r := rand.New(rand.NewPCG(1, 2))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	step := func(g *float64, w *float64, grad float64) {
		*g += grad * grad
		*w -= rate * grad / (math.Sqrt(*g) + 1e-8)
	}
	for e := 0; e < epochs; e++ {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		loss := 0.0
		for _, i := range order {
			ex := &exs[i]
			s := 0.0
			for k, x := range ex.dense {
				s += m.Dense[k] * x
			}
			n := float64(len(ex.words))
			for k, w := range ex.words {
				if w == nil {
					continue
				}
				s += w.Any / n
				if k == 0 && len(ex.words) > 1 {
					s += w.First
				}
				if k == len(ex.words)-1 {
					s += w.Last
				}
			}
			p := 1 / (1 + math.Exp(-s))
			loss -= ex.label*math.Log(p+1e-12) + (1-ex.label)*math.Log(1-p+1e-12)
			d := p - ex.label
			for k, x := range ex.dense {
				if x != 0 {
					step(&gDense[k], &m.Dense[k], d*x+l2*m.Dense[k])
				}
			}
			for k, w := range ex.words {
				if w == nil {
					continue
				}
				g := gWord[w]
				step(&g[2], &w.Any, d/n+l2*10*w.Any)
				if k == 0 && len(ex.words) > 1 {
					step(&g[0], &w.First, d+l2*10*w.First)
				}
				if k == len(ex.words)-1 {
					step(&g[1], &w.Last, d+l2*10*w.Last)
				}
			}
		}
		if e%10 == 9 || e == epochs-1 {
			fmt.Fprintf(os.Stderr, "trainkeys: epoch %d loss %.4f\n", e+1, loss/float64(len(exs)))
		}
	}
}

// chooseThreshold picks the stopping score and the least number of phrases that maximize the mean of
// dev F1@5 and F1@10.
func chooseThreshold(m *keyphrase.Model, docs []inspec.Doc) {
	var scores []float64
	for _, d := range docs {
		for _, c := range keyphrase.Extract(d.Title, d.Abstract, m) {
			scores = append(scores, c.Score)
		}
	}
	sort.Float64s(scores)
	best, bestF := math.Inf(-1), -1.0
	bestKeep := 10
	for _, keep := range []int{3, 4, 5, 6, 8, 10} {
		for q := 0; q <= 20; q++ {
			t := scores[len(scores)*(80+q)/101]
			if keep == 10 && q > 0 {
				break
			}
			m.Threshold, m.MinKeep = t, keep
			preds := make([][]string, len(docs))
			for i, d := range docs {
				preds[i] = keyphrase.Rank(d.Title, d.Abstract, m, 10)
			}
			f := inspec.Score(docs, preds, 5).F1 + inspec.Score(docs, preds, 10).F1
			if f > bestF {
				best, bestF, bestKeep = t, f, keep
			}
		}
	}
	m.Threshold, m.MinKeep = best, bestKeep
	fmt.Fprintf(os.Stderr, "trainkeys: threshold %.3f, at least %d phrases\n", best, bestKeep)
}
