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

// TestLeadInFirstByte checks what cutLeadIn's first-byte test assumes: a lead-in that strings.EqualFold finds at
// the start of a sentence opens with the sentence's first byte, in lower case. It tries every lead-in against
// sentences that open with each one in lower case, capitalized and in capitals, and with the non-ASCII letters
// that fold to ASCII ones (the Kelvin sign to k, the long s to s) in the first letter's place; the first three
// are cut.
func TestLeadInFirstByte(t *testing.T) {
	for _, l := range leadIns {
		if l == "" || l[0] < 'a' || l[0] > 'z' {
			t.Fatalf("lead-in %q does not open with an ASCII lower-case letter", l)
		}
		for k, opening := range []string{l, strings.ToUpper(l[:1]) + l[1:], strings.ToUpper(l), "\u212a" + l[1:],
			"\u017f" + l[1:]} {
			s := opening + ", we study X."
			for _, m := range leadIns {
				if len(s) > len(m) && strings.EqualFold(s[:len(m)], m) && s[0]|0x20 != m[0] {
					t.Fatalf("lead-in %q opens %q, whose first byte rules it out", m, s)
				}
			}
			if _, ok := cutLeadIn(s); k < 3 && !ok {
				t.Errorf("cutLeadIn(%q) cut no lead-in", s)
			}
		}
	}
}

// TestDropLeadInCapitalizesOnce checks that dropLeadIn capitalizes a cut sentence once, keeping the copy it
// checks for a subject that points back: "In this paper, we …" costs one new string, not two. It also
// checks the results, a dotless ı that capitalizes to an ASCII I included: lead-ins are cut from the
// sentence as written, where "ın this paper" opens with no lead-in.
func TestDropLeadInCapitalizesOnce(t *testing.T) {
	for in, want := range map[string]string{
		"In this paper, we study graphs.":                "We study graphs.",
		"In this paper, to this end, we study graphs.":   "We study graphs.",
		"we study graphs.":                               "We study graphs.",
		"In this paper, ın this paper, we study graphs.": "In this paper, we study graphs.",
		"In this paper, this shows graphs.":              "In this paper, this shows graphs.",
	} {
		if got := dropLeadIn(in); got != want {
			t.Errorf("dropLeadIn(%q) = %q, want %q", in, got, want)
		}
	}
	s := "In this paper, we study graphs."
	if n := testing.AllocsPerRun(10, func() { dropLeadIn(s) }); n != 1 {
		t.Errorf("dropLeadIn(%q) allocated %v times, want 1: the capitalized rest", s, n)
	}
}

// TestHasInline holds hasInline, which looks for what the inlines open with, to what it stands for: some one
// of inlines is in s. The strings hold each phrase at the start, in the middle and at the end, near misses
// (" in this", " in these papers", " within this paper"), the opening twice over, and nothing.
func TestHasInline(t *testing.T) {
	texts := []string{"", " in this", " in this ", "We show, in this work.", " in this in this paper", " in this in this",
		"within this paper we", "in this paper we", "Results in these papers hold.", " in this papers", " In this paper"}
	for _, p := range inlines {
		texts = append(texts, p, p+" we", "We prove"+p+", that", "We"+p[:len(p)-1]+" show")
	}
	found := 0
	for _, s := range texts {
		want := false
		for _, p := range inlines {
			want = want || strings.Contains(s, p)
		}
		if got := hasInline(s); got != want {
			t.Errorf("hasInline(%q) = %v, want %v", s, got, want)
		}
		if want {
			found++
		}
	}
	if found < 3*len(inlines) {
		t.Fatalf("%d texts with an inline phrase, want %d or more", found, 3*len(inlines))
	}
}
