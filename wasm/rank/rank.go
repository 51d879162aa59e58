// Package rank orders the papers of a listing by how close each is to the reader's own library, on the
// device: no server, no model download, and nothing about the library leaves the caller.
//
// A paper is a bag of terms (stemmed content words and adjacent pairs) from its title, key phrases, tags and,
// lightly, its abstract. A listing paper's score adds three views of the library:
//   - the mean of its k best cosines to single saved papers (nearest neighbours: a reader's smaller
//     interests are not drowned by the largest one);
//   - its cosine to the library's centroid (what the reader reads overall);
//   - the log-odds of its terms between the library and the listing (naive Bayes with the listing as the
//     background, as arxiv-sanity-lite's SVM uses it as negatives): a term the library has and the
//     listing rarely has is a strong signal, one every listing paper has is none.
//
// A small library (fewer than semanticMaxLib saved papers) has few words to match, so a listing paper that
// shares a term with it also gets a fourth view, semantic: the closeness of its words' vectors to the
// library's (wordvec.go). The vectors are learned from abstracts outside the evaluation data (SciTLDR and
// Inspec training splits, `make rankvec`) and relate words two titles never share.
//
// IDF comes from the library and the listing together, scaled by how common a term is in papers in general
// (the summarizer's training abstracts, see corpus.go). The model is a handful of general constants chosen on
// the CiteULike dev cases (scripts/eval/rankeval); it remembers no paper or title.
package rank

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// Paper is what the ranker reads of a saved or listed paper.
type Paper struct {
	ID         string   `json:"paper_id"`
	Title      string   `json:"title"`
	Abstract   string   `json:"abstract,omitempty"`
	KeyPhrases []string `json:"keyphrases,omitempty"`
	Tags       []string `json:"tags,omitempty"`
}

// Scored is one listing paper's score, with the saved papers closest to it, best first, at most three: the
// reason shown to the reader ("like X and 2 more you saved").
type Scored struct {
	ID    string   `json:"paper_id"`
	Score float64  `json:"score"`
	Like  []string `json:"like,omitempty"`
}

const (
	neighbours   = 2    // k of the nearest-neighbour view
	centroidMix  = 0.4  // weight of the centroid view against the neighbour view
	oddsWeight   = 0.17 // weight of the log-odds view
	oddsPrior    = 0.1  // additive smoothing of the document frequencies in the log-odds
	bigramWeight = 0.6  // a bigram's term frequency relative to a word's
	abstractTF   = 0.25 // an abstract word counts this much against a title word
	maxLike      = 3
	likeFloor    = 0.1 // a saved paper less similar than this to a listing paper is no reason to show it

	// The nearest-neighbour view leaves out a term held by more than a fifth of the saved papers, once that
	// is more than 50: in a large library such words ("learning", "model") name no one interest, and their
	// postings were most of the ranking's time (a 500-paper listing against 5,000 saved papers walked 5.9
	// million postings, 1.0 million without them). The centroid and log-odds views still count them. Neutral
	// on the CiteULike dev cases (nDCG@10 0.566 either way; 0.681 either way over the 38 libraries of 60
	// papers or more); a tenth instead of a fifth cost 0.005 there.
	commonShare = 0.2
	commonMin   = 50

	// The word-vector view, standardized over the listing like the sum of the other views, weighs
	// semanticWeight against it, in libraries of fewer than semanticMaxLib saved papers: on the CiteULike dev
	// cases it helps the libraries of under 50 papers in both halves and costs the larger ones 0.002-0.014
	// (they have words enough). Both chosen on half A: nDCG@10 0.573 -> 0.580 (half A 0.592 -> 0.599, half B
	// 0.554 -> 0.561), MAP 0.475 -> 0.483.
	semanticWeight = 0.3
	semanticMaxLib = 40
)

// Index is the library side of the ranker, updated one saved paper at a time. Terms are numbered as they
// are first seen; the postings (which saved papers hold which term) are rebuilt lazily by the first Rank after
// a change, so Add and Remove stay cheap. It is not safe for concurrent use.
type Index struct {
	docs  map[string]*doc
	order []*doc // insertion order, for deterministic ties; removed entries are compacted lazily
	holes int
	vocab map[string]int32
	df    []int32   // by term number: how many saved papers hold the term
	gen   []float64 // by term number: corpusWeight of the term

	dirty    bool
	lib      []*doc  // the live saved papers with at least one term, in insertion order
	postOff  []int32 // postings of term t: postDoc[postOff[t]:postOff[t+1]], with postTF alike
	postDoc  []int32
	postTF   []float64  // sublinear term frequency
	termSeen []int32    // scratch for the listing's document frequencies, by term number
	words    []string   // scratch for paperTerms
	seen     []seenTerm // scratch for paperTerms
}

type doc struct {
	id, title string
	tf        []termFreq
	removed   bool
}

// termFreq is a term's number and its weighted frequency in one paper. A paper's terms are sorted by
// number, so that every sum over them runs in one order and the scores are the same bits on every run.
type termFreq struct {
	t int32
	f float32
}

// NewIndex returns an empty library index.
func NewIndex() *Index {
	return &Index{docs: map[string]*doc{}, vocab: map[string]int32{}}
}

// Len is the number of saved papers in the index.
func (ix *Index) Len() int { return len(ix.docs) }

// Add puts a saved paper in the index, replacing an earlier one with the same ID. A paper without an ID is
// ignored.
func (ix *Index) Add(p Paper) {
	if p.ID == "" {
		return
	}
	ix.Remove(p.ID)
	d := &doc{id: p.ID, title: p.Title, tf: ix.paperTerms(p, true, nil)}
	for _, x := range d.tf {
		ix.df[x.t]++
	}
	ix.docs[p.ID] = d
	ix.order = append(ix.order, d)
	ix.dirty = true
}

// Remove takes a saved paper out of the index; an unknown ID is ignored.
func (ix *Index) Remove(id string) {
	d, ok := ix.docs[id]
	if !ok {
		return
	}
	for _, x := range d.tf {
		ix.df[x.t]--
	}
	d.removed = true
	delete(ix.docs, id)
	ix.dirty = true
	if ix.holes++; ix.holes > len(ix.order)/2 {
		live := ix.order[:0]
		for _, d := range ix.order {
			if !d.removed {
				live = append(live, d)
			}
		}
		clear(ix.order[len(live):])
		ix.order, ix.holes = live, 0
	}
}

// Has says whether a saved paper with that ID is in the index.
func (ix *Index) Has(id string) bool {
	_, ok := ix.docs[id]
	return ok
}

// Title is the title of a saved paper, for showing a reason; "" when the ID is not in the index.
func (ix *Index) Title(id string) string {
	if d, ok := ix.docs[id]; ok {
		return d.title
	}
	return ""
}

// paperTerms weighs a paper's terms and numbers them, sorted by number: title words, key phrases and tags
// fully, the abstract lightly (it is long and says more about method than topic). With grow, new terms join
// the vocabulary; without, a term the library has never held is numbered past the vocabulary through extra,
// which the caller keeps for one listing. Either way a paper's new terms are numbered in the order of their
// text, so that numbering depends on nothing but the papers seen.
func (ix *Index) paperTerms(p Paper, grow bool, extra map[string]int32) []termFreq {
	seen := ix.seen[:0]
	add := func(text string, w float64) {
		ix.words = terms(ix.words[:0], text)
		for _, t := range ix.words {
			tw := w
			if isBigram(t) {
				tw = w * bigramWeight
			}
			n, ok := ix.vocab[t]
			if !ok {
				n = -1
			}
			seen = append(seen, seenTerm{t, n, tw})
		}
	}
	add(p.Title, 1)
	for _, k := range p.KeyPhrases {
		add(k, 1)
	}
	for _, k := range p.Tags {
		add(k, 1)
	}
	if p.Abstract != "" {
		add(p.Abstract, abstractTF)
	}
	ix.seen = seen
	ix.numberNew(seen, grow, extra)
	// By number, a term's occurrences in the order of the text (so their weights add up in one order).
	slices.SortStableFunc(seen, func(a, b seenTerm) int { return cmp.Compare(a.n, b.n) })
	out := make([]termFreq, 0, len(seen))
	for i := 0; i < len(seen); {
		j, f := i, 0.0
		for ; j < len(seen) && seen[j].n == seen[i].n; j++ {
			f += seen[j].w
		}
		out = append(out, termFreq{seen[i].n, float32(f)})
		i = j
	}
	return out
}

// seenTerm is one occurrence of a term in a paper: its text, its number (-1 until numbered) and its weight.
type seenTerm struct {
	text string
	n    int32
	w    float64
}

// numberNew numbers the terms of seen that the vocabulary does not hold, in the order of their text.
func (ix *Index) numberNew(seen []seenTerm, grow bool, extra map[string]int32) {
	var texts []string
	for _, x := range seen {
		if x.n < 0 {
			texts = append(texts, x.text)
		}
	}
	if len(texts) == 0 {
		return
	}
	slices.Sort(texts)
	texts = slices.Compact(texts)
	numbers := make(map[string]int32, len(texts))
	for _, t := range texts {
		n, ok := extra[t]
		switch {
		case ok:
		case grow:
			n = int32(len(ix.df))
			ix.vocab[t] = n
			ix.df = append(ix.df, 0)
			ix.gen = append(ix.gen, corpusWeight(t))
		default:
			n = int32(len(ix.df) + len(extra))
			extra[t] = n
		}
		numbers[t] = n
	}
	for i := range seen {
		if seen[i].n < 0 {
			seen[i].n = numbers[seen[i].text]
		}
	}
}

// sublinear damps repeated terms: a word said three times is not three times the topic.
func sublinear(f float32) float64 {
	if f <= 1 {
		return float64(f)
	}
	return 1 + math.Log(float64(f))
}

func isBigram(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] == ' ' {
			return true
		}
	}
	return false
}

// build lays out the postings of the live saved papers, if the library changed since the last build.
func (ix *Index) build() {
	if !ix.dirty && ix.postOff != nil {
		return
	}
	ix.dirty = false
	ix.lib = ix.lib[:0]
	for _, d := range ix.order {
		if !d.removed && len(d.tf) > 0 {
			ix.lib = append(ix.lib, d)
		}
	}
	v := len(ix.df)
	ix.postOff = make([]int32, v+1)
	for t, n := range ix.df { // a removed paper's terms may be left with df 0: empty postings
		ix.postOff[t+1] = ix.postOff[t] + n
	}
	total := ix.postOff[v]
	ix.postDoc = make([]int32, total)
	ix.postTF = make([]float64, total)
	fill := make([]int32, v)
	copy(fill, ix.postOff[:v])
	for i, d := range ix.lib {
		for _, x := range d.tf {
			k := fill[x.t]
			ix.postDoc[k], ix.postTF[k] = int32(i), sublinear(x.f)
			fill[x.t]++
		}
	}
}

// Rank scores every listing paper against the library, best first (ties keep the listing's order); every
// listing ID appears exactly once (a repeated ID keeps its first entry). With an empty library every score
// is 0 and the listing's order is kept.
func (ix *Index) Rank(listing []Paper) []Scored {
	out := make([]Scored, 0, len(listing))
	seen := make(map[string]bool, len(listing))
	queries := make([][]termFreq, 0, len(listing))
	unknown := map[string]int32{}
	for _, p := range listing {
		if seen[p.ID] {
			continue
		}
		seen[p.ID] = true
		queries = append(queries, ix.paperTerms(p, false, unknown))
		out = append(out, Scored{ID: p.ID})
	}
	ix.build()
	lib := ix.lib
	if len(lib) == 0 {
		return out
	}
	// Terms numbered v and up are the listing's own, unknown to the library: they count in a listing paper's
	// length only.
	v, all := len(ix.df), len(ix.df)+len(unknown)
	if cap(ix.termSeen) < all {
		ix.termSeen = make([]int32, all)
	}
	listDF := ix.termSeen[:all]
	clear(listDF)
	for _, q := range queries {
		for _, x := range q {
			listDF[x.t]++
		}
	}
	nLib, nList := float64(len(lib)), float64(len(queries))
	n := nLib + nList
	idf := make([]float64, all)
	for t := range idf {
		df := listDF[t]
		if t < v {
			df += ix.df[t]
		}
		if df > 0 {
			idf[t] = math.Log((1+n)/(1+float64(df))) + 1
		}
	}
	// ... scaled by how common the term is in papers in general (the listing's own terms looked up here).
	for t := range ix.gen {
		idf[t] *= ix.gen[t]
	}
	for text, t := range unknown {
		idf[t] *= corpusWeight(text)
	}

	// Each saved paper's norm, and the centroid of their unit vectors (itself as a unit vector).
	invNorms := make([]float64, len(lib))
	centroid := make([]float64, v)
	for i, d := range lib {
		norm := 0.0
		for _, x := range d.tf {
			w := sublinear(x.f) * idf[x.t]
			norm += w * w
		}
		invNorms[i] = 1 / math.Sqrt(norm)
		for _, x := range d.tf {
			centroid[x.t] += sublinear(x.f) * idf[x.t] * invNorms[i]
		}
	}
	cnorm := 0.0
	for _, w := range centroid {
		cnorm += w * w
	}
	cnorm = math.Sqrt(cnorm)

	var semantic []float64
	if len(lib) < semanticMaxLib {
		// Looked up here, not kept per term: only a small library's ranking reads them.
		wv := loadWordVectors()
		vecOf := make([]int32, all)
		for t, n := range ix.vocab {
			vecOf[n] = wv.lookup(t)
		}
		for t, n := range unknown {
			vecOf[n] = wv.lookup(t)
		}
		semantic = semanticScores(lib, queries, idf, vecOf, wv)
	}

	sims := make([]float64, len(lib))
	touched := make([]int, 0, 64)
	for qi, q := range queries {
		qnorm := 0.0
		for _, x := range q {
			w := sublinear(x.f) * idf[x.t]
			qnorm += w * w
		}
		if qnorm == 0 {
			continue
		}
		qnorm = math.Sqrt(qnorm)
		cdot, odds := 0.0, 0.0
		for _, x := range q {
			t := x.t
			if int(t) >= v {
				continue
			}
			w := sublinear(x.f) * idf[t] / qnorm
			cdot += w * centroid[t]
			wi := w * idf[t]
			from, to := ix.postOff[t], ix.postOff[t+1]
			if common := to - from; common > commonMin && float64(common) > commonShare*nLib {
				to = from // too common to tell the nearest saved papers apart; the other views still count it
			}
			tfs := ix.postTF[from:to]
			for k, d := range ix.postDoc[from:to] {
				if sims[d] == 0 {
					touched = append(touched, int(d))
				}
				sims[d] += wi * tfs[k] // times the saved paper's 1/norm below
			}
			lo := math.Log((float64(ix.df[t])+oddsPrior)/(nLib+2*oddsPrior)) -
				math.Log((float64(listDF[t])+oddsPrior)/(nList+2*oddsPrior))
			if lo > 0 {
				odds += lo
			}
		}
		for _, d := range touched {
			sims[d] *= invNorms[d]
		}
		best := topK(touched, sims)
		knn := 0.0
		for _, d := range best[:min(neighbours, len(best))] {
			knn += sims[d]
		}
		s := &out[qi]
		s.Score = (1-centroidMix)*knn/neighbours + centroidMix*cdot/cnorm + oddsWeight*odds/math.Sqrt(float64(len(q)))
		for _, d := range best {
			if sims[d] >= likeFloor {
				s.Like = append(s.Like, lib[d].id)
			}
		}
		for _, d := range touched {
			sims[d] = 0
		}
		touched = touched[:0]
	}
	mixSemantic(out, semantic)
	sort.SliceStable(out, func(a, b int) bool { return out[a].Score > out[b].Score })
	return out
}

// topK returns the (at most) three saved papers with the highest similarity, best first, ties to the earlier
// saved paper: one pass, no sort of every paper touched.
func topK(touched []int, sims []float64) []int {
	var best [maxLike]int
	n := 0
	better := func(a, b int) bool { return sims[a] > sims[b] || sims[a] == sims[b] && a < b }
	for _, d := range touched {
		if n == maxLike && !better(d, best[n-1]) {
			continue
		}
		i := min(n, maxLike-1)
		for i > 0 && better(d, best[i-1]) {
			best[i] = best[i-1]
			i--
		}
		best[i] = d
		n = min(n+1, maxLike)
	}
	return best[:n]
}
