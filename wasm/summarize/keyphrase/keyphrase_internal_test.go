package keyphrase

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestPhraseShapeAgreesWithItsParts checks the one-pass phraseShape against isPhraseWord and shapeOf, which
// it stands for, on every word of up to five characters over an alphabet of the bytes they look at, and on
// longer words of our own.
func TestPhraseShapeAgreesWithItsParts(t *testing.T) {
	check := func(w string) {
		t.Helper()
		phrase, shape := phraseShape(w)
		want, wantShape := isPhraseWord(w), uint8(0)
		if want {
			wantShape = shapeOf(w)
		}
		if phrase != want || shape != wantShape {
			t.Fatalf("phraseShape(%q) = %v, %05b; isPhraseWord, shapeOf: %v, %05b", w, phrase, shape, want, wantShape)
		}
	}
	alphabet := []string{"a", "B", "e", "s", "S", "l", "L", "y", "Y", "7", "-", "'", "é", "Ä"}
	var grow func(prefix string, left int)
	grow = func(prefix string, left int) {
		check(prefix)
		if left == 0 {
			return
		}
		for _, a := range alphabet {
			grow(prefix+a, left-1)
		}
	}
	grow("", 5)
	for _, w := range []string{"family", "Family", "FAMILY", "monopoly", "anomaly", "quickly", "Quickly", "BERT-only",
		"ResNet-50", "CIFAR-10", "10-fold", "state-of-the-art", "networks", "classes", "process", "GPUs",
		"analyses", "Lyapunov", "naïvely", "Ångström", strings.Repeat("a", 30), strings.Repeat("a", 31),
		strings.Repeat("é", 16), strings.Repeat("é", 31)} {
		check(w)
	}
}

// TestAcronymFromShapesAgreesWithText checks doc.acronym, which reads a candidate's acronyms from its words'
// shapes, against hasAcronym of its displayed text, on texts of our own whose phrases are split by runs of
// spaces, tabs, newlines, form feeds and vertical tabs.
func TestAcronymFromShapesAgreesWithText(t *testing.T) {
	m := &Model{Docs: 10, Lex: map[string]*Word{}}
	m.Prepare()
	texts := [][2]string{
		{"Sparse Mixture Models for ImageNet", "We train sparse mixture\tmodels on ImageNet  and CIFAR-10 with\nResNet-50 backbones."},
		{"Graph\fNeural Networks", "Graph\fNeural networks and graph\vConvolution layers meet deep\fSets in GPT-2\fstyle decoders."},
		{"", "Deep\fLearning for protein\vFolding,  with Large\t\tLanguage Models and BERT-like\r\nencoders."},
	}
	seen := 0
	for _, tt := range texts {
		d := scan(tt[0], tt[1], m)
		for i := range d.cands {
			c := &d.cands[i]
			p, odd := displaySpaces(d.span(c.start, c.end))
			if p != display(d.span(c.start, c.end)) {
				t.Fatalf("displaySpaces(%q) = %q, display: %q", d.span(c.start, c.end), p, display(d.span(c.start, c.end)))
			}
			if got, want := d.acronym(c, p, odd), hasAcronym(p); got != want {
				t.Errorf("acronym of %q = %v, hasAcronym: %v", p, got, want)
			}
			seen++
		}
		docs.Put(d)
	}
	if seen < 30 {
		t.Fatalf("only %d candidates", seen)
	}
}

// TestASCIICaseChecksAgreeWithUnicode checks the ASCII paths of isTitleCased and isShouting against their
// Unicode forms on random texts of capitals, small letters, digits, spaces and letters beyond ASCII.
func TestASCIICaseChecksAgreeWithUnicode(t *testing.T) {
	parts := []string{"A", "Z", "b", "z", "7", " ", "  ", "\t", "\n", "-", ".", "É", "é", "\u00a0", "Σ"}
	rng := rand.New(rand.NewPCG(20, 15))
	for range 200000 {
		var b strings.Builder
		ascii := rng.IntN(2) == 0 // half of them ASCII only, which takes the fast path throughout
		caps := rng.IntN(2) == 0  // half of them mostly in capitals, near isShouting's threshold
		for n := rng.IntN(40); n > 0; n-- {
			p := parts[rng.IntN(len(parts))]
			if caps && rng.IntN(10) < 8 {
				p = parts[rng.IntN(2)]
			}
			if ascii && p[0] >= 0x80 {
				continue
			}
			b.WriteString(p)
		}
		s := b.String()
		if got, want := isTitleCased(s), isTitleCasedUnicode(s); got != want {
			t.Fatalf("isTitleCased(%q) = %v, isTitleCasedUnicode: %v", s, got, want)
		}
		if got, want := isShouting(s), isShoutingUnicode(s); got != want {
			t.Fatalf("isShouting(%q) = %v, isShoutingUnicode: %v", s, got, want)
		}
	}
}

// TestWrittenAsIsNewWordType checks wordType.writtenAs, which wordTypes.find uses for a word of the model with
// capitals, against newWordType on the written word, for every word of the shipped model's lexicon in title
// case, in capitals and with a capital inside.
func TestWrittenAsIsNewWordType(t *testing.T) {
	m := shippedModel(t)
	n := 0
	for i, w := range m.lexicon.keys {
		e := m.lexicon.entries[i]
		if !e.hasForm || w == "" || w[0] >= utf8.RuneSelf {
			continue
		}
		r, size := utf8.DecodeRuneInString(w)
		for _, written := range []string{string(unicode.ToUpper(r)) + w[size:], strings.ToUpper(w), w[:size] + strings.ToUpper(w[size:])} {
			if strings.ToLower(written) != w {
				continue
			}
			want := newWordType(written, w, e)
			if got := e.form.writtenAs(written); got != want {
				t.Fatalf("writtenAs(%q) = %+v, newWordType = %+v", written, got, want)
			}
			n++
		}
	}
	if n < 1000 {
		t.Fatalf("only %d forms checked", n)
	}
}

// writeLower writes what strings.ToLower returns, past its ASCII fast path too: a capital beyond ASCII, the
// Kelvin sign, a byte that is no UTF-8.
func TestWriteLower(t *testing.T) {
	for _, w := range []string{"", "lstm", "LSTMs", "Gaussian", "Ünal", "GRÖßE", "İstanbul", "5\u212aM", "AB\xffCD", "R-CNN"} {
		var b strings.Builder
		writeLower(&b, w)
		if got, want := b.String(), strings.ToLower(w); got != want {
			t.Errorf("writeLower(%q) = %q, want %q", w, got, want)
		}
	}
}
