package summarize

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/wasm/summarize/internal/compress"
)

// TestFirstFieldsMatchesStringsFields checks firstFields against strings.Fields on every string of up to
// four characters from an alphabet of ASCII, Unicode and invalid spaces and letters, and on longer ones.
func TestFirstFieldsMatchesStringsFields(t *testing.T) {
	alphabet := []string{" ", "\t", "\n", "\u00a0", "\u2003", "\u0085", "a", "É", "\xff", "\xe2\x80", ","}
	check := func(s string) {
		for limit := 0; limit <= 6; limit++ {
			first, n := firstFields(s, limit)
			f := strings.Fields(s)
			want, wantFirst := min(len(f), limit), ""
			if want > 0 {
				wantFirst = f[0]
			}
			assert.Equal(t, want, n, "%q limit %d", s, limit)
			assert.Equal(t, wantFirst, first, "%q limit %d", s, limit)
		}
	}
	var gen func(prefix string, depth int)
	gen = func(prefix string, depth int) {
		check(prefix)
		if depth == 0 {
			return
		}
		for _, c := range alphabet {
			gen(prefix+c, depth-1)
		}
	}
	gen("", 4)
	check("  we propose a new method of training sparse autoencoders which we call SparseBox. ")
	check("We\u00a0propose\u2003a new\tmethod")
}

// One list of one-word connectives serves both passes: compress drops each before stage two scores the
// sentence, and standAlone drops each from the TL;DR it is given. Before, "Meanwhile," was only standAlone's
// and "Interestingly," only compress's.
func TestConnectivesAreOneListForBothPasses(t *testing.T) {
	rest := "we add a learned memory of key vectors to every attention layer of the encoder."
	want := "We add a learned memory of key vectors to every attention layer of the encoder."
	for _, w := range compress.Connectives {
		s := strings.ToUpper(w[:1]) + w[1:] + ", " + rest
		assert.Equal(t, want, compress.Clean(s), "compress: %s", w)
		assert.Equal(t, want, standAlone(s), "standAlone: %s", w)
	}
	assert.Contains(t, compress.Connectives, "meanwhile")
	assert.Contains(t, compress.Connectives, "interestingly")
}

// The connectives dropped inside a TL;DR are one list with those compress drops at the start of a sentence:
// each of compress.MidConnectives goes in both places.
func TestMidConnectivesAreOneListForBothPlaces(t *testing.T) {
	rest := "we add a learned memory of key vectors to every attention layer of the encoder."
	for _, c := range compress.MidConnectives {
		s := strings.ToUpper(c[:1]) + c[1:] + ", " + rest
		assert.Equal(t, "We add a learned memory of key vectors to every attention layer of the encoder.", compress.Clean(s), c)
		assert.Equal(t, "This paper discusses the origin of adversarial examples from a new point of view.",
			standAlone("This paper, "+c+", discusses the origin of adversarial examples from a new point of view."), c)
	}
	assert.Contains(t, compress.MidConnectives, "on the other hand")
	assert.Contains(t, compress.Connectives, "however")
}
