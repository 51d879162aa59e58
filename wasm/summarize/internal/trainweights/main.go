// Command trainweights learns the TL;DR scorer from SciTLDR's training split and writes the weights
// file that package summarize embeds. `make weights` runs it; the output is deterministic.
//
// Both stages are linear models trained listwise: for each abstract, a softmax over its items' scores
// is fitted to a target distribution that puts its mass on the items with the best ROUGE-1 against the
// reference TL;DR, sharpened by -tau. Stage one rates the abstract's sentences; stage two rates the
// compressions (package compress) of the sentences stage one ranks highest.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"

	"github.com/papergist/papergist/wasm/summarize/internal/scorer"
	"github.com/papergist/papergist/wasm/summarize/porter"
	"github.com/papergist/papergist/wasm/summarize/scitldr"
)

// record is one SciTLDR-A line.
type record = scitldr.Record

type options struct {
	train, out    string
	epochs        int
	rate, l2, tau float64
	minDocs       int
	keep          float64
	topK          int
	cutL2, cutTau float64
	tokenMinDocs  int
	seed          uint64
	seeds         int
	cv            int
	drop          string
	oracle        string
	tokenEval     int       // -tok-eval
	tokenOracle   float64   // -tok-oracle
	e2eEpochs     int       // -e2e-epochs: end-to-end fine-tuning (e2e.go)
	e2eRate       float64   // -e2e-rate
	e2eL2         float64   // -e2e-l2
	e2eFreeze     string    // -e2e-freeze
	log           io.Writer // progress; io.Discard in cross-validation
}

func main() {
	var o options
	flag.StringVar(&o.train, "train", "../shared/eval/scitldr/train.jsonl", "SciTLDR-A training split")
	flag.StringVar(&o.out, "out", "wasm/summarize/weights.json", "weights file to write")
	flag.IntVar(&o.epochs, "epochs", 15, "passes over the training data")
	flag.Float64Var(&o.rate, "rate", 0.05, "AdaGrad learning rate")
	flag.Float64Var(&o.l2, "l2", 3e-2, "L2 penalty per update")
	flag.Float64Var(&o.tau, "tau", 0.1, "target temperature over ROUGE-1 (smaller = only the best item)")
	flag.IntVar(&o.minDocs, "min-docs", 200, "a lexical feature needs this many training abstracts to get a weight")
	flag.Float64Var(&o.keep, "keep", 0.01, "drop lexical weights smaller than this in magnitude")
	flag.IntVar(&o.topK, "top", scorer.TopSentences, "sentences of stage one whose compressions stage two rates")
	flag.Float64Var(&o.cutL2, "cut-l2", 1e-3, "L2 penalty per update of stage two")
	flag.Float64Var(&o.cutTau, "cut-tau", 0.1, "target temperature of stage two")
	flag.IntVar(&o.tokenMinDocs, "token-min-docs", 20, "a word needs this many training abstracts to get a token-model weight")
	flag.Uint64Var(&o.seed, "seed", 1, "seed of the order in which the listwise stages visit the abstracts")
	flag.IntVar(&o.seeds, "seeds", 10, "train each listwise stage with this many seeds (-seed, -seed+1, …) and average their weights:\n"+
		"one seed's model depends on the order it happened to visit the abstracts in")
	flag.IntVar(&o.cv, "cv", 0, "instead of writing weights, train on k-1 of k folds of -train and print the held-out\n"+
		"mean stemmed unigram F1 of the TL;DRs (a stand-in for ROUGE-1), fold by fold")
	flag.StringVar(&o.oracle, "oracle", "", "instead of writing weights, train on -train and print, for the records of this SciTLDR\n"+
		"file, the mean stemmed unigram F1 of the TL;DRs and of the best candidates stage two could have\n"+
		"picked (the ceiling of the candidate set), over the top sentence's compressions and over all")
	flag.IntVar(&o.tokenEval, "tok-eval", 0, "instead of writing weights, train on k-1 of k folds of -train and print the held-out\n"+
		"log loss and AUC of the token model (does the TL;DR use a word of the abstract)")
	flag.Float64Var(&o.tokenOracle, "tok-oracle", 0, "with -cv, -oracle or -tok-eval: stage two sees, as each word's probability, m*oracle + (1-m)*p,\n"+
		"where oracle is 1 for the words of the record's references (by stem) and 0 for the others: what a\n"+
		"better token model could give (1 = a perfect one)")
	flag.IntVar(&o.e2eEpochs, "e2e-epochs", 5, "passes of end-to-end fine-tuning of the token model and stage two together on stage two's\n"+
		"listwise loss, after both are trained as usual (0 = none)")
	flag.Float64Var(&o.e2eRate, "e2e-rate", 0.1, "AdaGrad learning rate of the end-to-end fine-tuning")
	flag.Float64Var(&o.e2eL2, "e2e-l2", 0, "L2 pull of the end-to-end fine-tuning toward the weights it starts from")
	flag.StringVar(&o.e2eFreeze, "e2e-freeze", "w*,kept,cut_*", "comma-separated stage-two features (a trailing * matches a prefix) the end-to-end fine-tuning leaves\n"+
		"alone: by default those of length and cut kind, so that it cannot shorten the TL;DRs toward train's\n"+
		"author-only references (dev's are longer)")
	flag.StringVar(&o.drop, "drop", "", "comma-separated stage-one dense features to leave out (weight 0), for ablations")
	flag.Parse()
	if o.tokenOracle != 0 && o.cv <= 1 && o.oracle == "" && o.tokenEval <= 1 {
		fmt.Fprintln(os.Stderr, "trainweights: -tok-oracle needs -cv, -oracle or -tok-eval: it measures, it makes no model")
		os.Exit(2)
	}
	o.log = os.Stderr
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "trainweights:", err)
		os.Exit(1)
	}
}

// item is one thing to rate: dense features and, per lexical family, its distinct keys.
type item struct {
	dense []float64
	lex   [][]string
}

// list is the items of one abstract with their target distribution.
type list struct {
	items  []item
	target []float64
}

func run(o options) error {
	recs, err := scitldr.Load(o.train)
	if err != nil {
		return err
	}
	if o.cv > 1 {
		return crossValidate(recs, o, os.Stdout)
	}
	if o.oracle != "" {
		return printCeilings(recs, o, os.Stdout)
	}
	if o.tokenEval > 1 {
		return evalTokens(recs, o, os.Stdout)
	}
	m, err := fit(recs, o)
	if err != nil {
		return err
	}
	return write(o.out, m, o.log)
}

// crossValidate splits recs into o.cv folds by index and scores, on each, the TL;DRs of a model
// trained on the others, so that settings and features can be chosen on train and dev kept for the
// last word. Train has only the author's TL;DR, so the scores run lower than dev's (max over 2.35).
func crossValidate(recs []record, o options, out io.Writer) error {
	o.log = io.Discard
	sum, n := 0.0, 0
	for fold := range o.cv {
		var train, test []record
		for i, r := range recs {
			if i%o.cv == fold {
				test = append(test, r)
			} else {
				train = append(train, r)
			}
		}
		m, err := fit(train, o)
		if err != nil {
			return err
		}
		fs := 0.0
		for _, r := range test {
			mixOracle(&m, r, o.tokenOracle)
			fs += bestUnigramF1([]string{m.Best(r.Title, r.Source)}, r.Target, rougeStem)[0]
		}
		fmt.Fprintf(out, "fold %d: %.2f\n", fold, 100*fs/float64(len(test)))
		sum += fs
		n += len(test)
	}
	fmt.Fprintf(out, "cv: %.2f\n", 100*sum/float64(n))
	return nil
}

// printCeilings trains on recs and prints, for the records of o.oracle, how close the TL;DRs come to
// the best of their candidates, by stemmed unigram F1 (max over references): what a better stage two
// could gain, and what new kinds of candidates would have to raise first. The best candidate of a
// set is chosen knowing the references, so the ceilings are optimistic, and the more candidates the
// more so.
func printCeilings(recs []record, o options, out io.Writer) error {
	eval, err := scitldr.Load(o.oracle)
	if err != nil {
		return err
	}
	o.log = io.Discard
	m, err := fit(recs, o)
	if err != nil {
		return err
	}
	rank0 := slices.Index(scorer.CandidateNames[:], "rank0")
	var tldr, top, all, cands float64
	for _, r := range eval {
		mixOracle(&m, r, o.tokenOracle)
		tldr += bestUnigramF1([]string{m.Best(r.Title, r.Source)}, r.Target, rougeStem)[0]
		shortlist := scorer.Shortlist(&m, r.Title, r.Source, o.topK)
		texts := make([]string, len(shortlist))
		for i := range shortlist {
			texts[i] = shortlist[i].Text()
		}
		best, bestTop := 0.0, 0.0
		for i, f := range bestUnigramF1(texts, r.Target, rougeStem) {
			best = max(best, f)
			if shortlist[i].Features.Dense[rank0] == 1 {
				bestTop = max(bestTop, f)
			}
		}
		top += bestTop
		all += best
		cands += float64(len(shortlist))
	}
	n := float64(len(eval))
	fmt.Fprintf(out, "%s: %d records, %.1f candidates each\n", o.oracle, len(eval), cands/n)
	fmt.Fprintf(out, "TL;DR                                    %.2f\n", 100*tldr/n)
	fmt.Fprintf(out, "best compression of the top sentence     %.2f\n", 100*top/n)
	fmt.Fprintf(out, "best compression of the top %d sentences  %.2f\n", o.topK, 100*all/n)
	return nil
}

// fit trains all three stages on recs.
func fit(recs []record, o options) (scorer.Model, error) {
	drop := map[int]bool{}
	for _, name := range strings.Split(o.drop, ",") {
		if i := slices.Index(scorer.DenseNames[:], name); i >= 0 {
			drop[i] = true
		} else if name != "" {
			return scorer.Model{}, fmt.Errorf("-drop: no dense feature %q", name)
		}
	}
	var stage1 []list
	for _, r := range recs {
		if len(r.Source) < 2 {
			continue // nothing to choose between
		}
		feats := scorer.Extract(r.Title, r.Source)
		l := list{target: softTarget(bestUnigramF1(r.Source, r.Target, nil), o.tau)}
		for _, f := range feats {
			for i := range drop {
				f.Dense[i] = 0
			}
			words, start, bigrams := f.Keys()
			l.items = append(l.items, item{dense: f.Dense[:], lex: [][]string{words, {start}, bigrams}})
		}
		stage1 = append(stage1, l)
	}
	if len(stage1) == 0 {
		return scorer.Model{}, errors.New("no usable training records")
	}
	fmt.Fprintln(o.log, "stage 1: sentences")
	dense1, lex1 := trainSeeds(stage1, len(scorer.DenseNames), 3, o)
	m := scorer.Model{Dense: named(scorer.DenseNames[:], dense1), Words: lex1[0], Starts: lex1[1], Bigrams: lex1[2]}
	fmt.Fprintln(o.log, "token model: which words a TL;DR uses")
	tokenDense, tokenWords, tunable := trainTokens(recs, o)
	m.Token, m.TokenWords = named(scorer.TokenNames[:], tokenDense), tokenWords
	m.Prepare()

	fitStageTwo(&m, recs, o)
	if o.e2eEpochs > 0 {
		if err := fineTune(&m, recs, tunable, o); err != nil {
			return scorer.Model{}, err
		}
	}
	return m, nil
}

// fitStageTwo trains stage two of m on the compressions of recs' best sentences.
func fitStageTwo(m *scorer.Model, recs []record, o options) {
	var stage2 []list
	for _, r := range recs {
		mixOracle(m, r, o.tokenOracle)
		var texts []string
		l := list{}
		for _, c := range scorer.Shortlist(m, r.Title, r.Source, o.topK) {
			l.items = append(l.items, item{dense: c.Features.Dense[:], lex: [][]string{c.Features.TrailKeys()}})
			texts = append(texts, c.Text())
		}
		if len(texts) < 2 {
			continue
		}
		l.target = softTarget(bestUnigramF1(texts, r.Target, nil), o.cutTau)
		stage2 = append(stage2, l)
	}
	fmt.Fprintln(o.log, "stage 2: compressions")
	o2 := o
	o2.l2 = o.cutL2
	dense2, lex2 := trainSeeds(stage2, len(scorer.CandidateNames), 1, o2)
	m.Candidate, m.Trailing = named(scorer.CandidateNames[:], dense2), lex2[0]
	m.SetTokenOverride(nil)
	m.Prepare()
}

// trainTokens fits the pointwise logistic model of whether a word of the abstract appears in its TL;DR,
// in the form ROUGE counts: a word whose stem is a TL;DR word's stem ("models" for "model") is a hit. It
// returns the dense weights, the word weights kept (|w| >= o.keep), and every word that was given a
// weight to fit (those in at least o.tokenMinDocs abstracts), which the end-to-end tuning may move.
func trainTokens(recs []record, o options) ([]float64, map[string]float64, map[string]bool) {
	type example struct {
		f     scorer.WordFeatures
		label float64
	}
	var data []example
	docs := map[string]int{}
	for _, r := range recs {
		target := targetStems(r)
		for _, f := range scorer.ExtractWords(r.Title, r.Source) {
			docs[f.Word]++
			data = append(data, example{f: f, label: b2f(target[rougeStem(f.Word)])})
		}
	}
	dense := make([]param, len(scorer.TokenNames))
	words := map[string]*param{}
	for w, n := range docs {
		if n >= o.tokenMinDocs {
			words[w] = &param{}
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for epoch := 0; epoch < 5; epoch++ {
		rng.Shuffle(len(data), func(i, j int) { data[i], data[j] = data[j], data[i] })
		loss := 0.0
		for _, ex := range data {
			s := 0.0
			for j, v := range ex.f.Dense {
				s += dense[j].w * v
			}
			p := words[ex.f.Word]
			if p != nil {
				s += p.w
			}
			prob := 1 / (1 + math.Exp(-s))
			loss -= ex.label*math.Log(prob+1e-12) + (1-ex.label)*math.Log(1-prob+1e-12)
			g := prob - ex.label
			for j, v := range ex.f.Dense {
				if v != 0 {
					dense[j].step(g*v, o.rate, 1e-5)
				}
			}
			if p != nil {
				p.step(g, o.rate, 1e-5)
			}
		}
		fmt.Fprintf(o.log, "  epoch %d: log loss %.4f\n", epoch+1, loss/float64(len(data)))
	}
	dw := make([]float64, len(dense))
	for j := range dense {
		dw[j] = round(dense[j].w)
	}
	ww := map[string]float64{}
	fitted := make(map[string]bool, len(words))
	for w, p := range words {
		fitted[w] = true
		if math.Abs(p.w) >= o.keep {
			ww[w] = round(p.w)
		}
	}
	return dw, ww, fitted
}

// targetStems returns the stems of the words of r's references.
func targetStems(r record) map[string]bool {
	target := map[string]bool{}
	for _, t := range r.Target {
		for _, w := range scorer.Words(t) {
			target[rougeStem(w)] = true
		}
	}
	return target
}

// rougeStem stems w as the eval's ROUGE does: only words longer than three letters. Porter's stemmer
// stands in for the eval's Porter2; they differ on few words.
func rougeStem(w string) string {
	if len(w) > 3 {
		return porter.Stem(w)
	}
	return w
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func named(names []string, w []float64) map[string]float64 {
	m := make(map[string]float64, len(names))
	for i, n := range names {
		m[n] = w[i]
	}
	return m
}

func softTarget(scores []float64, tau float64) []float64 {
	best := scores[0]
	for _, r := range scores {
		best = max(best, r)
	}
	t := make([]float64, len(scores))
	sum := 0.0
	for i, r := range scores {
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

// step is an AdaGrad step with an L2 pull toward 0 (stepTo, e2e.go, pulls toward the weight it started from).
func (p *param) step(grad, rate, l2 float64) { p.stepTo(grad, rate, l2, 0) }

// trainSeeds is train run with o.seeds seeds from o.seed on, the weights averaged (a lexical weight
// missing from a run, as too small or too rare, counts 0 there), then rounded and thinned as train's
// are. Averaging keeps what every visiting order learns and evens out what one order learned by chance.
func trainSeeds(data []list, nDense, nLex int, o options) ([]float64, []map[string]float64) {
	if o.seeds <= 1 {
		return train(data, nDense, nLex, o)
	}
	dense := make([]float64, nDense)
	lex := make([]map[string]float64, nLex)
	for f := range lex {
		lex[f] = map[string]float64{}
	}
	for i := range o.seeds {
		oi := o
		oi.seed = o.seed + uint64(i)
		d, l := train(data, nDense, nLex, oi)
		for j, w := range d {
			dense[j] += w
		}
		for f := range l {
			for key, w := range l[f] {
				lex[f][key] += w
			}
		}
	}
	k := float64(o.seeds)
	for j := range dense {
		dense[j] = round(dense[j] / k)
	}
	for f := range lex {
		for key, w := range lex[f] {
			if w /= k; math.Abs(w) < o.keep {
				delete(lex[f], key)
			} else {
				lex[f][key] = round(w)
			}
		}
	}
	return dense, lex
}

// train fits a listwise softmax model; a lexical key gets a weight only when it occurs in at least
// o.minDocs lists, which is what keeps the model small and stops it memorizing topics.
func train(data []list, nDense, nLex int, o options) ([]float64, []map[string]float64) {
	docs := make([]map[string]int, nLex)
	for f := range docs {
		docs[f] = map[string]int{}
		for _, l := range data {
			seen := map[string]bool{}
			for _, it := range l.items {
				for _, k := range it.lex[f] {
					seen[k] = true
				}
			}
			for k := range seen {
				docs[f][k]++
			}
		}
	}
	dense := make([]param, nDense)
	lex := make([]map[string]*param, nLex)
	for f := range lex {
		lex[f] = map[string]*param{}
		for k, n := range docs[f] {
			if n >= o.minDocs && k != "" {
				lex[f][k] = &param{}
			}
		}
	}
	rng := rand.New(rand.NewPCG(o.seed, 2))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	for epoch := 0; epoch < o.epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		loss := 0.0
		for _, k := range order {
			l := data[k]
			scores := make([]float64, len(l.items))
			for i, it := range l.items {
				for j, v := range it.dense {
					scores[i] += dense[j].w * v
				}
				for f, keys := range it.lex {
					for _, key := range keys {
						if p := lex[f][key]; p != nil {
							scores[i] += p.w
						}
					}
				}
			}
			probs := softmax(scores)
			for i, it := range l.items {
				loss -= l.target[i] * math.Log(probs[i]+1e-12)
				g := probs[i] - l.target[i] // d(cross-entropy)/d(score_i)
				for j, v := range it.dense {
					if v != 0 {
						dense[j].step(g*v, o.rate, o.l2)
					}
				}
				for f, keys := range it.lex {
					for _, key := range keys {
						if p := lex[f][key]; p != nil {
							p.step(g, o.rate, o.l2)
						}
					}
				}
			}
		}
		if epoch == 0 || epoch == o.epochs-1 {
			fmt.Fprintf(o.log, "  epoch %2d: loss %.4f\n", epoch+1, loss/float64(len(data)))
		}
	}
	dw := make([]float64, nDense)
	for j := range dense {
		dw[j] = round(dense[j].w)
	}
	lw := make([]map[string]float64, nLex)
	for f := range lex {
		lw[f] = map[string]float64{}
		for k, p := range lex[f] {
			if math.Abs(p.w) >= o.keep {
				lw[f][k] = round(p.w)
			}
		}
	}
	return dw, lw
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

// round keeps four decimals, so that the file stays small and byte-for-byte reproducible.
func round(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func write(path string, m scorer.Model, log io.Writer) error {
	data, err := json.MarshalIndent(m, "", "\t") // maps marshal with sorted keys: deterministic
	if err != nil {
		return err
	}
	fmt.Fprintf(log, "trainweights: %d word, %d start, %d bigram, %d trailing and %d token weights to %s\n",
		len(m.Words), len(m.Starts), len(m.Bigrams), len(m.Trailing), len(m.TokenWords), path)
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// bestUnigramF1 scores each text by its best unigram F1 against the references: the eval's ROUGE-1
// "max" rule. Training ranks candidates without stemming (key nil), which is close enough; the
// cross-validation scores the final TL;DRs over stems (key rougeStem), as ROUGE counts them.
func bestUnigramF1(texts, refs []string, key func(string) string) []float64 {
	out := make([]float64, len(texts))
	refCounts := make([]map[string]int, len(refs))
	for i, r := range refs {
		refCounts[i] = counts(scorer.Words(r), key)
	}
	for i, s := range texts {
		pred := counts(scorer.Words(s), key)
		for _, ref := range refCounts {
			out[i] = max(out[i], unigramF1(pred, ref))
		}
	}
	return out
}

// counts counts the words, each as key maps it (as it is when key is nil).
func counts(words []string, key func(string) string) map[string]int {
	m := make(map[string]int, len(words))
	for _, w := range words {
		if key != nil {
			w = key(w)
		}
		m[w]++
	}
	return m
}

func unigramF1(pred, ref map[string]int) float64 {
	overlap, np, nr := 0, 0, 0
	for w, c := range pred {
		np += c
		overlap += min(c, ref[w])
	}
	for _, c := range ref {
		nr += c
	}
	if overlap == 0 {
		return 0
	}
	p, r := float64(overlap)/float64(np), float64(overlap)/float64(nr)
	return 2 * p * r / (p + r)
}
