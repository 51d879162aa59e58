package pdfmeta

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
	for mark, text := range map[string]string{"⋆": "A Paper^⋆", "♯": "A Paper^♯", "‖": "A Paper^‖"} {
		ls := splitRow(append(row[:len(row):len(row)], &glyph{x: x, x1: x + 6, y: 707, size: 12, font: f, text: mark}))
		if assert.Len(t, ls, 1) {
			assert.Equal(t, "A Paper", unmarked(ls)[0].text, mark)
			assert.Equal(t, text, tidy(ls[0].text), mark)
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
	add(" and e", 700, 10) // a script with its own script, each smaller and higher: e^(x²), as TeX's e^{x^2}
	add("-x", 703, 7)
	add("2", 705, 5)
	add(" here", 700, 10)
	ls := splitRow(row)
	if assert.Len(t, ls, 1) {
		assert.Equal(t, "ratio d/l_B wells QW₋₁ and QW₂ m² f′(x) at 25°C and e"+scriptCaret+"(-x²) here", ls[0].text)
		assert.Equal(t, 10.0, ls[0].size)
	}
}

// denseRows is a page of n rows of short lines in 3 pt type, 1.5 pt apart, and one 5000 pt glyph (a watermark, a
// drop cap or an odd font matrix) far below them.
func denseRows(n int) []glyph {
	f := &font{}
	gs := []glyph{{x: 0, x1: 2500, y: -10000, size: 5000, font: f, text: "W"}}
	for r := 0; r < n; r++ {
		for k, c := range "ab" {
			x := float64(k) * 1.5
			gs = append(gs, glyph{x: x, x1: x + 1.5, y: 700 - 1.5*float64(r), size: 3, font: f, text: string(c)})
		}
	}
	return gs
}

// TestScriptHostsAreLookedForNearby: the rows looked at for a script's host are bounded by the script's own
// size, not by the page's largest glyph: one huge glyph does not make every short line look at every row.
func TestScriptHostsAreLookedForNearby(t *testing.T) {
	const n = 400
	gs := denseRows(n)
	near := 0 // rows within reach of each short line's script search: 0.75 × hostRatio × 3 pt each way
	for _, g := range gs[1:] {
		for _, h := range gs[1:] {
			if h.x == 0 && g.x == 0 && h.y != g.y && math.Abs(h.y-g.y) <= 0.75*hostRatio*3 {
				near++
			}
		}
	}
	_, looked := rowLines(gs)
	require.Positive(t, near)
	// an order of magnitude of slack; bounded by the 5000 pt glyph, it looked at n² = 160,000 rows
	assert.Less(t, looked, 10*near, "rows looked at, against %d near the scripts", near)
}

// BenchmarkLinesWithHugeGlyph: lines on denseRows(400).
func BenchmarkLinesWithHugeGlyph(b *testing.B) {
	gs := denseRows(400)
	for b.Loop() {
		lines(gs)
	}
}

// TestRowsFollowTheirScripts: after a script moves to its host's row, each line's from and to index the glyphs
// of its row as it is now, in the row the script left ("Figure") and in the row it joined ("cm⁻²").
func TestRowsFollowTheirScripts(t *testing.T) {
	f := &font{}
	var gs []glyph
	add := func(s string, x, y, size float64) {
		for _, r := range s {
			gs = append(gs, glyph{x: x, x1: x + size/2, y: y, size: size, font: f, text: string(r)})
			x += size / 2
		}
	}
	add("density 3 cm", 100, 700, 10)
	add("-2", 160, 704, 6.5)    // raised on a row of its own, after "cm"
	add("Figure", 400, 704, 10) // on the script's row, far to the right
	gs2 := append([]glyph{}, gs...)
	var ps []*glyph
	for i := range gs2 {
		ps = append(ps, &gs2[i])
	}
	rows := [][]*glyph{{ps[12], ps[13], ps[14], ps[15], ps[16], ps[17], ps[18], ps[19]}, ps[:12]}
	ls := [][]line{splitRow(rows[0]), splitRow(rows[1])}
	attachScripts(rows, ls, []float64{704, 700})
	for r := range rows {
		for _, l := range ls[r] {
			if assert.LessOrEqual(t, l.to, len(rows[r]), l.text) {
				var b strings.Builder
				for _, g := range rows[r][l.from:l.to] {
					b.WriteString(g.text)
				}
				assert.Equal(t, strings.ReplaceAll(l.text, " ", ""), strings.NewReplacer("-2", "⁻²", " ", "").Replace(b.String()), l.text)
			}
		}
	}
	assert.Equal(t, "Figure", ls[0][0].text)
	assert.Equal(t, "density 3 cm⁻²", ls[1][0].text)
}

// TestTitleNoteIsAFootnote: a ¹ that ends a title after a word goes only when the page has its note: a line that
// starts with a 1 and a word, below the middle of the page, in a font smaller than the page's text, with no text
// below it in that size. Other digits are an exponent whatever notes the page has: the title's note is its first.
func TestTitleNoteIsAFootnote(t *testing.T) {
	const km, nets = "Population Density per km²", "Keys for neural networks¹"
	page := func(title string, extra ...line) []line {
		ls := []line{{x0: 72, x1: 400, y: 700, size: 18, text: title}}
		for k := 0; k < 20; k++ {
			ls = append(ls, line{x0: 72, x1: 540, y: 600 - 12*float64(k), size: 10, text: "The body is set in the text's size."})
		}
		return append(ls, extra...)
	}
	note := func(y float64, text string) line { return line{x0: 72, x1: 160, y: y, size: 8, text: text} }
	for _, tt := range []struct {
		name, title string
		extra       []line
		want        string
	}{
		{"no footnote", km, nil, km},
		{"no footnote, ¹", nets, nil, nets},
		{"its footnote", nets, []line{note(80, "1 We thank the fund.")}, "Keys for neural networks"},
		{"its footnote, raised", nets, []line{note(80, "¹We thank the fund.")}, "Keys for neural networks"},
		{"its footnote over a page number", nets,
			[]line{note(80, "1 We thank the fund."), {y: 40, size: 10, text: "1"}}, "Keys for neural networks"},
		{"a heading in the text's size", nets, []line{{y: 200, size: 10, text: "1 Introduction"}}, nets},
		{"a bold heading, larger", nets, []line{{y: 200, size: 12, text: "1 Introduction"}}, nets},
		{"a footnote above the middle", nets, []line{note(500, "1 We thank the fund.")}, nets},
		{"an affiliation with text below", nets, []line{note(390, "1 University of Keys, Paris")}, nets},
		{"a footnote over a footer line", nets,
			[]line{note(80, "1 We thank the fund."), {x0: 72, x1: 540, y: 40, size: 10, text: "Preprint. Under review."}}, nets},
		{"a decimal", nets, []line{note(80, "1.5 GHz cores were used.")}, nets},
		{"a bracket", nets, []line{note(80, "1) Dept. of Keys, Paris")}, nets},
		{"an ordinal", nets, []line{note(80, "1st Workshop on Keys, Paris.")}, nets},
		{"a footnote of 12", nets, []line{note(80, "12 We thank the fund.")}, nets},
		{"a footnote of 2 under km²", km, []line{note(80, "2 We thank the fund.")}, km},
		{"a raised footnote of 2 under km²", km, []line{note(80, "²We thank the fund.")}, km},
		{"a footnote of 1 under km²", km, []line{note(80, "1 We thank the fund.")}, km},
		{"Ext¹ with no footnote", "On the Vanishing of Ext¹", nil, "On the Vanishing of Ext¹"},
		{"Ext¹ with its footnote, raised", "On the Vanishing of Ext¹", []line{note(80, "¹We thank the fund.")},
			"On the Vanishing of Ext"},
		// a footer in the text's size that is not under the note, as a page's running foot in its middle
		{"a footnote beside a footer line", nets,
			[]line{note(80, "1 We thank the fund."), {x0: 280, x1: 330, y: 40, size: 10, text: "Preprint."}},
			"Keys for neural networks"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ls := page(tt.title, tt.extra...)
			got := titleNote(ls, []int{0}, 396)
			assert.Equal(t, tt.want, got[0].text)
			assert.Equal(t, tt.title, ls[0].text, "the page's lines are not changed")
		})
	}
}

// TestTitleNoteInAColumn: on a page in two columns the title's note is at the foot of its column, and the other
// column runs on below it; only text below the note in its own column makes it no note.
func TestTitleNoteInAColumn(t *testing.T) {
	const km, nets = "Population Density per km²", "Keys for neural networks¹"
	// columns 72–290 and 320–540: the left one ends at 120 over its notes, the right one runs on to 60
	page := func(title string, extra ...line) []line {
		ls := []line{{x0: 72, x1: 400, y: 700, size: 18, text: title}}
		for y := 600.0; y >= 60; y -= 12 {
			if y >= 120 {
				ls = append(ls, line{x0: 72, x1: 290, y: y, size: 10, text: "The left column of the body."})
			}
			ls = append(ls, line{x0: 320, x1: 540, y: y, size: 10, text: "The right column of the body."})
		}
		return append(ls, extra...)
	}
	note := func(x, y float64, text string) line { return line{x0: x, x1: x + 100, y: y, size: 8, text: text} }
	for _, tt := range []struct {
		name, title string
		extra       []line
		want        string
	}{
		{"its footnote", nets, []line{note(72, 100, "1 We thank the fund."), note(72, 90, "and its people.")},
			"Keys for neural networks"},
		{"its footnote in the right column", nets, []line{note(320, 48, "1 We thank the fund.")},
			"Keys for neural networks"},
		{"no footnote", nets, nil, nets},
		{"an affiliation with its column's text below", nets, []line{note(72, 390, "1 University of Keys, Paris")}, nets},
		{"a note with its column's text below", nets, []line{note(320, 100, "1 We thank the fund.")}, nets},
		{"a decimal", nets, []line{note(72, 100, "1.5 GHz cores were used.")}, nets},
		{"a footnote of 2 under km²", km, []line{note(72, 100, "2 We thank the fund.")}, km},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := titleNote(page(tt.title, tt.extra...), []int{0}, 396)
			assert.Equal(t, tt.want, got[0].text)
		})
	}
}

// TestSmallerStarAmongMarks: a star set smaller and higher than the digit mark before it ("Vapour¹,∗", as a math
// font's ∗ often is) is one more mark, which the title drops, not the digit's own superscript; so are the other
// marks (acmart's ‖, an "equal contribution" #, ♯), which read "Vapour^(1,^‖)" and stayed in the title before.
func TestSmallerStarAmongMarks(t *testing.T) {
	f := &font{}
	for _, mark := range []string{"∗", "*", "†", "‖", "#", "♯", "$"} {
		var row []*glyph
		x := 100.0
		add := func(s string, y, size float64, script int8) {
			for _, r := range s {
				row = append(row, &glyph{x: x, x1: x + size/2, y: y, size: size, font: f, text: string(r), script: script})
				x += size / 2
			}
		}
		add("Clean Water from Vapour", 700, 18, 0)
		add("1,", 707, 12, 1)
		add(mark, 709, 9, 1)
		ls := splitRow(row)
		if assert.Len(t, ls, 1, mark) {
			assert.Equal(t, "Clean Water from Vapour", ls[0].unmarked, mark)
			assert.NotContains(t, ls[0].text, scriptCaret+mark, mark+" is no script of the 1")
		}
	}
}

// TestNestedScriptAfterAGap: a script's own script set a little apart from it (TeX's italic correction and
// scriptspace after the x of e^{x_i}) is written without a space before it: "e^(x_i)", not "e^(x_( i))".
func TestNestedScriptAfterAGap(t *testing.T) {
	f := &font{}
	for _, tt := range []struct {
		gap  float64
		want string
	}{{0, "e^(x_i) grows"}, {1.2, "e^(x_i) grows"}} {
		row := []*glyph{
			{x: 100, x1: 105, y: 700, size: 10, font: f, text: "e"},
			{x: 105, x1: 108.5, y: 703.5, size: 7, font: f, text: "x"},
			{x: 108.5 + tt.gap, x1: 111 + tt.gap, y: 702, size: 5, font: f, text: "i"},
		}
		x := 111 + tt.gap + 5
		for _, r := range "grows" {
			row = append(row, &glyph{x: x, x1: x + 5, y: 700, size: 10, font: f, text: string(r)})
			x += 5
		}
		ls := splitRow(row)
		if assert.Len(t, ls, 1) {
			assert.Equal(t, tt.want, tidy(ls[0].text), tt.gap)
		}
	}
}
