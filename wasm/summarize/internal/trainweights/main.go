// Command trainweights learns the TL;DR sentence scorer from SciTLDR's training split and writes the
// weights file that package summarize embeds. `make weights` runs it; the output is deterministic.
//
// The model is trained listwise: for each abstract, a softmax over its sentences' scores is fitted
// to a target distribution that puts its mass on the sentences with the highest ROUGE against the
// reference TL;DRs (the data's rouge_scores), sharpened by -tau.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"sort"

	"github.com/papergist/papergist/wasm/summarize/internal/scorer"
)

// record is one SciTLDR-A line; only the fields the trainer needs.
type record struct {
	Title       string    `json:"title"`
	Source      []string  `json:"source"`
	RougeScores []float64 `json:"rouge_scores"`
}

type options struct {
	train, out    string
	epochs        int
	rate, l2, tau float64
	minDocs       int
	keepThreshold float64
}

func main() {
	var o options
	flag.StringVar(&o.train, "train", "../shared/eval/scitldr/train.jsonl", "SciTLDR-A training split")
	flag.StringVar(&o.out, "out", "wasm/summarize/weights.json", "weights file to write")
	flag.IntVar(&o.epochs, "epochs", 15, "passes over the training data")
	flag.Float64Var(&o.rate, "rate", 0.05, "AdaGrad learning rate")
	flag.Float64Var(&o.l2, "l2", 1e-4, "L2 penalty per update")
	flag.Float64Var(&o.tau, "tau", 0.03, "target temperature over ROUGE scores (smaller = only the best sentence)")
	flag.IntVar(&o.minDocs, "min-docs", 5, "a word or start needs this many training abstracts to get a weight")
	flag.Float64Var(&o.keepThreshold, "keep", 0.02, "drop lexical weights smaller than this in magnitude")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "trainweights:", err)
		os.Exit(1)
	}
}

type example struct {
	feats  []scorer.Features
	target []float64
}

func run(o options) error {
	recs, err := load(o.train)
	if err != nil {
		return err
	}
	var data []example
	wordDocs, startDocs := map[string]int{}, map[string]int{}
	for _, r := range recs {
		if len(r.Source) < 2 || len(r.RougeScores) != len(r.Source) {
			continue // nothing to choose between
		}
		feats := scorer.Extract(r.Title, r.Source)
		seenW, seenS := map[string]bool{}, map[string]bool{}
		for _, f := range feats {
			for _, w := range f.Words {
				seenW[w] = true
			}
			seenS[f.Start] = true
		}
		for w := range seenW {
			wordDocs[w]++
		}
		for s := range seenS {
			startDocs[s]++
		}
		data = append(data, example{feats: feats, target: softTarget(r.RougeScores, o.tau)})
	}
	if len(data) == 0 {
		return errors.New("no usable training records")
	}
	m := train(data, o, wordDocs, startDocs)
	return write(o.out, m, o.keepThreshold)
}

func softTarget(rouge []float64, tau float64) []float64 {
	best := rouge[0]
	for _, r := range rouge {
		best = max(best, r)
	}
	t := make([]float64, len(rouge))
	sum := 0.0
	for i, r := range rouge {
		t[i] = math.Exp((r - best) / tau)
		sum += t[i]
	}
	for i := range t {
		t[i] /= sum
	}
	return t
}

// param is one weight with its AdaGrad accumulator.
type param struct{ w, g2 float64 }

func (p *param) step(grad, rate, l2 float64) {
	grad += l2 * p.w
	p.g2 += grad * grad
	p.w -= rate * grad / (math.Sqrt(p.g2) + 1e-8)
}

func train(data []example, o options, wordDocs, startDocs map[string]int) scorer.Model {
	var bias param // softmax is shift-invariant: the bias is kept for the file's shape only
	dense := make([]param, len(scorer.DenseNames))
	words, starts := map[string]*param{}, map[string]*param{}
	lookup := func(m map[string]*param, docs map[string]int, key string) *param {
		if docs[key] < o.minDocs {
			return nil
		}
		p := m[key]
		if p == nil {
			p = &param{}
			m[key] = p
		}
		return p
	}
	rng := rand.New(rand.NewPCG(1, 2))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	for epoch := 0; epoch < o.epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		loss := 0.0
		for _, k := range order {
			ex := data[k]
			scores := make([]float64, len(ex.feats))
			for i := range ex.feats {
				f := &ex.feats[i]
				s := bias.w
				for j, v := range f.Dense {
					s += dense[j].w * v
				}
				for _, w := range f.Words {
					if p := words[w]; p != nil {
						s += p.w
					}
				}
				if p := starts[f.Start]; p != nil {
					s += p.w
				}
				scores[i] = s
			}
			probs := softmax(scores)
			for i := range ex.feats {
				loss -= ex.target[i] * math.Log(probs[i]+1e-12)
				g := probs[i] - ex.target[i] // d(cross-entropy)/d(score_i)
				f := &ex.feats[i]
				for j, v := range f.Dense {
					if v != 0 {
						dense[j].step(g*v, o.rate, o.l2)
					}
				}
				for _, w := range f.Words {
					if p := lookup(words, wordDocs, w); p != nil {
						p.step(g, o.rate, o.l2)
					}
				}
				if p := lookup(starts, startDocs, f.Start); p != nil {
					p.step(g, o.rate, o.l2)
				}
			}
		}
		fmt.Fprintf(os.Stderr, "epoch %2d: loss %.4f\n", epoch+1, loss/float64(len(data)))
	}
	m := scorer.Model{Bias: bias.w, Dense: map[string]float64{}, Words: map[string]float64{}, Starts: map[string]float64{}}
	for i, name := range scorer.DenseNames {
		m.Dense[name] = dense[i].w
	}
	for w, p := range words {
		m.Words[w] = p.w
	}
	for s, p := range starts {
		m.Starts[s] = p.w
	}
	return m
}

func softmax(x []float64) []float64 {
	hi := x[0]
	for _, v := range x {
		hi = max(hi, v)
	}
	out := make([]float64, len(x))
	sum := 0.0
	for i, v := range x {
		out[i] = math.Exp(v - hi)
		sum += out[i]
	}
	for i := range out {
		out[i] /= sum
	}
	return out
}

func round(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// write stores the model with small lexical weights dropped and every weight rounded, so that the file
// stays small and byte-for-byte reproducible.
func write(path string, m scorer.Model, keep float64) error {
	prune := func(in map[string]float64) map[string]float64 {
		out := map[string]float64{}
		keys := make([]string, 0, len(in))
		for k := range in {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if math.Abs(in[k]) >= keep {
				out[k] = round(in[k])
			}
		}
		return out
	}
	for k, v := range m.Dense {
		m.Dense[k] = round(v)
	}
	m.Bias = round(m.Bias)
	m.Words, m.Starts = prune(m.Words), prune(m.Starts)
	data, err := json.MarshalIndent(m, "", "\t")
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "trainweights: %d word and %d start weights to %s\n", len(m.Words), len(m.Starts), path)
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

func load(path string) ([]record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open training data (see ../shared/eval/scitldr/README.md): %w", err)
	}
	defer f.Close()
	var recs []record
	dec := json.NewDecoder(bufio.NewReader(f))
	for {
		var r record
		if err := dec.Decode(&r); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("%s record %d: %w", path, len(recs)+1, err)
		}
		recs = append(recs, r)
	}
	return recs, nil
}
