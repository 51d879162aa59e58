package scorer

import (
	"math"
	"strings"
)

// Dense sentence feature indices. Changing them invalidates the weights: run `make weights`.
const (
	fPos0 = iota
	fPos1
	fPos2
	fPos3
	fPos4Plus
	fRelPos
	fLast
	fSecondLast
	fLen0_8
	fLen8_15
	fLen15_25
	fLen25_35
	fLen35_50
	fLen50Plus
	fTitleRecall
	fTitlePrecision
	fCentrality
	fDigit
	fPercent
	fParen
	fColon
	fFirstOfFew
	fFirstWe
	fBeforeFirstWe
	fFirstCue
	fMaxTitle
	fMaxCentrality
	fNumFeatures
)

// DenseNames names the dense sentence features, in index order, for the weights file.
var DenseNames = [fNumFeatures]string{
	"pos0", "pos1", "pos2", "pos3", "pos4+", "relpos", "last", "second_last",
	"len0-8", "len8-15", "len15-25", "len25-35", "len35-50", "len50+",
	"title_recall", "title_precision", "centrality", "digit", "percent", "paren", "colon", "first_of_few",
	"first_we", "before_first_we", "first_cue", "max_title", "max_centrality",
}

// Features describe one sentence within its abstract.
type Features struct {
	Dense [fNumFeatures]float64
	toks  []token
}

// Keys returns the sentence's lexical features as the trainer names them: every word, the first two
// words joined by a space, and every pair of adjacent words joined by a space.
func (f *Features) Keys() (words []string, start string, bigrams []string) {
	for i, t := range f.toks {
		words = append(words, t.w)
		if i > 0 {
			bigrams = append(bigrams, f.toks[i-1].w+" "+t.w)
		}
	}
	switch {
	case len(f.toks) >= 2:
		start = f.toks[0].w + " " + f.toks[1].w
	case len(f.toks) == 1:
		start = f.toks[0].w
	}
	return words, start, bigrams
}

// Score is the sentence's stage-one score: higher is a better TL;DR source.
func (m *Model) Score(f *Features) float64 {
	s := 0.0
	for i, v := range f.Dense {
		s += m.dense[i] * v
	}
	for i, t := range f.toks {
		s += m.Words[t.w]
		if i > 0 {
			if next := m.bigrams[f.toks[i-1].w]; next != nil {
				s += next[t.w]
			}
		}
	}
	switch {
	case len(f.toks) >= 2:
		if next := m.starts[f.toks[0].w]; next != nil {
			s += next[f.toks[1].w]
		}
	case len(f.toks) == 1:
		if next := m.starts[f.toks[0].w]; next != nil {
			s += next[""]
		}
	}
	return s
}

// Extract computes the stage-one features of every sentence of an abstract.
func Extract(title string, sentences []string) []Features {
	feats, _ := new(workspace).extract(nil, title, sentences)
	return feats
}

// extract computes the stage-one features and the abstract's vocabulary, in w's buffers; with a
// model (m may be nil) it also looks up the weights of each word.
func (w *workspace) extract(m *Model, title string, sentences []string) ([]Features, *vocab) {
	n := len(sentences)
	w.feats = grow(w.feats, n)
	out := w.feats
	clear(out)
	size := 0
	for _, s := range sentences {
		size += len(s)
	}
	v := &w.vocab
	var lexicon *lexicon
	if m != nil {
		lexicon = &m.lexicon
	}
	v.reset(size/12+16, lexicon) // an abstract has about one distinct word per 12 bytes
	// one array holds the words of every sentence; a sentence's words are final (lower-cased, with
	// their ids) once v.add has run
	if need := size/5 + len(sentences); cap(w.toks) < need {
		w.toks = make([]token, 0, need)
	}
	all, bounds := w.toks[:0], grow(w.bounds, n+1)
	bounds[0] = 0
	for i, s := range sentences {
		all = scanTokens(s, all)
		bounds[i+1] = len(all)
		v.add(all[bounds[i]:], i)
	}
	w.toks, w.bounds = all, bounds
	for i := range out {
		out[i].toks = all[bounds[i]:bounds[i+1]:bounds[i+1]]
	}
	if cap(w.titleToks) < len(title)/5+1 {
		w.titleToks = make([]token, 0, len(title)/5+1)
	}
	w.titleToks = scanTokens(title, w.titleToks[:0])
	v.addTitle(w.titleToks)
	// df counted every word; the centrality feature counts content words only, as df does for them
	firstWe, firstCue := -1, -1
	for i, s := range sentences {
		f := &out[i]
		d := &f.Dense
		d[min(i, fPos4Plus)] = 1 // pos0 … pos4+ are the first indices
		if n > 1 {
			d[fRelPos] = float64(i) / float64(n-1)
			d[fLast] = b2f(i == n-1)
			d[fSecondLast] = b2f(i == n-2)
		}
		d[fFirstOfFew] = b2f(i == 0 && n <= 3)
		switch l := len(f.toks); {
		case l < 8:
			d[fLen0_8] = 1
		case l < 15:
			d[fLen8_15] = 1
		case l < 25:
			d[fLen15_25] = 1
		case l < 35:
			d[fLen25_35] = 1
		case l < 50:
			d[fLen35_50] = 1
		default:
			d[fLen50Plus] = 1
		}
		content, inTitle, shared := 0, 0, 0.0
		we, cue := false, false
		digit := false
		for _, t := range f.toks {
			digit = digit || t.digit
			switch t.w {
			case "we", "our":
				we = true
			}
			if v.info[t.id].cue {
				cue = true
			}
			if v.info[t.id].stop || v.info[t.id].mark == int32(i+1) {
				continue // a stop word, or seen in this sentence already
			}
			v.info[t.id].mark = int32(i + 1)
			content++
			if v.info[t.id].titleIdx >= 0 {
				inTitle++
			}
			if n > 1 {
				shared += float64(v.info[t.id].df-1) / float64(n-1)
			}
		}
		if v.nTitle > 0 {
			d[fTitleRecall] = float64(inTitle) / float64(v.nTitle)
		}
		if content > 0 {
			d[fTitlePrecision] = float64(inTitle) / float64(content)
			d[fCentrality] = shared / math.Sqrt(float64(content))
		}
		d[fDigit] = b2f(digit) // every ASCII digit is in a word
		d[fPercent] = b2f(strings.Contains(s, "%"))
		d[fParen] = b2f(strings.Contains(s, "("))
		d[fColon] = b2f(strings.Contains(s, ":"))
		if firstWe < 0 && we {
			firstWe = i
			d[fFirstWe] = 1
		}
		if firstCue < 0 && cue {
			firstCue = i
			d[fFirstCue] = 1
		}
	}
	for i := range out {
		out[i].Dense[fBeforeFirstWe] = b2f(firstWe > i)
	}
	if firstCue >= 0 {
		for _, t := range out[firstCue].toks {
			v.info[t.id].contribution = true
		}
	}
	markMax(out, fTitleRecall, fMaxTitle)
	markMax(out, fCentrality, fMaxCentrality)
	return out, v
}

// scoreAll is Score for every sentence of an abstract, looking each weight up once per distinct word.
func (m *Model) scoreAll(feats []Features, v *vocab, scores []float64) []float64 {
	lex := m.lexOf(v)
	scores = grow(scores, len(feats))
	for i := range feats {
		f := &feats[i]
		s := 0.0
		for j, x := range f.Dense {
			s += m.dense[j] * x
		}
		for j, t := range f.toks {
			s += lex[t.id].word
			if j > 0 {
				if nx := lex[f.toks[j-1].id].next; nx != nil {
					w := 0.0 // added even when no pair matches, as a map lookup did
					for _, b := range nx {
						if b.second == lex[t.id] {
							w = b.weight
							break
						}
					}
					s += w
				}
			}
		}
		switch {
		case len(f.toks) >= 2:
			if nx := m.starts[f.toks[0].w]; nx != nil {
				s += nx[f.toks[1].w]
			}
		case len(f.toks) == 1:
			if nx := m.starts[f.toks[0].w]; nx != nil {
				s += nx[""]
			}
		}
		scores[i] = s
	}
	return scores
}

// markMax sets feature flag on the sentences whose feature of is the abstract's highest and positive.
func markMax(fs []Features, of, flag int) {
	hi := 0.0
	for i := range fs {
		if x := fs[i].Dense[of]; x > hi { // features are finite: the max builtin, without its runtime call in wasm
			hi = x
		}
	}
	if hi == 0 {
		return
	}
	for i := range fs {
		if fs[i].Dense[of] == hi {
			fs[i].Dense[flag] = 1
		}
	}
}

// cues are verbs with which authors state their contribution.
var cues = map[string]bool{"propose": true, "present": true, "introduce": true, "develop": true, "describe": true,
	"design": true, "study": true, "investigate": true, "show": true, "demonstrate": true, "explore": true,
	"address": true, "consider": true, "provide": true, "formulate": true, "derive": true, "analyze": true}
