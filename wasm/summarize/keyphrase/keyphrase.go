// Package keyphrase ranks the key phrases of a paper's title and abstract. Candidates are the noun-phrase
// chunks a POS-like lexicon allows (runs of words between function words, verbs, adverbs and punctuation,
// and every shorter run inside them); a linear model learned on Inspec's training split rates each from
// its position, frequency, rarity against training-corpus document frequencies, title overlap, length,
// the shape of its first and last words, and learned weights of common words as first, last or any word.
// Training (scripts/eval/trainkeys) and ranking share this package so that they compute the same features.
package keyphrase

import (
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/papergist/papergist/wasm/summarize/internal/scorer"
)

// maxWords bounds a candidate: longer gold phrases are rare (under 3% on Inspec).
const maxWords = 5

// Candidate is one distinct phrase of a text with its features, for training and inspection.
type Candidate struct {
	Text  string               // display form: its first occurrence, spaces collapsed
	Words []string             // its lower-cased, plural-folded words: its identity
	Dense [NumFeatures]float64 // see FeatureNames
	Score float64              // the model's rating, higher is better
}

// cand is a candidate while it is counted and rated: word ids and byte offsets instead of strings.
type cand struct {
	ids                                                            [maxWords]int32
	n                                                              int
	start, end                                                     int // bytes of the first occurrence (the abstract's, if the first was in the title)
	shown                                                          int // token index of that occurrence
	first                                                          int // token index of the first occurrence
	count, full, runStart, runEnd, afterDet, inTitle, beforeClause int
	defined, capital, fromTitle                                    bool
	score                                                          float64
}

// token is one word of the text.
type token struct {
	start, end int   // bytes of the text: the title, two bytes between, then the abstract (doc.span)
	typ        int32 // its form in doc.types: its lower-cased, plural-folded word and more
	word       int32 // its word in doc.words, or -1
	aux        bool  // a form of "be" or "have"
	folded     bool  // lower differs from the lower-cased word (a plural folded)
	phrase     bool  // may be part of a phrase
	det        bool  // a determiner: ends a phrase whose last word is then a verb
	clause     bool  // "that", "to", a determiner: what a verb is followed by
	prep       bool  // "to", "with", "from"…: what an -ing verb is followed by
	brkBefore  bool  // punctuation before it
	brkAfter   bool  // punctuation after it
	sentStart  bool
	title      bool
	capital    bool  // capitalized, not at the start of a sentence
	upper      bool  // capitalized
	modal      bool  // typeModal
	shape      uint8 // shapeAcronym, shapeDigit, shapeHyphen, shapePlural, shapeEs of the word as written
	paren      bool  // followed by a parenthesized acronym: "(FDI)"
}

// Shapes of a word as written, and suffix classes of its lower-cased form.
const (
	shapeAcronym = 1 << iota
	shapeDigit
	shapeHyphen
	shapePlural
	shapeEs
	suffixIng
	suffixEd
	suffixAdj
	suffixNoun
)

// shapeOf returns the shape bits of a word as written.
func shapeOf(w string) uint8 {
	var s uint8
	if wordHasAcronym(w) {
		s |= shapeAcronym
	}
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case '0' <= c && c <= '9':
			s |= shapeDigit
		case c == '-':
			s |= shapeHyphen
		}
	}
	if n := len(w); n > 3 && (w[n-1] == 's' || w[n-1] == 'S') && w[n-2] != 's' {
		s |= shapePlural
	}
	if strings.HasSuffix(w, "es") {
		s |= shapeEs
	}
	return s
}

// suffixOf returns the suffix classes of a lower-case word.
func suffixOf(w string) uint16 {
	var s uint16
	if strings.HasSuffix(w, "ing") {
		s |= suffixIng
	}
	if strings.HasSuffix(w, "ed") {
		s |= suffixEd
	}
	if hasAnySuffix(w, adjSuffixes) {
		s |= suffixAdj
	}
	if hasAnySuffix(w, nounSuffixes) {
		s |= suffixNoun
	}
	return s
}

// docWord is one distinct word of a text.
type docWord struct {
	suffix  uint16
	lower   string
	tf      int
	logTF   float64 // math.Log1p(tf), once scan has counted tf
	inTitle bool
	idf     float64
	lex     *Word
	cased   uint8 // casedLower, casedName, casedAcronym: how the abstract writes it (doc.markCase)
	// afterModal counts its occurrences right after a modal or a subject pronoun ("we fold", "can capture"),
	// or as an infinitive ("to capture", doc.infinitive)
	afterModal int
}

// How the abstract writes a word, once doc.markCase has looked.
const (
	casedLower   = 1 << iota // in lower case, somewhere
	casedName                // capitalized mid-sentence between words that are not: "with Gaussian noise"
	casedRun                 // capitalized next to other capitals: "Random Network Distillation (RND)"
	casedAcronym             // with a capital after its first letter: "LSTM", "AltQ"; doc.written holds one
)

// isName reports a word the abstract writes as a name: capitalized between lower-case words, never in lower
// case, never as part of a run of capitals.
func isName(cased uint8) bool { return cased&(casedName|casedLower|casedRun) == casedName }

// doc is one title and abstract, scanned.
type doc struct {
	title    string
	abstract string // "" for an abstract left out
	toks     []token
	types    wordTypes
	words    []docWord
	cands    []cand
	order    []int32
	vocab    scorer.WordTable
	index    spanTable
	shouting bool    // the title is in capitals: "SUBSCALE PIXEL NETWORKS"
	cased    bool    // markCase has run
	written  []int32 // per word: a token that writes it as an acronym (casedAcronym)
}

// spanTable maps the key of a span of word ids to its candidate by open addressing: cleared per text
// by a generation counter, it costs no hashing of strings and no clearing of memory.
type spanTable struct {
	slots []spanSlot
	gen   uint32
}

type spanSlot struct {
	key  uint64
	gen  uint32
	cand int32
}

// reset empties the table for up to n keys.
func (t *spanTable) reset(n int) {
	size := 64
	for size < 2*n {
		size *= 2
	}
	if len(t.slots) < size {
		t.slots, t.gen = make([]spanSlot, size), 1
		return
	}
	t.gen++
	if t.gen == 0 {
		clear(t.slots)
		t.gen = 1
	}
}

// slot returns the slot of key: in use (gen current) or where to put it.
func (t *spanTable) slot(key uint64) *spanSlot {
	mask := uint64(len(t.slots) - 1)
	h := key * 0x9E3779B97F4A7C15
	for i := h >> 32 & mask; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.gen != t.gen || sl.key == key {
			return sl
		}
	}
}

// docs recycles the buffers of scan: a ranking then allocates almost nothing.
var docs = sync.Pool{New: func() any {
	return &doc{}
}}

// scan tokenizes and counts the candidates of a title and abstract into a pooled doc (release it with
// docs.Put). An abstract with under 10% English stop words is left out: the lexicon that cuts phrases is
// English, so for other languages only the title's phrases count.
func scan(title, abstract string, m *Model) *doc {
	d := docs.Get().(*doc)
	d.title, d.abstract = title, abstract
	// the text is the title and the abstract with two bytes between (they were once joined with "\n\n"),
	// tokenized in two parts so that it need not be copied
	d.types.reset(len(title) + 2 + len(abstract))
	var words, stops int
	d.toks, _, _ = tokenize(d.toks[:0], &d.types, title, 0, len(title), m)
	d.toks, words, stops = tokenize(d.toks, &d.types, abstract, len(title)+2, len(title), m)
	if words > 0 && stops*10 < words {
		d.abstract = ""
		d.types.reset(len(title))
		d.toks, _, _ = tokenize(d.toks[:0], &d.types, title, 0, len(title), m)
	}
	toks := d.toks
	d.vocab.Reset(len(toks))
	d.index.reset(len(toks) * maxWords)
	d.words, d.cands = d.words[:0], d.cands[:0]
	d.shouting, d.cased = isShouting(title), false
	vocab := &d.vocab
	for i := range toks {
		t := &toks[i]
		if !t.phrase {
			t.word = -1
			continue
		}
		y := &d.types.list[t.typ]
		id := y.word
		if id < 0 {
			lower := y.lower
			h := scorer.WordHash(lower)
			var ok bool
			if id, ok = vocab.Get(lower, h); !ok {
				id = int32(len(d.words))
				vocab.Put(lower, h, id)
				e := y.entry
				if t.folded {
					e = m.entry(lower)
				}
				w := docWord{lower: lower, idf: m.rareIDF, suffix: y.suffix}
				if e != nil && e.word != nil {
					w.lex, w.idf = e.word, e.idf
				}
				d.words = append(d.words, w)
			}
			y.word = id
		}
		t.word = id
		if t.phrase {
			d.words[id].tf++
			d.words[id].inTitle = d.words[id].inTitle || t.title
			if v := d.beforeAdverb(i); v > 0 && !toks[v-1].brkAfter && !toks[v].brkBefore && (toks[v-1].modal || d.infinitive(v, i)) {
				d.words[id].afterModal++
			}
		}
	}
	for i := range d.words {
		d.words[i].logTF = log1p(d.words[i].tf)
	}
	index := &d.index
	for i := 0; i < len(toks); {
		if !toks[i].phrase {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].phrase && !toks[j-1].brkAfter && !toks[j].brkBefore && toks[j].title == toks[i].title {
			j++
		}
		start, end := i, j
		i = j
		// a run followed by "the", "a", "its"… ends in a verb: "LLMs transform the", "this article reviews the"
		if end < len(toks) && toks[end].det && !toks[end-1].brkAfter && !hasAcronym(d.span(toks[end-1].start, toks[end-1].end)) {
			end--
		}
		// an -ing verb with its preposition ends the run: "the metamodel relating to stereotypes"
		if end-start > 1 && end < len(toks) && d.verbIng(end-1) && !toks[end-1].brkAfter && toks[end].prep {
			end--
		}
		// a leading -ing verb is not part of the name: "inducing ReLU stability"
		for end-start > 1 && d.verbIng(start) {
			start++
		}
		if start >= end {
			continue
		}
		afterDet := start > 0 && toks[start-1].det && !toks[start-1].brkAfter
		for a := start; a < end; a++ {
			var key uint64
			capital := false
			for b := a + 1; b <= end && b-a <= maxWords; b++ {
				key = key*4099 + uint64(toks[b-1].word) + 1
				capital = capital || toks[b-1].capital
				if a != start && b != end {
					continue // a span inside a run neither starts nor ends it: rarely a name of its own
				}
				sl := index.slot(key)
				ci := sl.cand
				if sl.gen != index.gen {
					ci = int32(len(d.cands))
					*sl = spanSlot{key: key, gen: index.gen, cand: ci}
					c := cand{n: b - a, first: a, shown: a, start: toks[a].start, end: toks[b-1].end, fromTitle: toks[a].title}
					for k, t := range toks[a:b] {
						c.ids[k] = t.word
					}
					d.cands = append(d.cands, c)
				}
				c := &d.cands[ci]
				c.count++
				if toks[a].title {
					c.inTitle++
				} else if c.fromTitle {
					c.fromTitle = false
					if p := d.span(c.start, c.end); isTitleCased(p) || d.shouting || isCapsRun(p) {
						c.start, c.end, c.shown = toks[a].start, toks[b-1].end, a // the abstract's casing over the title's
					}
				}
				if a == start && b == end {
					c.full++
				}
				if a == start {
					c.runStart++
					if afterDet {
						c.afterDet++
					}
				}
				if b == end {
					c.runEnd++
					c.defined = c.defined || toks[b-1].paren
					if end < len(toks) && toks[end].clause && !toks[end-1].brkAfter {
						c.beforeClause++
					}
				}
				c.capital = c.capital || capital
			}
		}
	}
	return d
}

// infinitive reports token v, right after "to", as the verb of an infinitive ("a loss to capture long-range
// dependencies", "in order to collect evidence"): a word that may be a verb's base form (no adjective ending
// or ending only nouns have, no -ed or -ing, no plural, hyphen, digit or capital, not a common adjective)
// after a "to" that no word before it makes a preposition ("applied to image classification", "leads to
// high variance"). Token i is v, or an adverb between them ("to iteratively refine"; beforeAdverb).
// After "that" and "which" right after a plural such a word is the verb of a relative clause ("models that
// disentangle independent factors", "rules which govern in-group interactions"), but not after a verb in -s
// that takes a that-clause or a noun in -is or -us ("our analysis implies that cosine similarity…", "the
// hypothesis that"; verbsBeforeThat), and after "to", a word and "and" or "or" one more ("to segment and
// classify sounding objects"; afterTo, asked only then).
func (d *doc) infinitive(i, v int) bool {
	to, t := &d.toks[i-1], &d.toks[v]
	w := d.types.list[to.typ].lower
	// a base form after "that" or "which" agrees only with a plural right before it ("models that
	// disentangle"); after "we show that" it is mostly a noun ("that cosine similarity between…")
	relative := (w == "that" || w == "which") && i >= 2 && d.toks[i-2].phrase && !d.toks[i-2].brkAfter &&
		d.toks[i-2].shape&shapePlural != 0 && pluralNoun(d.types.list[d.toks[i-2].typ].lower) ||
		(w == "and" || w == "or") && d.afterTo(i-2)
	if (!to.prep || !to.clause) && !relative || t.upper { // only "to" is both
		return false
	}
	y := &d.types.list[t.typ]
	if y.suffix&(suffixAdj|suffixIng|suffixEd) != 0 || y.shape&(shapePlural|shapeHyphen|shapeDigit|shapeAcronym) != 0 ||
		hasAnySuffix(y.lower, nounOnlySuffixes) || toAdjectives[y.lower] {
		return false
	}
	if n := len(y.lower); n > 4 && (y.lower[n-2:] == "er" || y.lower[n-2:] == "or") && !erVerbs[y.lower] {
		return false // "to computer science", "to deeper networks"
	}
	if relative || i < 2 || to.brkBefore || d.toks[i-2].brkAfter {
		return true
	}
	return !toPrepositions[d.types.list[d.toks[i-2].typ].lower]
}

// pluralNoun reports a word in -s, as shapePlural marks it, that may be a plural noun before "that", given
// plural-folded as wordType.lower has it: not a noun in -is or -us ("hypothesis", "consensus"; foldPlural
// leaves them) nor a verb that takes a that-clause ("implies" folds to "imply"; verbsBeforeThat).
func pluralNoun(folded string) bool {
	return !strings.HasSuffix(folded, "is") && !strings.HasSuffix(folded, "us") && !verbsBeforeThat[folded]
}

// verbsBeforeThat are verbs whose form in -s takes a that-clause ("our analysis implies that cosine
// similarity…"), plural-folded; "state" is left out, as "states" is mostly a noun.
var verbsBeforeThat = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`imply mean show suggest confirm claim argue demonstrate indicate reveal prove
		assume ensure require guarantee predict find believe note observe posit assert establish verify say explain
		emphasize highlight hypothesize conclude report stress`) {
		m[w] = true
	}
	return m
}()

// afterTo reports token i right after "to", with no punctuation around it: "to segment", whether or not
// "segment" may be part of a phrase; not a word in -ing or -ed nor after a "to" that a word before makes a
// preposition, as infinitive checks ("due to unstable and extreme learning rates", "lead to misleading and
// inaccurate attribution"). A noun there still counts ("applied to image and video"): telling it from a
// verb needs a lexicon.
func (d *doc) afterTo(i int) bool {
	return i > 0 && d.toks[i-1].prep && d.toks[i-1].clause && !d.toks[i-1].brkAfter && !d.toks[i].brkAfter &&
		d.types.list[d.toks[i].typ].suffix&(suffixIng|suffixEd) == 0 && (i < 2 || !toPrepositions[d.types.list[d.toks[i-2].typ].lower])
}

// beforeAdverb returns the index of an adverb in -ly right before token i, with no punctuation between ("to
// iteratively refine", "can reliably accomplish"), or else i: what comes before the adverb is what comes
// before the verb. Verbs in -ply ("we apply", "to supply") are no adverbs.
func (d *doc) beforeAdverb(i int) int {
	if i > 1 {
		a := &d.toks[i-1]
		if w := d.types.list[a.typ].lower; !a.phrase && !a.brkAfter && len(w) > 4 && w[len(w)-2:] == "ly" && w[len(w)-3] != 'p' {
			return i - 1
		}
	}
	return i
}

// nounOnlySuffixes are the noun endings no common verb has: "capture", "measure", "manage" and
// "implement" may be verbs.
var nounOnlySuffixes = byLastByte("tion", "sion", "ness", "ity", "ism", "ance", "ence", "ics", "ogy")

// erVerbs are verbs in -er and -or, which mostly end nouns ("computer") and comparatives ("deeper").
var erVerbs = map[string]bool{"recover": true, "discover": true, "uncover": true, "gather": true, "deliver": true,
	"remember": true, "render": true, "offer": true, "transfer": true, "filter": true, "monitor": true,
	"cluster": true, "answer": true, "register": true, "enter": true, "alter": true, "engineer": true,
	"garner": true, "confer": true, "infer": true, "refer": true, "defer": true, "differ": true, "suffer": true,
	"trigger": true, "foster": true, "hinder": true, "lower": true, "order": true, "steer": true, "master": true}

// toAdjectives are adjectives without an adjective's ending that often follow a preposition "to": "to deep
// networks", "to mobile devices", "to human concept learning".
var toAdjectives = map[string]bool{"deep": true, "human": true, "mobile": true, "nearest": true, "implicit": true,
	"explicit": true, "discrete": true, "chief": true, "high": true, "low": true, "wide": true, "broad": true,
	"open": true, "real": true, "complex": true, "robust": true, "smart": true, "fast": true, "short": true, "long": true}

// toPrepositions make the "to" after them a preposition: lower-case, plural-folded.
var toPrepositions = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`according applied apply applying applicable application compared compare
		comparison comparable due related relative similar close closer up prior lead led leading contribute
		contributed contributing respect access prone amenable robust robustness sensitive sensitivity
		resilient invariant invariance equivalent extend extended extension generalize generalized generalization
		scale scaled scalable adapt adapted adaptation transfer transferred subject addition contrast opposed
		correspond corresponding refer referred converge converged convergence exposed exposure attention
		input solution belong limited restricted map mapped mapping assigned connected linked attached added
		devoted dedicated answer introduction analogous orthogonal vulnerable susceptible proportional
		next reduction increase improvement change shift regard response distance concern implication`) {
		m[w] = true
	}
	return m
}()

// span returns the bytes start to end of the text, which lie in the title or in the abstract.
func (d *doc) span(start, end int) string {
	if start < len(d.title) {
		return d.title[start:end]
	}
	off := len(d.title) + 2
	return d.abstract[start-off : end-off]
}

// Extract returns the candidates of a title and abstract with their features and ratings under m, in
// order of first appearance.
func Extract(title, abstract string, m *Model) []Candidate {
	d := scan(title, abstract, m)
	defer docs.Put(d)
	out := make([]Candidate, len(d.cands))
	for i := range d.cands {
		c := &d.cands[i]
		o := &out[i]
		o.Text = display(d.span(c.start, c.end))
		for _, id := range c.ids[:c.n] {
			o.Words = append(o.Words, d.words[id].lower)
		}
		d.features(c, &o.Dense)
		o.Score = d.rate(c, &o.Dense, m)
	}
	return out
}

// features sets the dense features of c, every one of f: a ranking reuses f from candidate to candidate
// without clearing it.
func (d *doc) features(c *cand, f *[NumFeatures]float64) {
	n := c.n
	ids := c.ids[:n]
	f[fBias] = 1
	f[fLen1], f[fLen2], f[fLen3], f[fLen4], f[fLen5] = 0, 0, 0, 0, 0
	f[fLen1+min(n, maxWords)-1] = 1
	f[fCount] = log1p(c.count)
	f[fInTitle] = b2f(c.inTitle > 0)
	f[fRelPos] = float64(c.first) / float64(max(len(d.toks), 1))
	f[fEarly] = b2f(c.first < 30)
	f[fFull] = float64(c.full) / float64(c.count)
	f[fRunStart] = float64(c.runStart) / float64(c.count)
	f[fRunEnd] = float64(c.runEnd) / float64(c.count)
	f[fAfterDet] = b2f(c.afterDet > 0)
	ws := d.wordStats(c)
	acronym := ws.shape&shapeAcronym != 0
	f[fAcronym] = b2f(acronym)
	f[fDefined] = b2f(c.defined)
	f[fDigit] = b2f(ws.shape&shapeDigit != 0)
	f[fHyphen] = b2f(ws.shape&shapeHyphen != 0)
	f[fCapital] = b2f(c.capital)
	f[fMeanIDF] = ws.sumIDF / float64(n)
	f[fMinIDF] = ws.minIDF
	f[fHeadIDF] = d.words[ids[n-1]].idf
	f[fMeanTF] = ws.sumTF / float64(n)
	f[fMinTF] = ws.minTF
	f[fTitleWords] = float64(ws.titleWords) / float64(n)
	f[fTFxIDF] = f[fCount] * f[fMeanIDF]
	head, first := d.words[ids[n-1]].suffix, d.words[ids[0]].suffix
	lastShape, firstShape := d.toks[c.first+n-1].shape, d.toks[c.first].shape
	f[fHeadPlural] = b2f(lastShape&shapePlural != 0)
	f[fHeadIng] = b2f(head&suffixIng != 0)
	f[fHeadEd] = b2f(head&suffixEd != 0)
	f[fHeadAdj] = b2f(head&suffixAdj != 0)
	f[fHeadNoun] = b2f(head&suffixNoun != 0)
	f[fFirstEd] = b2f(n > 1 && first&suffixEd != 0)
	f[fFirstIng] = b2f(n > 1 && first&suffixIng != 0)
	f[fFirstAdj] = b2f(n > 1 && first&suffixAdj != 0)
	f[fSingleCommon] = b2f(n == 1 && !acronym && d.words[ids[0]].lex != nil)
	f[fBeforeClause] = float64(c.beforeClause) / float64(c.count)
	f[fFirstPlural] = b2f(n > 1 && firstShape&shapePlural != 0)
	f[fFirstEs] = b2f(n > 1 && firstShape&shapeEs != 0)
	f[fHeadEs] = b2f(lastShape&shapeEs != 0)
}

// wordStats are what features and score read of a candidate's first occurrence and words.
type wordStats struct {
	shape                        uint8 // its tokens' shapes, or-ed
	minIDF, sumIDF, minTF, sumTF float64
	titleWords                   int // its words that are in the title
}

func (d *doc) wordStats(c *cand) wordStats {
	ws := wordStats{minIDF: math.Inf(1), minTF: math.Inf(1)}
	for i := c.first; i < c.first+c.n; i++ {
		ws.shape |= d.toks[i].shape
	}
	for _, id := range c.ids[:c.n] {
		w := &d.words[id]
		// IDFs and log TFs are finite and >= 0, so a comparison is math.Min; the min builtin of
		// floats is a runtime call in the wasm build
		if w.idf < ws.minIDF {
			ws.minIDF = w.idf
		}
		ws.sumIDF += w.idf
		if w.logTF < ws.minTF {
			ws.minTF = w.logTF
		}
		ws.sumTF += w.logTF
		if w.inTitle {
			ws.titleWords++
		}
	}
	return ws
}

// bareCommon reports a candidate that is one common word of the lexicon, not written as an acronym: the
// candidates whose fSingleCommon feature is 1 and whose word m.common counts, known before rating them.
func (d *doc) bareCommon(c *cand, m *Model) bool {
	return c.n == 1 && d.toks[c.first].shape&shapeAcronym == 0 && m.common(d.words[c.ids[0]].lex)
}

// rate is the model's score of c with dense features f: their weighted sum plus the lexicon weights of
// its first, last and every word.
func (d *doc) rate(c *cand, f *[NumFeatures]float64, m *Model) float64 {
	// the sum in the order of the features, three terms a step: a third of the loop's counting and
	// branching, and every bit of the sum as before
	s := 0.0
	w, x := m.Dense[:], f[:]
	for ; len(w) >= 3 && len(x) >= 3; w, x = w[3:], x[3:] {
		s += w[0] * x[0]
		s += w[1] * x[1]
		s += w[2] * x[2]
	}
	for k := range min(len(w), len(x)) { // none while NumFeatures is a multiple of 3
		s += w[k] * x[k]
	}
	return d.addLexicon(s, c)
}

// addLexicon adds to s the lexicon weights of c's first, last and every word.
func (d *doc) addLexicon(s float64, c *cand) float64 {
	n := c.n
	for k, id := range c.ids[:n] {
		e := d.words[id].lex
		if e == nil {
			continue
		}
		s += e.Any / float64(n)
		if k == 0 && n > 1 {
			s += e.First
		}
		if k == n-1 {
			s += e.Last
		}
	}
	return s
}

// score is rate(c, f, m) of the features f that features(c, f) sets, bit for bit, without filling f: it adds
// the weighted features in rate's order, and the weight alone for a feature that is 1. A feature that is 0
// adds nothing: the weighted sum of a 0 is a zero, which changes no sum but -0, and the sum starts at +0
// and, of finite terms, ends at -0 only when every one was -0. A ranking rates some fifty candidates an
// abstract, and filling and summing the features array for each cost as much as the rest of the rating.
func (d *doc) score(c *cand, m *Model) float64 {
	ws := d.wordStats(c)
	w := &m.Dense
	n := c.n
	ids := c.ids[:n]
	count := float64(c.count)
	shape := ws.shape
	s := 0.0
	s += w[fBias]
	s += w[fLen1+min(n, maxWords)-1]
	logCount := log1p(c.count)
	s += w[fCount] * logCount
	if c.inTitle > 0 {
		s += w[fInTitle]
	}
	s += w[fRelPos] * (float64(c.first) / float64(max(len(d.toks), 1)))
	if c.first < 30 {
		s += w[fEarly]
	}
	s += w[fFull] * (float64(c.full) / count)
	s += w[fRunStart] * (float64(c.runStart) / count)
	s += w[fRunEnd] * (float64(c.runEnd) / count)
	if c.afterDet > 0 {
		s += w[fAfterDet]
	}
	acronym := shape&shapeAcronym != 0
	if acronym {
		s += w[fAcronym]
	}
	if c.defined {
		s += w[fDefined]
	}
	if shape&shapeDigit != 0 {
		s += w[fDigit]
	}
	if shape&shapeHyphen != 0 {
		s += w[fHyphen]
	}
	if c.capital {
		s += w[fCapital]
	}
	meanIDF := ws.sumIDF / float64(n)
	s += w[fMeanIDF] * meanIDF
	s += w[fMinIDF] * ws.minIDF
	s += w[fHeadIDF] * d.words[ids[n-1]].idf
	s += w[fMeanTF] * (ws.sumTF / float64(n))
	s += w[fMinTF] * ws.minTF
	s += w[fTitleWords] * (float64(ws.titleWords) / float64(n))
	s += w[fTFxIDF] * (logCount * meanIDF)
	head, first := d.words[ids[n-1]].suffix, d.words[ids[0]].suffix
	lastShape, firstShape := d.toks[c.first+n-1].shape, d.toks[c.first].shape
	if lastShape&shapePlural != 0 {
		s += w[fHeadPlural]
	}
	if head&suffixIng != 0 {
		s += w[fHeadIng]
	}
	if head&suffixEd != 0 {
		s += w[fHeadEd]
	}
	if head&suffixAdj != 0 {
		s += w[fHeadAdj]
	}
	if head&suffixNoun != 0 {
		s += w[fHeadNoun]
	}
	if n > 1 && first&suffixEd != 0 {
		s += w[fFirstEd]
	}
	if n > 1 && first&suffixIng != 0 {
		s += w[fFirstIng]
	}
	if n > 1 && first&suffixAdj != 0 {
		s += w[fFirstAdj]
	}
	if n == 1 && !acronym && d.words[ids[0]].lex != nil {
		s += w[fSingleCommon]
	}
	s += w[fBeforeClause] * (float64(c.beforeClause) / count)
	if n > 1 && firstShape&shapePlural != 0 {
		s += w[fFirstPlural]
	}
	if n > 1 && firstShape&shapeEs != 0 {
		s += w[fFirstEs]
	}
	if lastShape&shapeEs != 0 {
		s += w[fHeadEs]
	}
	return d.addLexicon(s, c)
}

var (
	adjSuffixes  = byLastByte("al", "ic", "ive", "ous", "able", "ible", "ful", "less", "ar", "ary", "ant", "ent")
	nounSuffixes = byLastByte("tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "er", "or", "ics", "ogy", "ure", "age")
)

// suffixSet is a set of suffixes by their last byte, so that a word is checked against the few that
// can match.
type suffixSet [256][]string

func byLastByte(suffixes ...string) *suffixSet {
	var t suffixSet
	for _, s := range suffixes {
		t[s[len(s)-1]] = append(t[s[len(s)-1]], s)
	}
	return &t
}

// hasAnySuffix reports whether w ends in one of suffixes with at least three bytes before it.
func hasAnySuffix(w string, suffixes *suffixSet) bool {
	if len(w) < 4 {
		return false
	}
	for _, s := range suffixes[w[len(w)-1]] {
		if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// log1p is math.Log1p of a count, looked up for the small counts of most words and phrases.
func log1p(n int) float64 {
	if uint(n) < uint(len(log1ps)) {
		return log1ps[n]
	}
	return math.Log1p(float64(n))
}

var log1ps = func() (t [32]float64) {
	for i := range t {
		t[i] = math.Log1p(float64(i))
	}
	return t
}()

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// Rank returns up to k key phrases, best first: rated candidates above the model's threshold (at least
// m.MinKeep when there are that many), no bare common word, none a repeat of an earlier one.
func Rank(title, abstract string, m *Model, k int) []string {
	ranked := RankDetailed(title, abstract, m, k, nil)
	out := make([]string, len(ranked))
	for i, r := range ranked {
		out[i] = r.Text
	}
	return out
}

// Ranked is a key phrase as Rank returns it, with what the text tells of its words.
type Ranked struct {
	Text string
	// LeadVerb: the text has the first word only right after a modal or a subject pronoun ("We fold
	// proteins", "a model that can capture containment relations") or as an infinitive's verb ("the ability
	// to capture interaction dynamics"): an action, not part of a name.
	LeadVerb bool
}

// RankDetailed is Rank appending to out.
func RankDetailed(title, abstract string, m *Model, k int, out []Ranked) []Ranked {
	if k <= 0 {
		return out
	}
	d := scan(title, abstract, m)
	defer docs.Put(d)
	// the best k in one pass over the candidates, best first and earlier first on ties: an insertion into
	// a list of k, where a selection of the best k times over took as long as rating them
	top := d.order[:0]
	for i := range d.cands {
		c := &d.cands[i]
		if d.bareCommon(c, m) {
			continue // a bare common word ("design", "framework") names nothing: not worth rating
		}
		c.score = d.score(c, m)
		s := c.score
		j := len(top)
		if j < k {
			top = append(top, int32(i))
		} else if s > d.cands[top[k-1]].score {
			j = k - 1
		} else {
			continue
		}
		for ; j > 0 && d.cands[top[j-1]].score < s; j-- {
			top[j] = top[j-1]
		}
		top[j] = int32(i)
	}
	d.order = top
	for n, i := range top {
		c := &d.cands[i]
		if n >= m.MinKeep && c.score < m.Threshold {
			break
		}
		w := &d.words[c.ids[0]]
		out = append(out, Ranked{Text: d.shownForm(c), LeadVerb: w.afterModal == w.tf})
	}
	return out
}

// wordType is what tokenize derives from a word as written, once per distinct form in a text: most words
// of an abstract repeat, and looking every occurrence up in the model and classifying it afresh was a
// third of a ranking's cost.
type wordType struct {
	lower string // lower-cased, plural-folded
	entry *entry // the model's entry for the lower-cased word, or nil
	word  int32  // the doc's word id of lower, once scan has met the form in a phrase; else -1
	class uint8
	shape uint8 // shapeOf the word, when it may be part of a phrase
	flags uint8
	// suffixOf lower, when it may be part of a phrase: computed once per form, and for the lexicon's words
	// once per model
	suffix uint16
}

// Flags of a wordType.
const (
	typePhrase  = 1 << iota // its class and form allow it in a phrase
	typeUpper               // it starts with a capital
	typeEd                  // lower-cased, it ends in "ed"
	typeClause              // a determiner, "that", "to", "how", "whether"
	typePrep                // "to", "with", "from", "on", "into", "by"
	typeFolded              // lower folds a plural
	typeVerbIng             // isVerbIng(lower)
	typeModal               // a modal or a subject pronoun: the word after it is a verb
)

// wordTypes are the distinct word forms of one text, found by the form as written.
type wordTypes struct {
	index scorer.WordTable
	list  []wordType
}

// reset empties t for a text of n bytes.
func (t *wordTypes) reset(n int) {
	t.index.Reset(n/8 + 16) // an abstract has about one distinct form per 8 bytes
	t.list = t.list[:0]
}

// find returns the index of the form w in t, adding it.
func (t *wordTypes) find(w string, m *Model) int32 {
	h := scorer.WordHash(w)
	if i, ok := t.index.Get(w, h); ok {
		return i
	}
	var y wordType
	if m == nil {
		lw := strings.ToLower(w)
		var e *entry
		if c, ok := classes[lw]; ok {
			e = &entry{class: c}
		}
		y = newWordType(w, lw, e)
	} else if e := m.formOf(w, h); e != nil {
		y = e.form // a word of the model written in lower case, as most are
	} else if lw, e := m.lower(w); e != nil && e.hasForm {
		y = e.form.writtenAs(w) // "We", "The", "Neural": a model word with a capital
	} else {
		y = newWordType(w, lw, e)
	}
	i := int32(len(t.list))
	t.index.Put(w, h, i)
	t.list = append(t.list, y)
	return i
}

// formOf returns the model's entry for w, whose scorer.WordHash is h, when w is one of its words in lower
// case (entry.hasForm), else nil. A w that starts with an ASCII capital is none, and costs no lookup.
func (m *Model) formOf(w string, h uint32) *entry {
	if w != "" && w[0]-'A' < 26 {
		return nil
	}
	if e := m.lexicon.get(w, h); e != nil && e.hasForm {
		return e
	}
	return nil
}

// lower returns w lower-cased and the model's entry for it (nil for none, and for a w already in lower
// case, whose entry find has looked up). An ASCII word that the model knows is lower-cased on the stack
// and then shares the model's string: only a capitalized word the model does not know allocates.
func (m *Model) lower(w string) (string, *entry) {
	var buf [32]byte
	if len(w) > len(buf) {
		return m.lowerSlow(w)
	}
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return m.lowerSlow(w)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			upper = true
		}
		buf[i] = c
	}
	if !upper {
		return w, nil
	}
	lw := buf[:len(w)]
	if k, e := lexFind(&m.lexicon, lw, scorer.WordHashBytes(lw)); e != nil {
		return k, e
	}
	return string(lw), nil
}

func (m *Model) lowerSlow(w string) (string, *entry) {
	lw := strings.ToLower(w)
	if lw == w {
		return w, nil
	}
	return lw, m.entry(lw)
}

// newWordType describes the form w, lower-cased lw, whose entry in the model is e (nil for none).
func newWordType(w, lw string, e *entry) wordType {
	y := wordType{lower: foldPlural(lw), entry: e, word: -1}
	if e != nil {
		y.class = e.class
	}
	if y.class&classDet != 0 || lw == "that" || lw == "to" || lw == "how" || lw == "whether" {
		y.flags |= typeClause
	}
	if lw == "to" || lw == "with" || lw == "from" || lw == "on" || lw == "into" || lw == "by" {
		y.flags |= typePrep
	}
	if y.class&(classStop|classVerb) == 0 {
		if phrase, shape := phraseShape(w); phrase {
			y.flags |= typePhrase
			y.shape = shape
			y.suffix = suffixOf(y.lower)
		}
	}
	if startsUpper(w) {
		y.flags |= typeUpper
	}
	if strings.HasSuffix(lw, "ed") {
		y.flags |= typeEd
	}
	if len(y.lower) != len(lw) {
		y.flags |= typeFolded
	}
	if isVerbIng(y.lower) {
		y.flags |= typeVerbIng
	}
	switch lw {
	case "can", "cannot", "could", "may", "might", "must", "should", "will", "would", "we", "they":
		y.flags |= typeModal
	}
	return y
}

// writtenAs returns newWordType(w, lw, e) from y, the entry e's form (newWordType(lw, lw, e)), for a w that
// lower-cases to lw: of a wordType only the phrase flag, shape and suffix (phraseShape of the word as
// written) and typeUpper depend on the capitals, and a capitalized word of the model then costs no
// classifying afresh.
func (y wordType) writtenAs(w string) wordType {
	suffix := y.suffix
	y.flags &^= typePhrase | typeUpper
	y.shape, y.suffix = 0, 0
	if y.class&(classStop|classVerb) == 0 {
		if phrase, shape := phraseShape(w); phrase {
			y.flags |= typePhrase
			y.shape = shape
			if y.suffix = suffix; suffix == 0 {
				y.suffix = suffixOf(y.lower) // the lower-case form is no phrase word (none of the model's words, by its contract)
			}
		}
	}
	if startsUpper(w) {
		y.flags |= typeUpper
	}
	return y
}

// tokenize appends the words of text, which starts at byte base of the whole text, to toks, with their
// forms in types; the whole text's first titleLen bytes are the title. It also counts the words after
// the title and the stop words among them. A text in parts is tokenized part after part, as one.
func tokenize(toks []token, types *wordTypes, text string, base, titleLen int, m *Model) (_ []token, words, stops int) {
	sentStart := true
	for i := 0; i < len(text); {
		for i < len(text) && spaceByte[text[i]] {
			i++
		}
		if i == len(text) {
			break
		}
		if base+i >= titleLen && (len(toks) == 0 || toks[len(toks)-1].title) {
			sentStart = true
			if len(toks) > 0 {
				toks[len(toks)-1].brkAfter = true
			}
		}
		// the field (the text up to the next space) starts at i
		if len(toks) > 0 && text[i] == '(' {
			// an opening parenthesis with an acronym in it defines the phrase before it
			j := i + 1
			for j < len(text) && j-i < 14 && !isSpace(text[j]) {
				j++
			}
			if field := text[i:j]; len(field) > 2 && j-i < 14 {
				inner := strings.Trim(field, "(),.;:")
				if len(inner) >= 2 && hasAcronym(inner) && strings.IndexByte(inner, ' ') < 0 && !strings.ContainsAny(inner, "=+") {
					toks[len(toks)-1].paren = true
				}
			}
		}
		// split the field into words at punctuation, keeping hyphens, apostrophes and dots between word
		// characters inside words except a dot before a letter ("consistency.Existing", "vol.8"); a space
		// is neither, so no word runs past the field
		brk := false
		p := i
		for p < len(text) && !spaceByte[text[p]] {
			if c := text[p]; !wordByte[c] && (c < utf8.RuneSelf || !wordRuneAt(text, p)) {
				r, size := rune(text[p]), 1
				if r >= utf8.RuneSelf {
					r, size = utf8.DecodeRuneInString(text[p:])
				}
				if r == '.' || r == '!' || r == '?' {
					sentStart = true
				}
				if len(toks) > 0 {
					toks[len(toks)-1].brkAfter = true
				}
				brk = true
				p += size
				continue
			}
			q := p
			for {
				for q < len(text) && wordByte[text[q]] {
					q++
				}
				if q == len(text) {
					break
				}
				c := text[q]
				if c < utf8.RuneSelf {
					// inner hyphen or apostrophe between word characters
					if (c == '-' || c == '\'') && q+1 < len(text) && wordRuneAt(text, q+1) {
						q++
						continue
					}
					break
				}
				r2, s2 := utf8.DecodeRuneInString(text[q:])
				if isWordRune(r2) || r2 == '’' && q+s2 < len(text) && wordRuneAt(text, q+s2) {
					q += s2
					continue
				}
				break
			}
			w := text[p:q]
			possessive := false
			if strings.HasSuffix(w, "'s") {
				w, possessive = w[:len(w)-2], true
			} else if strings.HasSuffix(w, "’s") {
				w, possessive = w[:len(w)-len("’s")], true
			}
			ti := types.find(w, m)
			y := &types.list[ti]
			t := token{
				start: base + p, end: base + p + len(w), typ: ti, det: y.class&classDet != 0,
				clause: y.flags&typeClause != 0, prep: y.flags&typePrep != 0,
				brkBefore: brk, sentStart: sentStart, title: base+p < titleLen, capital: !sentStart && y.flags&typeUpper != 0,
				upper: y.flags&typeUpper != 0, modal: y.flags&typeModal != 0,
				phrase: y.flags&typePhrase != 0,
			}
			// a past participle after a form of "be" or "have" is a verb: "needs to be tuned per-model"
			if len(toks) > 0 && !brk && toks[len(toks)-1].aux && y.flags&typeEd != 0 {
				t.phrase = false
			}
			t.aux = y.class&classAux != 0
			t.folded = y.flags&typeFolded != 0
			if t.phrase {
				t.shape = y.shape
			}
			if possessive {
				t.brkAfter = true
				t.phrase = false // "GA's", "SPIHT's": an owner, not the name of a thing
			}
			if !t.title {
				words++
				if y.class&classStop != 0 {
					stops++
				}
			}
			toks = append(toks, t)
			sentStart, brk = false, false
			p = q
		}
		i = p
	}
	return toks, words, stops
}

// wordRuneAt reports whether the character at s[i] is a letter or digit.
func wordRuneAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiWord[c]
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// wordByte marks the ASCII letters and digits, spaceByte the bytes of isSpace: the tokenizer's loops look
// a byte up in one load.
var wordByte, spaceByte = func() (word, space [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		word[c], space[c] = isWordRune(rune(c)), isSpace(byte(c))
	}
	return word, space
}()

// asciiWord marks the ASCII letters and digits: isWordRune of an ASCII character.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func startsUpper(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return 'A' <= w[0] && w[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// verbIng is isVerbIng of token i.
func (d *doc) verbIng(i int) bool { return d.types.list[d.toks[i].typ].flags&typeVerbIng != 0 }

// isVerbIng reports an -ing word that is an action rather than the name of a field.
func isVerbIng(w string) bool { return strings.HasSuffix(w, "ing") && !nominalIng[w] && len(w) > 5 }

// display returns p with runs of spaces made one.
func display(p string) string {
	p, _ = displaySpaces(p)
	return p
}

// displaySpaces is display, in one pass over p, that also reports a form feed or vertical tab left in the
// result, which hasAcronym takes for part of a word.
func displaySpaces(p string) (_ string, odd bool) {
	collapse := false
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\t', '\n', '\r':
			collapse = true
		case ' ':
			collapse = collapse || i > 0 && p[i-1] == ' '
		case '\f', '\v':
			odd = true
		}
	}
	if collapse {
		return strings.Join(strings.Fields(p), " "), false
	}
	return p, odd
}

// foldPlural drops the plural s of a lower-case word: "networks" → "network", not "class" or "gas".
func foldPlural(w string) string {
	n := len(w)
	if n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i' {
		if n > 4 && strings.HasSuffix(w, "ies") {
			return w[:n-3] + "y"
		}
		return w[:n-1]
	}
	return w
}

// displayForm lower-cases a phrase without acronyms: "Adaptive Loss Scaling" reads "adaptive loss
// scaling"; "Faster R-CNN" stays.
func displayForm(p string) string {
	if hasAcronym(p) {
		return p
	}
	return strings.ToLower(p)
}

// shownForm is how a ranked phrase reads on the card: displayForm, but a name the abstract capitalizes between
// lower-case words keeps its capital ("Gaussian noise", "Lyapunov stability", "English constituency parsing",
// not "gaussian noise"), and the words of a title in capitals take the abstract's casing, or lower case when
// the abstract does not have them ("SUBSCALE PIXEL NETWORKS" reads "subscale pixel networks", an "LSTM" the
// abstract writes so stays).
func (d *doc) shownForm(c *cand) string {
	p, odd := displaySpaces(d.span(c.start, c.end))
	fromShout := c.start < len(d.title) && (d.shouting || isCapsRun(p))
	if !fromShout && (d.acronym(c, p, odd) || isLowerCase(p)) {
		return p
	}
	d.markCase()
	var b strings.Builder
	b.Grow(len(p))
	for k, t := range d.toks[c.shown : c.shown+c.n] {
		if k > 0 {
			b.WriteByte(' ')
		}
		w := d.span(t.start, t.end)
		cased := d.words[t.word].cased
		switch {
		case cased&casedLower != 0:
			writeLower(&b, w)
		case fromShout && cased&casedAcronym != 0:
			u := d.toks[d.written[t.word]]
			if a := d.span(u.start, u.end); strings.EqualFold(a, w) {
				b.WriteString(a)
			} else {
				writeLower(&b, w) // another form of the word: "LSTMs"
			}
		case isName(cased) && fromShout:
			_, size := utf8.DecodeRuneInString(w)
			b.WriteString(w[:size])
			writeLower(&b, w[size:])
		case isName(cased):
			b.WriteString(w)
		default:
			writeLower(&b, w)
		}
	}
	return b.String()
}

// acronym is hasAcronym(p) of c's text p, from the shapes of its words: only spaces lie between them, and
// display has made those single spaces unless odd.
func (d *doc) acronym(c *cand, p string, odd bool) bool {
	if odd {
		return hasAcronym(p)
	}
	for i := c.shown; i < c.shown+c.n; i++ {
		if d.toks[i].shape&shapeAcronym != 0 {
			return true
		}
	}
	return false
}

// writeLower writes strings.ToLower(w) to b without allocating: byte by byte up to the first byte beyond
// ASCII, the rest rune by rune.
func writeLower(b *strings.Builder, w string) {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			for _, r := range w[i:] {
				b.WriteRune(unicode.ToLower(r))
			}
			return
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
}

// markCase sets how the abstract writes each word (docWord.cased), once per text: from its tokens outside the
// title, a capital at the start of a sentence telling nothing.
func (d *doc) markCase() {
	if d.cased {
		return
	}
	d.cased = true
	d.written = grow(d.written, len(d.words))
	for i := range d.words {
		d.words[i].cased = 0
	}
	upper := func(i int) bool { return i >= 0 && i < len(d.toks) && !d.toks[i].title && d.toks[i].upper }
	// a capital next to i, across a function word: "Mixture of Sparse Experts" is one run
	capitalNear := func(i, dir int) bool {
		j := i + dir
		if j >= 0 && j < len(d.toks) && !upper(j) && d.types.list[d.toks[j].typ].class&classStop != 0 {
			j += dir
		}
		return upper(j)
	}
	for i := range d.toks {
		t := &d.toks[i] // not a copy of the token: a third of markCase's time
		if t.word < 0 || t.title {
			continue
		}
		w := &d.words[t.word]
		switch {
		case !t.upper:
			w.cased |= casedLower
		case t.shape&shapeAcronym != 0:
			if w.cased&casedAcronym == 0 {
				w.cased |= casedAcronym
				d.written[t.word] = int32(i)
			}
		case !t.capital:
			// the start of a sentence tells nothing
		case capitalNear(i, -1) || capitalNear(i, +1):
			w.cased |= casedRun
		case i > 0 && !d.toks[i-1].title && !t.brkBefore && strings.TrimLeft(d.span(d.toks[i-1].end, t.start), "'’s") == " ":
			w.cased |= casedName // after a word and a space ("the policy's Lipschitz constant"), not after "4)" or ": "
		}
	}
}

// grow returns s resliced to n elements, reallocated only when too small.
func grow(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

// isCapsRun reports a phrase of two words or more, each in capitals: "RANDOM MASK" of a title.
func isCapsRun(p string) bool {
	words := 0
	for rest := p; rest != ""; words++ {
		var w string
		w, rest, _ = strings.Cut(rest, " ")
		if len(w) < 2 || !isUpperCase(w) {
			return false
		}
	}
	return words >= 2
}

// isUpperCase reports a word with capitals and no lower-case letter, without allocating.
func isUpperCase(w string) bool {
	upper := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		upper = upper || unicode.IsUpper(r)
	}
	return upper
}

// isShouting reports a title in capitals: ten letters or more, nine in ten of them upper-case.
func isShouting(title string) bool {
	upper, lower := 0, 0
	for i := 0; i < len(title); i++ { // ASCII first, without the unicode tables
		switch c := title[i]; {
		case c >= utf8.RuneSelf:
			return isShoutingUnicode(title)
		case 'A' <= c && c <= 'Z':
			upper++
		case 'a' <= c && c <= 'z':
			lower++
		}
	}
	return upper >= 10 && lower*10 < upper+lower
}

// isShoutingUnicode is isShouting of any title.
func isShoutingUnicode(title string) bool {
	upper, lower := 0, 0
	for _, r := range title {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	return upper >= 10 && lower*10 < upper+lower
}

// isPhraseWord rejects numbers, single letters, formulas, adverbs in -ly and overlong tokens.
func isPhraseWord(w string) bool {
	ascii, letters := true, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		letters = letters || 'a' <= c|0x20 && c|0x20 <= 'z'
	}
	n := len(w)
	if !ascii {
		n = utf8.RuneCountInString(w)
		letters = strings.IndexFunc(w, unicode.IsLetter) >= 0
	}
	if n < 2 || n > 30 || !letters {
		return false
	}
	if l := len(w); l > 4 && w[l-2]|0x20 == 'l' && w[l-1]|0x20 == 'y' && !wordHasAcronym(w) && !lyNouns[strings.ToLower(w)] {
		return false
	}
	return true
}

// phraseShape is isPhraseWord(w) and, when true, shapeOf(w): for an ASCII word in one pass over it (they
// took a third of the work on a word an abstract has once).
func phraseShape(w string) (phrase bool, shape uint8) {
	var seen, later uint8 // the kinds of w's bytes, and of those after its first
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			if !isPhraseWord(w) {
				return false, 0
			}
			return true, shapeOf(w)
		}
		k := asciiKind[c]
		seen |= k
		if i > 0 {
			later |= k
		}
	}
	n := len(w)
	if n < 2 || n > 30 || seen&(kindUpper|kindLower) == 0 {
		return false, 0
	}
	if later&kindUpper != 0 || seen&kindDigit != 0 && asciiKind[w[0]]&(kindUpper|kindLower) != 0 {
		shape |= shapeAcronym
	} else if n > 4 && w[n-2]|0x20 == 'l' && w[n-1]|0x20 == 'y' && !lyNouns[strings.ToLower(w)] {
		return false, 0 // an adverb
	}
	if seen&kindDigit != 0 {
		shape |= shapeDigit
	}
	if seen&kindHyphen != 0 {
		shape |= shapeHyphen
	}
	if n > 3 && (w[n-1] == 's' || w[n-1] == 'S') && w[n-2] != 's' {
		shape |= shapePlural
	}
	if w[n-2] == 'e' && w[n-1] == 's' {
		shape |= shapeEs
	}
	return true, shape
}

// Kinds of ASCII bytes, for phraseShape.
const (
	kindUpper = 1 << iota
	kindLower
	kindDigit
	kindHyphen
)

var asciiKind = func() (t [utf8.RuneSelf]uint8) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c], t[c+'a'-'A'] = kindUpper, kindLower
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = kindDigit
	}
	t['-'] = kindHyphen
	return t
}()

// lyNouns end in -ly and are not adverbs.
var lyNouns = map[string]bool{"anomaly": true, "assembly": true, "family": true, "supply": true, "poly": true, "monopoly": true, "italy": true, "reply": true}

// hasAcronym reports a word with a capital after its first letter or mixing letters and digits:
// "BERT", "ImageNet", "GPT-2", "CIFAR-10".
func hasAcronym(p string) bool {
	start := 0
	for i := 0; i < len(p); i++ {
		if c := p[i]; c == ' ' || c == '\t' || c == '\n' {
			if wordHasAcronym(p[start:i]) {
				return true
			}
			start = i + 1
		}
	}
	return wordHasAcronym(p[start:])
}

// wordHasAcronym is hasAcronym of one word.
func wordHasAcronym(w string) bool {
	digit := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return slowAcronym(w)
		}
		if i > 0 && 'A' <= c && c <= 'Z' {
			return true
		}
		digit = digit || '0' <= c && c <= '9'
	}
	return digit && w != "" && ('a' <= w[0]|0x20 && w[0]|0x20 <= 'z')
}

func slowAcronym(w string) bool {
	upper, digit := false, false
	for i, r := range w {
		upper = upper || i > 0 && unicode.IsUpper(r)
		digit = digit || unicode.IsDigit(r)
	}
	r, _ := utf8.DecodeRuneInString(w)
	return upper || digit && unicode.IsLetter(r)
}

// isTitleCased reports a phrase whose every word starts with a capital followed by lower-case letters.
func isTitleCased(p string) bool {
	start := true // at the first letter of a word
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c >= utf8.RuneSelf:
			return isTitleCasedUnicode(p)
		case spaceByte[c]:
			start = true
		case start != ('A' <= c && c <= 'Z'):
			return false // a word that starts in lower case, or a capital after its first letter
		default:
			start = false
		}
	}
	return true
}

// isTitleCasedUnicode is isTitleCased of any text.
func isTitleCasedUnicode(p string) bool {
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		// a word of strings.Fields(p) starts at i with r
		j := i + size
		for j < len(p) {
			r2, s2 := utf8.DecodeRuneInString(p[j:])
			if unicode.IsSpace(r2) {
				break
			}
			j += s2
		}
		if !unicode.IsUpper(r) || !isLowerCase(p[i+size:j]) {
			return false
		}
		i = j
	}
	return true
}

// isLowerCase reports strings.ToLower(s) == s, without allocating for ASCII.
func isLowerCase(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s) == s
		}
		if 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// DocWords returns the distinct lower-cased, plural-folded words of a text, as the lexicon counts them.
func DocWords(text string) []string {
	seen := map[string]bool{}
	var out []string
	var types wordTypes
	types.reset(len(text))
	toks, _, _ := tokenize(nil, &types, text, 0, 0, nil)
	for _, t := range toks {
		if lower := types.list[t.typ].lower; !seen[lower] {
			seen[lower] = true
			out = append(out, lower)
		}
	}
	return out
}
