package pdfmeta

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/shared/paper"
)

// LNCS and other classes mark a title's or a name's footnote with TeX's math star ⋆ (and ♯, ‖…), which now
// decode as such (they read "?" before): raised after a word, they are footnote marks, not a title's or a name's
// text ("Paper⋆"). The line's text keeps ♯ and ‖ as superscripts, as an abstract keeps a raised "cm²"; a star
// after a word is a footnote's and says nothing to a reader of the text either.
func TestRaisedMathMarks(t *testing.T) {
	f := &font{}
	var row []*glyph
	x := 100.0
	for _, r := range "A Paper" {
		row = append(row, &glyph{x: x, x1: x + 9, y: 700, size: 18, font: f, text: string(r)})
		x += 9
	}
	for mark, text := range map[string]string{"⋆": "A Paper", "♯": "A Paper^♯", "‖": "A Paper^‖"} {
		ls := splitRow(append(row[:len(row):len(row)], &glyph{x: x, x1: x + 6, y: 707, size: 12, font: f, text: mark}))
		if assert.Len(t, ls, 1) {
			assert.Equal(t, "A Paper", unmarked(ls)[0].text, mark)
			assert.Equal(t, text, ls[0].text, mark)
		}
	}
}

// A title or abstract from a PDF and the same text from a page are spelled by one rule (paper.CleanText).
func TestTidySpellsLigaturesLikePageText(t *testing.T) {
	in := "Efﬁcient Transformers for ﬂow ﬁelds"
	assert.Equal(t, "Efficient Transformers for flow fields", tidy(in))
	assert.Equal(t, paper.CleanText(in), tidy(in))
}

// Scripts set a little off their base's baseline on its own row are written as scripts: abs11-pusep's "l_B",
// "QW₀" and "QW₋₁" read "lB", "QW0" and "QW-1" before, the last a false value.
func TestScriptsOnTheirWordsRow(t *testing.T) {
	f := &font{}
	var row []*glyph
	x := 100.0
	add := func(s string, y, size float64) {
		for _, r := range s {
			row = append(row, &glyph{x: x, x1: x + size/2, y: y, size: size, font: f, text: string(r)})
			x += size / 2
		}
	}
	add("ratio d/l", 700, 10)
	add("B", 698.5, 6.5)
	add(" wells QW", 700, 10)
	add("-1", 697.4, 6.5)
	add(" and QW", 700, 10)
	add("2", 697.4, 6.5)
	add(" m", 700, 10)
	add("2", 703.5, 6.5)
	add(" f", 700, 10) // a prime and a degree ring drawn raised and small: as they are, with no ^
	add("′", 702, 7)
	add("(x) at 25", 700, 10)
	add("∘", 703, 7)
	add("C", 700, 10)
	ls := splitRow(row)
	if assert.Len(t, ls, 1) {
		assert.Equal(t, "ratio d/l_B wells QW₋₁ and QW₂ m² f′(x) at 25°C", ls[0].text)
		assert.Equal(t, 10.0, ls[0].size)
	}
}
