package pdfmeta

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Unicode puts the combining negation slash (U+0338) after its relation ("=\u0338" is ≠ decomposed), TeX's
// fonts draw it before: the slash after a relation was dropped, which turned "a ≠ b" into "a = b".
func TestNegationSlashInEitherOrder(t *testing.T) {
	for in, want := range map[string]string{
		"if a =\u0338 b then":    "if a ≠ b then", // Unicode's order
		"x ∈\u0338 S and y":      "x ∉ S and y",
		"a <\u0338b":             "a ≮b",
		"P \u0338= NP":           "P ≠ NP", // TeX's order, a space between allowed
		"x \u0338 ∈ S":           "x ∉ S",
		"x\u0338∈ S":             "x∉ S",        // TeX's order wins over a letter before the slash
		"a ⊏\u0338 b":            "a ⊏\u0338 b", // a relation without a composed form keeps its slash
		"a \u0338 b and c\u0338": "a  b and c",  // a slash by no relation is dropped
	} {
		assert.Equal(t, want, negate(in), in)
	}
	assert.Equal(t, "if a ≠ b then", tidy("if a =\u0338 b then"))
}
