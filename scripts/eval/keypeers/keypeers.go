// Package keypeers holds the keyphrase extractors papergist's key phrases are measured against, written
// from their papers' descriptions: SingleRank (Wan and Xiao, 2008), PositionRank (Florescu and Caragea,
// 2017) and YAKE (Campos et al., 2018). They have no part-of-speech tagger here: the graph rankers take
// as candidates the runs of words between stop words and punctuation, as YAKE itself does.
package keypeers

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// token is one word of the text with what the rankers need to know about it.
type token struct {
	text  string // as written
	lower string
	stop  bool // a stop word, a number or not a word: never part of a candidate
	sent  int  // index of its sentence
	brk   bool // punctuation follows it: a candidate cannot run on past it
}

// tokenize splits title + ". " + abstract into words, marking sentence ends and punctuation.
func tokenize(text string) []token {
	var toks []token
	sent := 0
	for _, field := range strings.Fields(text) {
		start := strings.IndexFunc(field, isWordRune)
		if start < 0 {
			if len(toks) > 0 {
				toks[len(toks)-1].brk = true
			}
			continue
		}
		end := strings.LastIndexFunc(field, isWordRune) + 1
		if start > 0 && len(toks) > 0 {
			toks[len(toks)-1].brk = true
		}
		w := field[start:end]
		lw := strings.ToLower(w)
		hasLetter := strings.IndexFunc(w, unicode.IsLetter) >= 0
		toks = append(toks, token{text: w, lower: lw, stop: stopWords[lw] || !hasLetter || len(w) < 2, sent: sent, brk: end < len(field)})
		if tail := field[end:]; strings.ContainsAny(tail, ".!?") {
			sent++
		}
	}
	return toks
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// candidates returns the maximal runs of non-stop words as [start, end) token spans.
func candidates(toks []token, maxLen int) [][2]int {
	var out [][2]int
	start := -1
	for i, t := range toks {
		if t.stop {
			if start >= 0 {
				out = append(out, [2]int{start, i})
			}
			start = -1
			continue
		}
		if start < 0 {
			start = i
		}
		if t.brk {
			out = append(out, [2]int{start, i + 1})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(toks)})
	}
	if maxLen > 0 {
		kept := out[:0]
		for _, c := range out {
			if c[1]-c[0] <= maxLen {
				kept = append(kept, c)
			}
		}
		out = kept
	}
	return out
}

func spanText(toks []token, c [2]int) string {
	words := make([]string, 0, c[1]-c[0])
	for _, t := range toks[c[0]:c[1]] {
		words = append(words, t.lower)
	}
	return strings.Join(words, " ")
}

// graphRank is SingleRank, and PositionRank when positional is set: PageRank (damping 0.85) over the
// co-occurrence graph of the non-stop words within a window, edges weighted by co-occurrence counts;
// a candidate scores the sum of its words' scores. PositionRank biases the random jump towards words
// that occur early: each word's jump weight is the sum of 1/position over its occurrences.
func graphRank(title, abstract string, window int, positional bool, k int) []string {
	toks := tokenize(title + ". " + abstract)
	ids := map[string]int{}
	var seq []int // word id of each token, -1 for stop words
	var bias []float64
	for i, t := range toks {
		if t.stop {
			seq = append(seq, -1)
			continue
		}
		id, ok := ids[t.lower]
		if !ok {
			id = len(ids)
			ids[t.lower] = id
			bias = append(bias, 0)
		}
		bias[id] += 1 / float64(i+1)
		seq = append(seq, id)
	}
	n := len(ids)
	if n == 0 {
		return nil
	}
	w := make([]map[int]float64, n)
	for i := range w {
		w[i] = map[int]float64{}
	}
	for i, a := range seq {
		if a < 0 {
			continue
		}
		for j := i + 1; j < len(seq) && j < i+window; j++ {
			if b := seq[j]; b >= 0 && b != a {
				w[a][b]++
				w[b][a]++
			}
		}
	}
	jump := make([]float64, n)
	total := 0.0
	for i := range jump {
		jump[i] = 1
		if positional {
			jump[i] = bias[i]
		}
		total += jump[i]
	}
	for i := range jump {
		jump[i] /= total
	}
	out := make([]float64, n)
	for i := range w {
		for _, x := range w[i] {
			out[i] += x
		}
	}
	score := make([]float64, n)
	copy(score, jump)
	next := make([]float64, n)
	for iter := 0; iter < 100; iter++ {
		for i := range next {
			next[i] = 0.15 * jump[i]
		}
		for i := range w {
			if out[i] == 0 {
				continue
			}
			for j, x := range w[i] {
				next[j] += 0.85 * score[i] * x / out[i]
			}
		}
		diff := 0.0
		for i := range next {
			diff += math.Abs(next[i] - score[i])
		}
		score, next = next, score
		if diff < 1e-6 {
			break
		}
	}
	type cand struct {
		text  string
		score float64
		first int
	}
	seen := map[string]bool{}
	var cands []cand
	for _, c := range candidates(toks, 0) {
		text := spanText(toks, c)
		if seen[text] {
			continue
		}
		seen[text] = true
		s := 0.0
		for _, t := range toks[c[0]:c[1]] {
			s += score[ids[t.lower]]
		}
		cands = append(cands, cand{text, s, c[0]})
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	var res []string
	for _, c := range cands {
		if len(res) == k {
			break
		}
		res = append(res, c.text)
	}
	return res
}

// SingleRank returns up to k phrases, best first (window of 10 words).
func SingleRank(title, abstract string, k int) []string {
	return graphRank(title, abstract, 10, false, k)
}

// PositionRank returns up to k phrases, best first (window of 10 words, position-biased jumps).
func PositionRank(title, abstract string, k int) []string {
	return graphRank(title, abstract, 10, true, k)
}

// YAKE returns up to k phrases of one to three words, best first, scored by YAKE's term features:
// casing, position of the sentences it occurs in, normalized frequency, relatedness to context (how
// many different words surround it) and spread over sentences; a phrase scores the product of its
// words' scores over its frequency times one plus their sum, lower being better.
func YAKE(title, abstract string, k int) []string {
	toks := tokenize(title + ". " + abstract)
	type term struct {
		tf, upper, acronym float64
		sents              map[int]bool
		left, right        map[string]bool
		firstSents         []int
	}
	terms := map[string]*term{}
	nSent := 0
	for i, t := range toks {
		nSent = max(nSent, t.sent+1)
		if t.stop {
			continue
		}
		tm := terms[t.lower]
		if tm == nil {
			tm = &term{sents: map[int]bool{}, left: map[string]bool{}, right: map[string]bool{}}
			terms[t.lower] = tm
		}
		tm.tf++
		if !tm.sents[t.sent] {
			tm.firstSents = append(tm.firstSents, t.sent)
		}
		tm.sents[t.sent] = true
		if r := []rune(t.text); len(r) > 1 && strings.ToUpper(t.text) == t.text {
			tm.acronym++
		} else if unicode.IsUpper(r[0]) && i > 0 && toks[i-1].sent == t.sent {
			tm.upper++ // capitalized, not at the start of a sentence
		}
		for j := i - 1; j >= 0 && j >= i-2; j-- {
			tm.left[toks[j].lower] = true
		}
		for j := i + 1; j < len(toks) && j <= i+2; j++ {
			tm.right[toks[j].lower] = true
		}
	}
	if len(terms) == 0 {
		return nil
	}
	var tfs []float64
	maxTF := 0.0
	for _, tm := range terms {
		tfs = append(tfs, tm.tf)
		maxTF = math.Max(maxTF, tm.tf)
	}
	mean, std := meanStd(tfs)
	score := map[string]float64{}
	for w, tm := range terms {
		casing := math.Max(tm.upper, tm.acronym) / (1 + math.Log(tm.tf))
		med := median(tm.firstSents)
		position := math.Log(math.Log(3 + med))
		freq := tm.tf / (mean + std)
		rel := 1 + (float64(len(tm.left))/tm.tf+float64(len(tm.right))/tm.tf)*(tm.tf/maxTF)
		dif := float64(len(tm.sents)) / float64(nSent)
		score[w] = rel * position / (casing + freq/rel + dif/rel)
	}
	type cand struct {
		text  string
		tf    float64
		prod  float64
		sum   float64
		first int
	}
	cands := map[string]*cand{}
	for i := range toks {
		for n := 1; n <= 3 && i+n <= len(toks); n++ {
			span := toks[i : i+n]
			if span[n-1].stop {
				break
			}
			ok := !span[0].stop
			for _, t := range span[:n-1] {
				if t.brk {
					ok = false
				}
			}
			if !ok {
				break
			}
			text := spanText(toks, [2]int{i, i + n})
			c := cands[text]
			if c == nil {
				c = &cand{text: text, prod: 1, first: i}
				for _, t := range span {
					c.prod *= score[t.lower]
					c.sum += score[t.lower]
				}
				cands[text] = c
			}
			c.tf++
		}
	}
	list := make([]*cand, 0, len(cands))
	for _, c := range cands {
		list = append(list, c)
	}
	val := func(c *cand) float64 { return c.prod / (c.tf * (1 + c.sum)) }
	sort.Slice(list, func(i, j int) bool {
		if vi, vj := val(list[i]), val(list[j]); vi != vj {
			return vi < vj
		}
		return list[i].first < list[j].first
	})
	var res []string
	for _, c := range list {
		if len(res) == k {
			break
		}
		res = append(res, c.text)
	}
	return res
}

func meanStd(xs []float64) (float64, float64) {
	m := 0.0
	for _, x := range xs {
		m += x
	}
	m /= float64(len(xs))
	v := 0.0
	for _, x := range xs {
		v += (x - m) * (x - m)
	}
	return m, math.Sqrt(v / float64(len(xs)))
}

func median(xs []int) float64 {
	s := append([]int(nil), xs...)
	sort.Ints(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}

// stopWords are English function words and the commonest verbs and adverbs of abstracts.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be
		because been before being below between both but by can could did do does doing down during each few
		for from further had has have having he her here hers him his how however i if in into is it its itself
		just may me might more most must my no nor not now of off on once only or other our ours out over own
		same she should so some such than that the their theirs them then there these they this those through
		thus to too under until up upon us very was we were what when where whether which while who whom why
		will with within without would yet you your one two three paper also used using use based well new
		show shows shown present presents presented propose proposes proposed describe describes described
		discuss discusses discussed give gives given obtain obtained provide provides provided consider
		considered study studies studied via e.g i.e etc`) {
		m[w] = true
	}
	return m
}()
