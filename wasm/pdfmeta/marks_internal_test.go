package pdfmeta

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
