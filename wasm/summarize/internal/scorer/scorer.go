// Package scorer rates the sentences of an abstract, and then compressions of the best ones, as TL;DRs.
// Three small linear models do it: stage one rates sentences from cheap features (position, length,
// overlap with the title and the rest of the abstract, cue words); a token model estimates which
// words of the abstract a TL;DR uses; stage two rates the compressions (package compress) of stage
// one's best sentences, chiefly by the ROUGE-1 they can be expected to reach. The weights are learned
// from SciTLDR's training split by ../trainweights and embedded by package summarize; training and
// inference share this package so that they compute the very same features.
package scorer

import (
	"math"
	"sync"
)

// Model holds the weights of the three stages. Its JSON form is the embedded weights file.
type Model struct {
	// Dense, Words, Starts and Bigrams weigh sentences (stage one).
	Dense   map[string]float64 `json:"dense"`
	Words   map[string]float64 `json:"words"`
	Starts  map[string]float64 `json:"starts"`
	Bigrams map[string]float64 `json:"bigrams"`
	// Token and TokenWords estimate which words of the abstract the TL;DR uses.
	Token      map[string]float64 `json:"token"`
	TokenWords map[string]float64 `json:"token_words"`
	// Candidate and Trailing weigh the compressions of the best sentences (stage two).
	Candidate map[string]float64 `json:"candidate"`
	Trailing  map[string]float64 `json:"trailing"`

	dense   [fNumFeatures]float64
	token   [tNumFeatures]float64
	cand    [cNumFeatures]float64
	bigrams map[string]map[string]float64 // first word → second word → weight
	starts  map[string]map[string]float64
	lex     map[string]*lexEntry // every word with a weight, so that scoring looks each word up once
	lexicon lexicon              // lex for the hot path
	// tokenOverride, when set, gives each word's probability in place of the token model's p
	// (SetTokenOverride).
	tokenOverride func(word string, p float64) float64
}

// SetTokenOverride makes stage two see f(word, p) as the probability that the TL;DR uses a word, in
// place of the token model's p; nil restores the model's own. The trainer measures with it what a
// better token model could give (trainweights -tok-oracle).
func (m *Model) SetTokenOverride(f func(word string, p float64) float64) { m.tokenOverride = f }

// lexicon is Model.lex in a wordIndex, whose indices are those of entries.
type lexicon struct {
	words   wordIndex
	entries []*lexEntry
}

// lexEntry gathers one word's weights from every map of the model.
type lexEntry struct {
	word, token, trailing float64
	next                  []bigram // bigrams that start with the word
	// wordKinds, so that a new word of an abstract costs one lookup, and above them (kindLists) its wordLists,
	// so that the search for a head's last finite verb looks none of its words up (candidateBuilder.add)
	kind uint8
}

// bigram is the weight of a pair of words, found from the first word's entry by the second's: a
// comparison of pointers, where looking the second word up by string was a tenth of stage one.
type bigram struct {
	second *lexEntry
	weight float64
}

// noLex stands for a word without weights.
var noLex = &lexEntry{}

// lexOf returns the entry of each word of v's vocabulary, computing them once per vocabulary (vocab.add
// does as it goes when it has the model's lexicon).
func (m *Model) lexOf(v *vocab) []*lexEntry {
	if len(v.lex) == len(v.words) {
		return v.lex
	}
	v.lex = grow(v.lex, len(v.words))
	for id, w := range v.words {
		if e := m.lex[w]; e != nil {
			v.lex[id] = e
		} else {
			v.lex[id] = noLex
		}
	}
	return v.lex
}

// Prepare indexes the weights for scoring; call it once after loading and before any use.
func (m *Model) Prepare() {
	for i, name := range DenseNames {
		m.dense[i] = m.Dense[name]
	}
	for i, name := range TokenNames {
		m.token[i] = m.Token[name]
	}
	for i, name := range CandidateNames {
		m.cand[i] = m.Candidate[name]
	}
	m.bigrams, m.starts = pairIndex(m.Bigrams), pairIndex(m.Starts)
	m.lex = map[string]*lexEntry{}
	entry := func(w string) *lexEntry {
		e := m.lex[w]
		if e == nil {
			e = &lexEntry{}
			m.lex[w] = e
		}
		return e
	}
	for w, x := range m.Words {
		entry(w).word = x
	}
	for w, x := range m.TokenWords {
		entry(w).token = x
	}
	for w, x := range m.Trailing {
		entry(w).trailing = x
	}
	for w, next := range m.bigrams {
		e := entry(w)
		for second, x := range next {
			e.next = append(e.next, bigram{entry(second), x})
		}
	}
	for w, kind := range wordKinds {
		entry(w).kind = kind
	}
	for w, lists := range wordLists {
		entry(w).kind |= lists << kindLists
	}
	words := make([]string, 0, len(m.lex))
	m.lexicon.entries = make([]*lexEntry, 0, len(m.lex))
	for w, e := range m.lex {
		words = append(words, w)
		m.lexicon.entries = append(m.lexicon.entries, e)
	}
	m.lexicon.words.build(words)
}

// pairIndex splits "first second" keys into a two-level map, so that scoring needs no string building.
func pairIndex(weights map[string]float64) map[string]map[string]float64 {
	out := map[string]map[string]float64{}
	for k, w := range weights {
		first, second := k, ""
		for i := 0; i < len(k); i++ {
			if k[i] == ' ' {
				first, second = k[:i], k[i+1:]
				break
			}
		}
		if out[first] == nil {
			out[first] = map[string]float64{}
		}
		out[first][second] = w
	}
	return out
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// workspace holds the buffers of one abstract's scoring. Best takes one from workspaces and returns it,
// so that a page of abstracts reuses them: allocating them afresh, and the garbage collection that
// followed, was a third of a TL;DR's cost. Nothing in a workspace outlives the call that uses it.
type workspace struct {
	vocab     vocab
	toks      []token // the words of every sentence
	bounds    []int   // sentence i's words are toks[bounds[i]:bounds[i+1]]
	titleToks []token
	feats     []Features
	scores    []float64
	order     []int
	probs     []float64
	sigmoids  sigmoidCache
	builder   candidateBuilder
}

var workspaces = sync.Pool{New: func() any { return new(workspace) }}
