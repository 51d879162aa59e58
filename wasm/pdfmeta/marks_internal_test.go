package pdfmeta

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/shared/paper"
)

// LNCS and other classes mark a title's or a name's footnote with TeX's math star ⋆ (and ♯, ‖…), which now
// decode as such (they read "?" before): raised after a word, they are footnote marks, not text ("Paper⋆").
func TestRaisedMathMarks(t *testing.T) {
	f := &font{}
	var row []*glyph
	x := 100.0
	for _, r := range "A Paper" {
		row = append(row, &glyph{x: x, x1: x + 9, y: 700, size: 18, font: f, text: string(r)})
		x += 9
	}
	for _, mark := range []string{"⋆", "♯", "‖"} {
		ls := splitRow(append(row[:len(row):len(row)], &glyph{x: x, x1: x + 6, y: 707, size: 12, font: f, text: mark}))
		if assert.Len(t, ls, 1) {
			assert.Equal(t, "A Paper", ls[0].text, mark)
		}
	}
}

// A title or abstract from a PDF and the same text from a page are spelled by one rule (paper.CleanText).
func TestTidySpellsLigaturesLikePageText(t *testing.T) {
	in := "Efﬁcient Transformers for ﬂow ﬁelds"
	assert.Equal(t, "Efficient Transformers for flow fields", tidy(in))
	assert.Equal(t, paper.CleanText(in), tidy(in))
}
