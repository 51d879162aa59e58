package main

import (
	"math"
	"regexp"
	"strings"
)

// The peers share one TF-IDF vectorizer in the manner of arxiv-sanity-lite's: lower-cased words of two or
// more characters that start with a letter, English stop words removed, unigrams and bigrams, sublinear tf,
// smoothed idf, unit length; fitted on the case's own papers (library and listing), as arxiv-sanity-lite fits
// it on every paper it holds.

var tokenRE = regexp.MustCompile(`[a-z_][a-z0-9_]+`)

type sparse struct {
	idx []int
	val []float64
}

func (s sparse) dot(w []float64) float64 {
	d := 0.0
	for i, j := range s.idx {
		d += s.val[i] * w[j]
	}
	return d
}

// vectorize returns the unit TF-IDF vectors of texts and the vocabulary size.
func vectorize(texts []string) ([]sparse, int) {
	vocab := map[string]int{}
	counts := make([]map[int]float64, len(texts))
	var df []float64
	for i, t := range texts {
		words := tokenRE.FindAllString(strings.ToLower(t), -1)
		kept := words[:0]
		for _, w := range words {
			if !peerStop[w] {
				kept = append(kept, w)
			}
		}
		c := map[int]float64{}
		add := func(term string) {
			j, ok := vocab[term]
			if !ok {
				j = len(vocab)
				vocab[term] = j
				df = append(df, 0)
			}
			if c[j] == 0 {
				df[j]++
			}
			c[j]++
		}
		for k, w := range kept {
			add(w)
			if k > 0 {
				add(kept[k-1] + " " + w)
			}
		}
		counts[i] = c
	}
	n := float64(len(texts))
	vecs := make([]sparse, len(texts))
	for i, c := range counts {
		var v sparse
		norm := 0.0
		for j, f := range c {
			w := (1 + math.Log(f)) * (math.Log((1+n)/(1+df[j])) + 1)
			v.idx = append(v.idx, j)
			v.val = append(v.val, w)
			norm += w * w
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for k := range v.val {
				v.val[k] /= norm
			}
		}
		vecs[i] = v
	}
	return vecs, len(vocab)
}

func caseTexts(library, listing []string, titles map[string]string) []string {
	texts := make([]string, 0, len(library)+len(listing))
	for _, id := range library {
		texts = append(texts, titles[id])
	}
	for _, id := range listing {
		texts = append(texts, titles[id])
	}
	return texts
}

// centroid scores each listing paper by its cosine to the mean of the library's TF-IDF vectors.
func centroid(library, listing []string, titles map[string]string) []string {
	vecs, dim := vectorize(caseTexts(library, listing, titles))
	c := make([]float64, dim)
	for _, v := range vecs[:len(library)] {
		for k, j := range v.idx {
			c[j] += v.val[k]
		}
	}
	scores := make([]float64, len(listing))
	for i, v := range vecs[len(library):] {
		scores[i] = v.dot(c)
	}
	return byScore(listing, scores)
}

// svmRank is arxiv-sanity-lite's recommendation: a linear SVM (squared hinge loss, C = 0.01, balanced class
// weights, an intercept) with the library positive and the listing negative, and the listing ordered by the
// decision function.
func svmRank(library, listing []string, titles map[string]string) []string {
	vecs, dim := vectorize(caseTexts(library, listing, titles))
	y := make([]float64, len(vecs))
	for i := range y {
		if i < len(library) {
			y[i] = 1
		} else {
			y[i] = -1
		}
	}
	w := trainSVM(vecs, y, dim, 0.01)
	scores := make([]float64, len(listing))
	for i, v := range vecs[len(library):] {
		scores[i] = v.dot(w) + w[dim]
	}
	return byScore(listing, scores)
}

// trainSVM fits an L2-regularized squared-hinge-loss linear SVM by dual coordinate descent (Hsieh et al.,
// ICML 2008), with a bias feature of 1 appended (w[dim]) and per-class costs C·n/(2·n_class). It cycles the
// examples in a fixed order, so the result is deterministic.
func trainSVM(x []sparse, y []float64, dim int, c float64) []float64 {
	n := len(x)
	pos := 0
	for _, v := range y {
		if v > 0 {
			pos++
		}
	}
	cost := func(i int) float64 {
		if y[i] > 0 {
			return c * float64(n) / (2 * float64(pos))
		}
		return c * float64(n) / (2 * float64(n-pos))
	}
	w := make([]float64, dim+1)
	alpha := make([]float64, n)
	qii := make([]float64, n)
	for i, v := range x {
		s := 1.0 // the bias feature
		for _, a := range v.val {
			s += a * a
		}
		qii[i] = s + 1/(2*cost(i))
	}
	for iter := 0; iter < 1000; iter++ {
		maxPG, minPG := math.Inf(-1), math.Inf(1)
		for i, v := range x {
			g := y[i]*(v.dot(w)+w[dim]) - 1 + alpha[i]/(2*cost(i))
			pg := g
			if alpha[i] == 0 && g > 0 {
				pg = 0
			}
			maxPG, minPG = math.Max(maxPG, pg), math.Min(minPG, pg)
			if pg == 0 {
				continue
			}
			old := alpha[i]
			alpha[i] = math.Max(alpha[i]-g/qii[i], 0)
			d := (alpha[i] - old) * y[i]
			for k, j := range v.idx {
				w[j] += d * v.val[k]
			}
			w[dim] += d
		}
		if maxPG-minPG < 1e-4 {
			break
		}
	}
	return w
}

// peerStop is a common English stop-word list for the peers' vectorizer.
var peerStop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above across after afterwards again against all almost alone along already
		also although always am among amongst an and another any anyhow anyone anything anyway anywhere are around as
		at back be became because become becomes becoming been before beforehand behind being below beside besides
		between beyond both but by can cannot could did do does doing done down due during each either else elsewhere
		enough etc even ever every everyone everything everywhere except few for former formerly from further had has
		have having he hence her here hereafter hereby herein hers herself him himself his how however i if in indeed
		into is it its itself just last latter least less many may me meanwhile might more moreover most mostly much
		must my myself namely neither never nevertheless next no nobody none nor not nothing now nowhere of off often
		on once one only onto or other others otherwise our ours ourselves out over own per perhaps please rather
		same seem seemed seeming seems several she should since so some somehow someone something sometime sometimes
		somewhere still such than that the their theirs them themselves then thence there thereafter thereby
		therefore therein thereupon these they this those though through throughout thru thus to together too
		toward towards under until up upon us very via was we well were what whatever when whence whenever where
		whereafter whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom
		whose why will with within without would yet you your yours yourself yourselves`) {
		m[w] = true
	}
	return m
}()
