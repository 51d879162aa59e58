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

// TestCutLeadInMatchesEqualFold holds cutLeadIn, which rules lead-ins out by their first byte before it folds
// case, to a plain strings.EqualFold over every lead-in: on each lead-in in lower case, capitalized and in
// capitals, and with the non-ASCII letters that fold to ASCII ones (the Kelvin sign to k, the long s to s)
// in its first letter's place.
func TestCutLeadInMatchesEqualFold(t *testing.T) {
	reference := func(s string) (string, bool) {
		for _, l := range leadIns {
			if len(s) <= len(l) || !strings.EqualFold(s[:len(l)], l) {
				continue
			}
			switch rest := s[len(l):]; {
			case strings.HasPrefix(rest, ", "):
				return rest[2:], true
			case strings.HasPrefix(rest, " we ") || strings.HasPrefix(rest, " We "):
				return rest[1:], true
			}
		}
		return s, false
	}
	for _, l := range leadIns {
		// the first byte alone may rule a lead-in out only while each opens with an ASCII lower-case letter
		if l == "" || l[0] < 'a' || l[0] > 'z' {
			t.Fatalf("lead-in %q does not open with an ASCII lower-case letter", l)
		}
		for _, opening := range []string{l, strings.ToUpper(l[:1]) + l[1:], strings.ToUpper(l),
			"\u212a" + l[1:], "\u017f" + l[1:]} {
			for _, s := range []string{opening + ", we study X.", opening + " we study X.", opening + " X."} {
				rest, ok := cutLeadIn(s)
				wantRest, wantOK := reference(s)
				if rest != wantRest || ok != wantOK {
					t.Fatalf("cutLeadIn(%q) = %q, %v; strings.EqualFold over the lead-ins gives %q, %v", s, rest, ok, wantRest, wantOK)
				}
			}
		}
	}
}
