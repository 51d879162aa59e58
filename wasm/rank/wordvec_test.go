package rank

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEmbeddedWordVectors(t *testing.T) {
	wv := parseWordVectors(wordVecModel)
	require.NotNil(t, wv)
	require.Greater(t, len(wv.hashes), 5000)
	require.Len(t, wv.vecs, len(wv.hashes)*VectorDims)
	for r := range wv.hashes {
		n := 0.0
		for _, x := range wv.vecs[r*VectorDims : (r+1)*VectorDims] {
			n += float64(x) * float64(x)
		}
		require.InDelta(t, 1, n, 1e-5, "row %d is unit length", r)
	}
	for _, w := range []string{"networks", "protein", "genes", "expression", "stochastic"} {
		assert.GreaterOrEqual(t, wv.lookup(stem(w)), int32(0), w)
	}
	assert.Equal(t, int32(-1), wv.lookup("neural network"), "a bigram has no vector")
	assert.Equal(t, int32(-1), wv.lookup("zzqxv"))
	// Abstract-wide co-occurrence puts the words of one field together.
	cos := func(a, b string) float64 {
		ra, rb := int(wv.lookup(stem(a))), int(wv.lookup(stem(b)))
		s := 0.0
		for c := range VectorDims {
			s += float64(wv.vecs[ra*VectorDims+c] * wv.vecs[rb*VectorDims+c])
		}
		return s
	}
	assert.Greater(t, cos("protein", "genes"), cos("protein", "convolutional"))
	assert.Greater(t, cos("convolutional", "image"), cos("convolutional", "genes"))
}

// model builds a wordvec.model: part 0's code 1 is the half-vector (7, 0, ..., 0), part 1's code 2 is
// (0, ..., 0, -7); the hashes and the codes as given.
func model(hashes []uint32, codes []byte) []byte {
	b := []byte(WordVecHeader + itoa(len(hashes)) + "\n")
	book := make([]byte, VectorParts*256*VectorDims/VectorParts/2)
	for i := range book {
		book[i] = 0x88
	}
	sub := VectorDims / VectorParts
	set := func(part, code, j, v int) {
		e := (part*256+code)*sub + j
		shift := 4 - 4*(e%2)
		book[e/2] = book[e/2]&^(15<<shift) | byte(v+8)<<shift
	}
	set(0, 1, 0, 7)
	set(1, 2, sub-1, -7)
	b = append(b, book...)
	var bits []byte
	n, prev := 0, uint32(0)
	put := func(x byte) {
		if n%8 == 0 {
			bits = append(bits, 0)
		}
		bits[len(bits)-1] |= x << (7 - n%8)
		n++
	}
	for _, h := range hashes {
		gap := h - prev
		prev = h
		for range gap >> RiceBits {
			put(1)
		}
		put(0)
		for k := RiceBits - 1; k >= 0; k-- {
			put(byte(gap>>k) & 1)
		}
	}
	return append(append(b, bits...), codes...)
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func TestParseWordVectors(t *testing.T) {
	a, b := "gene", "protein"
	if WordHash(a) > WordHash(b) {
		a, b = b, a
	}
	ha, hb := WordHash(a), WordHash(b)
	wv := parseWordVectors(model([]uint32{ha, hb}, []byte{1, 0, 1, 2}))
	require.NotNil(t, wv)
	assert.Equal(t, []uint32{ha, hb}, wv.hashes)
	assert.InDelta(t, 1, wv.vecs[0], 1e-6, "the first stem is part 0's code 1 and a zero half: (1, 0, ...)")
	assert.InDelta(t, 1/math.Sqrt(2), wv.vecs[VectorDims], 1e-6)
	assert.InDelta(t, -1/math.Sqrt(2), wv.vecs[2*VectorDims-1], 1e-6)
	assert.Equal(t, int32(0), wv.lookup(a))
	assert.Equal(t, int32(1), wv.lookup(b))
	assert.Equal(t, int32(-1), wv.lookup("cell"))

	good := model([]uint32{ha, hb}, []byte{1, 0, 1, 2})
	for name, m := range map[string][]byte{
		"empty":             nil,
		"no header":         []byte("papergist-wordvec 16 2 18 5 2"),
		"other shape":       []byte("papergist-wordvec 8 2 18 5 2\n"),
		"codebooks short":   good[:len(WordVecHeader)+2+100],
		"codes short":       good[:len(good)-1],
		"codes long":        append(append([]byte(nil), good...), 0),
		"hashes unordered":  model([]uint32{hb, ha}, []byte{1, 0, 1, 2}),
		"hash out of range": model([]uint32{1 << WordHashBits}, []byte{1, 0}),
	} {
		assert.Nil(t, parseWordVectors(m), name)
	}
}
