package keyphrase

import (
	"strings"
	"testing"
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
