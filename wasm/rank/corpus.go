package rank

import (
	"math"
	"strings"
	"sync"

	"github.com/papergist/papergist/wasm/summarize"
)

// corpusPower is how strongly a term's commonness in papers in general scales its weight: a term's IDF
// (from the library and the listing, a few hundred titles at most) is multiplied by its normalised IDF
// over the summarizer's training abstracts to this power. Chosen on the even-numbered CiteULike dev cases:
// nDCG@10 0.591 → 0.592 there and 0.541 → 0.554 on the odd ones, 0.566 → 0.573 over all.
const corpusPower = 0.25

// corpusFloor keeps a word common in nearly every abstract from vanishing (it still counts a little).
const corpusFloor = 0.02

// corpus holds, by term, its weight from the key-phrase model's lexicon of common words (SciTLDR and Inspec
// training abstracts, never CiteULike); a term the lexicon lacks is rare there and keeps weight 1.
var corpus = sync.OnceValue(func() map[string]float64 {
	df := map[string]int{}
	docs := summarize.CorpusWords(func(word string, n int) {
		ts := terms(nil, word)
		if len(ts) != 1 { // a stop word, or a hyphenated word that makes a bigram
			return
		}
		df[ts[0]] = max(df[ts[0]], n) // inflections of one stem: the commonest stands for it
	})
	w := make(map[string]float64, len(df))
	for t, n := range df {
		r := math.Log(float64(docs+1)/float64(n+1)) / math.Log(float64(docs+1))
		w[t] = math.Pow(max(corpusFloor, r), corpusPower)
	}
	return w
})

// corpusWeight is a term's weight for how common it is in papers in general: a bigram takes the weight of
// its rarer word ("neural network" is as specific as "neural").
func corpusWeight(t string) float64 {
	c := corpus()
	if i := strings.IndexByte(t, ' '); i >= 0 {
		return max(weightOf(c, t[:i]), weightOf(c, t[i+1:]))
	}
	return weightOf(c, t)
}

func weightOf(c map[string]float64, t string) float64 {
	if w, ok := c[t]; ok {
		return w
	}
	return 1
}
