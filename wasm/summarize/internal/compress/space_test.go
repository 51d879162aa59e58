package compress

import (
	"strings"
	"testing"
)

// TestHasDoubleSpace holds the word-at-a-time scan to strings.Contains on every string of spaces and
// letters up to 13 bytes, and on a double space at every offset of longer ones (chunk boundaries).
func TestHasDoubleSpace(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := hasDoubleSpace(s), strings.Contains(s, "  "); got != want {
			t.Fatalf("hasDoubleSpace(%q) = %v, want %v", s, got, want)
		}
	}
	for n := 0; n <= 13; n++ {
		for bits := 0; bits < 1<<n; bits++ {
			b := []byte(strings.Repeat("x", n))
			for i := range b {
				if bits&(1<<i) != 0 {
					b[i] = ' '
				}
			}
			check(string(b))
		}
	}
	for n := 2; n <= 40; n++ {
		for i := 0; i+1 < n; i++ {
			b := []byte(strings.Repeat("a b", n)[:n])
			check(string(b))
			b[i], b[i+1] = ' ', ' '
			check(string(b))
			b[i+1] = '\xa0' // a byte whose low seven bits are a space's
			check(string(b))
		}
	}
}
