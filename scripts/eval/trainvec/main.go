// Command trainvec learns the word vectors that package rank embeds (wordvec.model) from text that is not
// the ranker's evaluation data: the abstracts of SciTLDR's and Inspec's training splits. `make rankvec` runs
// it; the output is deterministic.
//
// A stem's vector is its row of the positive PMI matrix of stems that share an abstract, reduced to a few
// dimensions by a truncated eigendecomposition (subspace iteration, then Jacobi on the small matrix) and made
// unit length; abstract-wide co-occurrence relates words of one topic ("gene", "expression", "transcript")
// rather than words used alike. Each vector is stored product-quantized: its halves as one byte each, the
// number of the nearest of 256 half-vectors (k-means). A stem is known by a hash, not its text. Stems are the
// ranker's own (rank.Stems).
package main

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strings"

	"github.com/papergist/papergist/scripts/eval/inspec"
	"github.com/papergist/papergist/wasm/rank"
	"github.com/papergist/papergist/wasm/summarize/scitldr"
)

func main() {
	scitldr := flag.String("scitldr", "../../../shared/eval/scitldr/train.jsonl", "SciTLDR training split")
	inspecPath := flag.String("inspec", "../../../shared/eval/inspec/inspec-train.jsonl", "Inspec training split")
	out := flag.String("out", "../../wasm/rank/wordvec.model", "file to write")
	minDocs := flag.Int("min-docs", 2, "a stem needs this many documents to get a vector")
	flag.Parse()
	docs, err := corpus(*scitldr, *inspecPath)
	if err == nil {
		words, df, vecs := train(docs, *minDocs, rank.VectorDims)
		var model []byte
		var n int
		model, n, err = encode(words, df, vecs)
		if err == nil {
			err = os.WriteFile(*out, model, 0o644)
		}
		if err == nil {
			fmt.Printf("trainvec: %d documents, %d stems (%d after hash collisions), %d dimensions -> %s\n",
				len(docs), len(words), n, rank.VectorDims, *out)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "trainvec:", err)
		os.Exit(1)
	}
}

// corpus reads each training abstract as its stems, title first.
func corpus(scitldrPath, inspecPath string) ([][]string, error) {
	recs, err := scitldr.Load(scitldrPath)
	if err != nil {
		return nil, err
	}
	var docs [][]string
	for _, r := range recs {
		docs = append(docs, rank.Stems(r.Title+". "+r.Abstract()))
	}
	ins, err := inspec.Load(inspecPath)
	if err != nil {
		return nil, err
	}
	for _, d := range ins {
		docs = append(docs, rank.Stems(d.Title+". "+d.Abstract))
	}
	return docs, nil
}

type entry struct {
	j int
	v float64
}

// train returns the stems held by at least minDocs documents, sorted, their document frequencies and their
// unit vectors.
func train(docs [][]string, minDocs, dims int) ([]string, []int, [][]float64) {
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, w := range d {
			if !seen[w] {
				df[w]++
				seen[w] = true
			}
		}
	}
	var words []string
	for w, n := range df {
		if n >= minDocs {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	id := make(map[string]int, len(words))
	for i, w := range words {
		id[w] = i
	}
	v := len(words)
	co := make([]map[int]float64, v)
	for i := range co {
		co[i] = map[int]float64{}
	}
	rowSum := make([]float64, v)
	for _, d := range docs {
		for i, w := range d {
			a, ok := id[w]
			if !ok {
				continue
			}
			for j := i + 1; j < len(d); j++ { // the whole abstract is the window
				b, ok := id[d[j]]
				if !ok || a == b {
					continue
				}
				co[a][b]++
				co[b][a]++
				rowSum[a]++
				rowSum[b]++
			}
		}
	}
	ctx := make([]float64, v)
	ctxTotal := 0.0
	for i := range ctx {
		ctx[i] = rowSum[i]
		ctxTotal += ctx[i]
	}
	rows := make([][]entry, v)
	for a := range co {
		for b, n := range co[a] {
			if p := math.Log(n * ctxTotal / (rowSum[a] * ctx[b])); p > 0 {
				rows[a] = append(rows[a], entry{b, p})
			}
		}
		sort.Slice(rows[a], func(x, y int) bool { return rows[a][x].j < rows[a][y].j })
	}
	counts := make([]int, v)
	for i, w := range words {
		counts[i] = df[w]
	}
	return words, counts, eigenVectors(rows, dims)
}

// eigenVectors returns each row's coordinates on the dims leading eigenvectors of the (symmetric) sparse
// matrix (by eigenvalue magnitude, each dimension weighted alike), as unit vectors.
func eigenVectors(rows [][]entry, dims int) [][]float64 {
	v, k := len(rows), dims+10 // oversampled subspace
	mul := func(q [][]float64) [][]float64 {
		y := make([][]float64, v)
		for a := range y {
			ya := make([]float64, k)
			for _, e := range rows[a] {
				for c, x := range q[e.j] {
					ya[c] += e.v * x
				}
			}
			y[a] = ya
		}
		return y
	}
	r := rand.New(rand.NewPCG(1, 2))
	q := make([][]float64, v)
	for a := range q {
		q[a] = make([]float64, k)
		for c := range q[a] {
			q[a][c] = r.NormFloat64()
		}
	}
	for range 6 {
		q = mul(q)
		orthonormalize(q)
	}
	mq := mul(q)
	b := make([][]float64, k)
	for i := range b {
		b[i] = make([]float64, k)
		for j := range b[i] {
			for a := range v {
				b[i][j] += q[a][i] * mq[a][j]
			}
		}
	}
	for i := range b {
		for j := range i {
			m := (b[i][j] + b[j][i]) / 2
			b[i][j], b[j][i] = m, m
		}
	}
	u, lambda := jacobi(b)
	order := make([]int, k)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return math.Abs(lambda[order[x]]) > math.Abs(lambda[order[y]]) })
	out := make([][]float64, v)
	for a := range out {
		vec := make([]float64, dims)
		norm := 0.0
		for c := range vec {
			e := order[c]
			s := 0.0
			for i := range k {
				s += q[a][i] * u[i][e]
			}
			vec[c] = s
			norm += vec[c] * vec[c]
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for c := range vec {
				vec[c] /= norm
			}
		}
		out[a] = vec
	}
	return out
}

// orthonormalize makes the columns of y orthonormal (modified Gram-Schmidt).
func orthonormalize(y [][]float64) {
	k := len(y[0])
	for c := range k {
		for p := range c {
			d := 0.0
			for a := range y {
				d += y[a][c] * y[a][p]
			}
			for a := range y {
				y[a][c] -= d * y[a][p]
			}
		}
		n := 0.0
		for a := range y {
			n += y[a][c] * y[a][c]
		}
		n = math.Sqrt(n) + 1e-30
		for a := range y {
			y[a][c] /= n
		}
	}
}

// jacobi returns the eigenvectors (columns of u) and eigenvalues of the symmetric matrix a.
func jacobi(m [][]float64) (u [][]float64, lambda []float64) {
	n := len(m)
	a := make([][]float64, n)
	u = make([][]float64, n)
	for i := range a {
		a[i] = append([]float64(nil), m[i]...)
		u[i] = make([]float64, n)
		u[i][i] = 1
	}
	for range 100 {
		off := 0.0
		for i := range n {
			for j := i + 1; j < n; j++ {
				off += a[i][j] * a[i][j]
			}
		}
		if off < 1e-20 {
			break
		}
		for p := range n {
			for q := p + 1; q < n; q++ {
				if math.Abs(a[p][q]) < 1e-15 {
					continue
				}
				theta := (a[q][q] - a[p][p]) / (2 * a[p][q])
				t := 1 / (math.Abs(theta) + math.Sqrt(theta*theta+1))
				if theta < 0 {
					t = -t
				}
				c := 1 / math.Sqrt(t*t+1)
				s := t * c
				for k := range n {
					akp, akq := a[k][p], a[k][q]
					a[k][p], a[k][q] = c*akp-s*akq, s*akp+c*akq
				}
				for k := range n {
					apk, aqk := a[p][k], a[q][k]
					a[p][k], a[q][k] = c*apk-s*aqk, s*apk+c*aqk
				}
				for k := range n {
					ukp, ukq := u[k][p], u[k][q]
					u[k][p], u[k][q] = c*ukp-s*ukq, s*ukp+c*ukq
				}
			}
		}
	}
	lambda = make([]float64, n)
	for i := range lambda {
		lambda[i] = a[i][i]
	}
	return u, lambda
}

// encode writes the format package rank reads (see wordVecModel there) and says how many stems it holds: of
// stems with one hash, the one in more abstracts (then the first in order) keeps it.
func encode(words []string, df []int, vecs [][]float64) ([]byte, int, error) {
	const d, parts, codes = rank.VectorDims, rank.VectorParts, 256
	sub := d / parts
	// Product quantization: each part's half-vectors clustered into 256 by k-means.
	books := make([][][]float64, parts)
	assign := make([][]int, parts)
	for p := range parts {
		pts := make([][]float64, len(vecs))
		for i, v := range vecs {
			pts[i] = v[p*sub : (p+1)*sub]
		}
		books[p], assign[p] = kmeans(pts, codes, 30)
	}
	type stem struct {
		h  uint32
		df int
		i  int
	}
	stems := make([]stem, len(words))
	for i, w := range words {
		stems[i] = stem{rank.WordHash(w), df[i], i}
	}
	sort.SliceStable(stems, func(a, b int) bool {
		if stems[a].h != stems[b].h {
			return stems[a].h < stems[b].h
		}
		return stems[a].df > stems[b].df
	})
	kept := stems[:0]
	for _, s := range stems {
		if len(kept) > 0 && kept[len(kept)-1].h == s.h {
			continue
		}
		kept = append(kept, s)
	}
	var b []byte
	b = fmt.Appendf(b, "papergist-wordvec %d %d %d %d %d\n", d, parts, rank.WordHashBits, rank.RiceBits, len(kept))
	if !strings.HasPrefix(string(b), rank.WordVecHeader) {
		return nil, 0, fmt.Errorf("header %q is not the ranker's %q", b, rank.WordVecHeader)
	}
	// The codebooks as signed 4-bit numbers (-7..7 stored plus 8, two to a byte, high first), on one scale:
	// the reader makes each vector unit length, so the scale itself is not stored.
	big := 0.0
	for p := range parts {
		for _, c := range books[p] {
			for _, x := range c {
				big = math.Max(big, math.Abs(x))
			}
		}
	}
	var nibs []byte
	for p := range parts {
		for _, c := range books[p] {
			for _, x := range c {
				nibs = append(nibs, byte(int(math.Round(x/big*7))+8))
			}
		}
	}
	for k := 0; k < len(nibs); k += 2 {
		b = append(b, nibs[k]<<4|nibs[k+1])
	}
	// The hashes, ascending, as Rice-coded gaps: the quotient in unary (ones, then a zero), the remainder in
	// RiceBits bits, most significant bit first.
	var bits bitWriter
	prev := uint32(0)
	for _, s := range kept {
		gap := s.h - prev
		prev = s.h
		for range gap >> rank.RiceBits {
			bits.put(1)
		}
		bits.put(0)
		for k := rank.RiceBits - 1; k >= 0; k-- {
			bits.put(byte(gap>>k) & 1)
		}
	}
	b = append(b, bits.bytes()...)
	for _, s := range kept {
		for p := range parts {
			b = append(b, byte(assign[p][s.i]))
		}
	}
	return b, len(kept), nil
}

type bitWriter struct {
	buf []byte
	n   int
}

func (w *bitWriter) put(bit byte) {
	if w.n%8 == 0 {
		w.buf = append(w.buf, 0)
	}
	w.buf[len(w.buf)-1] |= bit << (7 - w.n%8)
	w.n++
}

func (w *bitWriter) bytes() []byte { return w.buf }

// kmeans clusters the points into k by Euclidean distance (k points drawn at random to start, a fixed seed;
// an emptied cluster restarts from a random point) and returns the centres and each point's cluster.
func kmeans(pts [][]float64, k, rounds int) ([][]float64, []int) {
	r := rand.New(rand.NewPCG(1, 2))
	centres := make([][]float64, k)
	for c := range centres {
		centres[c] = append([]float64(nil), pts[r.IntN(len(pts))]...)
	}
	assign := make([]int, len(pts))
	for range rounds {
		for i, p := range pts {
			best, bestD := 0, math.Inf(1)
			for c, x := range centres {
				dist := 0.0
				for j := range p {
					dist += (p[j] - x[j]) * (p[j] - x[j])
				}
				if dist < bestD {
					best, bestD = c, dist
				}
			}
			assign[i] = best
		}
		sums := make([][]float64, k)
		counts := make([]int, k)
		for c := range sums {
			sums[c] = make([]float64, len(pts[0]))
		}
		for i, p := range pts {
			counts[assign[i]]++
			for j := range p {
				sums[assign[i]][j] += p[j]
			}
		}
		for c := range centres {
			if counts[c] == 0 {
				centres[c] = append([]float64(nil), pts[r.IntN(len(pts))]...)
				continue
			}
			for j := range sums[c] {
				centres[c][j] = sums[c][j] / float64(counts[c])
			}
		}
	}
	return centres, assign
}
