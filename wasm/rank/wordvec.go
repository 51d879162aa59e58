package rank

import (
	_ "embed"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// WordVecHeader starts wordvec.model: the shape below, then the number of stems.
const WordVecHeader = "papergist-wordvec 16 2 18 5 "

// The shape of the word vectors in wordvec.model.
const (
	VectorDims   = 16 // length of a word vector
	VectorParts  = 2  // a vector is stored as this many parts, one byte each (product quantization)
	WordHashBits = 18 // a stem is known by this many bits of its hash
	RiceBits     = 5  // remainder bits of the Rice code of the gaps between hashes
)

// wordVecModel holds word vectors learned from the abstracts of SciTLDR's and Inspec's training splits
// (scripts/eval/trainvec, `make rankvec`), never from the ranker's evaluation data. The format: a line
// "papergist-wordvec <dims> <parts> <hash bits> <rice bits> <count>"; the parts' codebooks, each 256
// sub-vectors of dims/parts signed 4-bit numbers (-7..7 stored plus 8, two to a byte, high first); the stems'
// hashes, ascending, as Rice-coded gaps (the quotient in unary as ones and a zero, then the remainder, most
// significant bit first; padded to a byte); then each stem's codes, a byte a part, in the order of the hashes.
//
//go:embed wordvec.model
var wordVecModel []byte

// wordVectors are the stems' unit vectors, row-major, by ascending hash.
type wordVectors struct {
	hashes []uint32
	vecs   []float32
}

var loadWordVectors = sync.OnceValue(func() *wordVectors {
	wv := parseWordVectors(wordVecModel)
	if wv == nil {
		panic("rank: embedded wordvec.model is corrupt") // a build defect, caught by the tests
	}
	return wv
})

// parseWordVectors reads wordvec.model; nil when it is not this ranker's shape or is cut short.
func parseWordVectors(b []byte) *wordVectors {
	const d, sub, books = VectorDims, VectorDims / VectorParts, VectorParts * 256 * VectorDims / VectorParts / 2
	i := slices.Index(b, '\n')
	if i < 0 || !strings.HasPrefix(string(b[:i]), WordVecHeader) {
		return nil
	}
	n, err := strconv.Atoi(string(b[len(WordVecHeader):i]))
	if err != nil || n < 0 || n > 1<<WordHashBits || len(b) < i+1+books {
		return nil
	}
	book, b := b[i+1:i+1+books], b[i+1+books:]
	wv := &wordVectors{hashes: make([]uint32, n), vecs: make([]float32, n*d)}
	pos, h := 0, uint32(0) // pos in bits
	for k := range wv.hashes {
		q, r := uint32(0), uint32(0)
		for ; pos < 8*len(b) && b[pos/8]>>(7-pos%8)&1 == 1; pos++ {
			q++
		}
		pos++ // the zero that ends the quotient
		for range RiceBits {
			if pos >= 8*len(b) {
				return nil
			}
			r = r<<1 | uint32(b[pos/8]>>(7-pos%8)&1)
			pos++
		}
		next := h + q<<RiceBits + r
		if k > 0 && next <= h || next >= 1<<WordHashBits {
			return nil
		}
		h, wv.hashes[k] = next, next
	}
	codes := b[(pos+7)/8:]
	if len(codes) != n*VectorParts {
		return nil
	}
	for k := range n {
		v := wv.vecs[k*d : (k+1)*d]
		norm := float32(0)
		for j := range v {
			e := (j/sub*256+int(codes[k*VectorParts+j/sub]))*sub + j%sub // nibble of the part's code, coordinate j
			x := float32(int(book[e/2]>>(4-4*(e%2))&15) - 8)
			v[j] = x
			norm += x * x
		}
		if norm > 0 {
			for j := range v {
				v[j] /= float32(math.Sqrt(float64(norm)))
			}
		}
	}
	return wv
}

// WordHash is the hash a stem is known by in wordvec.model: the leading WordHashBits bits of its 32-bit FNV-1a.
func WordHash(term string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(term); i++ {
		h ^= uint32(term[i])
		h *= 16777619
	}
	return h >> (32 - WordHashBits)
}

// lookup is the row of a term's vector, or -1 (a bigram, or a stem the vectors do not know; a stem outside
// the vectors' vocabulary shares a known stem's hash about once in fifty).
func (wv *wordVectors) lookup(term string) int32 {
	if isBigram(term) {
		return -1
	}
	if r, ok := slices.BinarySearch(wv.hashes, WordHash(term)); ok {
		return int32(r)
	}
	return -1
}

// Stems returns the stemmed content words of a text, as the ranker reads them (the word vectors are learned
// over the same stems).
func Stems(text string) []string {
	all := terms(nil, text)
	out := all[:0]
	for _, t := range all {
		if !isBigram(t) {
			out = append(out, t)
		}
	}
	return out
}

// semanticScores is the word-vector view of the listing: each paper is the idf-weighted sum of its words'
// vectors, centred on the mean of the library's and the listing's papers and made unit length; a listing
// paper's score is its dot product with the sum of the library's. It relates words the titles never share
// ("transcriptome" and "gene expression"). Nil when no listing paper has a known word.
func semanticScores(lib []*doc, queries [][]termFreq, idf []float64, vecOf []int32, wv *wordVectors) []float64 {
	const d = VectorDims
	dense := func(tf []termFreq, dst []float64) bool {
		found := false
		for _, x := range tf {
			r := vecOf[x.t]
			if r < 0 {
				continue
			}
			w := sublinear(x.f) * idf[x.t]
			for c, v := range wv.vecs[int(r)*d : int(r)*d+d] {
				dst[c] += w * float64(v)
			}
			found = true
		}
		return found && unit(dst)
	}
	libVecs := make([]float64, len(lib)*d)
	qVecs := make([]float64, len(queries)*d)
	var mean [d]float64
	count, known := 0, 0
	for i, x := range lib {
		if v := libVecs[i*d : i*d+d]; dense(x.tf, v) {
			addTo(mean[:], v)
			count++
		}
	}
	for i, q := range queries {
		if v := qVecs[i*d : i*d+d]; dense(q, v) {
			addTo(mean[:], v)
			count++
			known++
		}
	}
	if known == 0 {
		return nil
	}
	for c := range mean {
		mean[c] /= float64(count)
	}
	var centroid [d]float64
	for i := range lib {
		if v := libVecs[i*d : i*d+d]; center(v, mean[:]) {
			addTo(centroid[:], v)
		}
	}
	out := make([]float64, len(queries))
	for i := range queries {
		if v := qVecs[i*d : i*d+d]; center(v, mean[:]) {
			for c, x := range v {
				out[i] += x * centroid[c]
			}
		}
	}
	return out
}

// mixSemantic adds the word-vector view to the scores of the listing papers that share a term with the
// library, both views standardized over those papers (mean and deviation) and the word vectors weighted
// semanticWeight against the rest; the scores keep their own scale, and a paper that shares nothing stays at 0.
func mixSemantic(out []Scored, semantic []float64) {
	if semantic == nil {
		return
	}
	var base, sem []float64
	for i, s := range out {
		if s.Score > 0 {
			base, sem = append(base, s.Score), append(sem, semantic[i])
		}
	}
	if len(base) < 2 {
		return
	}
	_, bsd := meanDev(base)
	sm, ssd := meanDev(sem)
	if bsd == 0 || ssd == 0 {
		return
	}
	for i := range out {
		if out[i].Score <= 0 {
			continue // a paper that shares nothing with the library stays at 0: no reason to show it
		}
		out[i].Score += semanticWeight * bsd / ssd * (semantic[i] - sm)
	}
}

func meanDev(xs []float64) (mean, dev float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		dev += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(dev / float64(len(xs)))
}

func addTo(dst, v []float64) {
	for c, x := range v {
		dst[c] += x
	}
}

// unit scales v to length 1; false (v left as it is) when v is zero.
func unit(v []float64) bool {
	n := 0.0
	for _, x := range v {
		n += x * x
	}
	if n == 0 {
		return false
	}
	n = math.Sqrt(n)
	for c := range v {
		v[c] /= n
	}
	return true
}

// center subtracts the mean from a non-zero unit vector and makes it unit again; a zero vector (a paper with
// no known word) stays zero and says false.
func center(v, mean []float64) bool {
	zero := true
	for _, x := range v {
		if x != 0 {
			zero = false
			break
		}
	}
	if zero {
		return false
	}
	for c := range v {
		v[c] -= mean[c]
	}
	return unit(v)
}
