// Package pdftest writes small, valid one-page PDFs laid out like a paper's first page, for tests.
package pdftest

import (
	"bytes"
	"fmt"
	"strings"
)

// Page is the first page to draw; empty parts are left out. Bytes 1–8 in its text are drawn in a symbol font
// without a character map, as AIP's and LuaTeX's PDFs have, whose encoding names them H20849 and H20850
// (the parentheses of AIP's MathematicalPi fonts), zero.prop, one.prop and two.prop (LuaTeX's digits), and
// H11001, H11002 and H11005 (MathematicalPi's plus, minus and equals). A rune U+E000+c (Private Use) is drawn
// as code c (0–255) of a TeX font without a character map or an encoding, as TeX's PDFs have them: CMSY10,
// and from U+E100, U+E200, U+E300, U+E400 and U+E500 on CMMI10, CMEX10, MSAM10, MSBM10 and CMR10; from
// U+E600 on in Symbol, likewise, from U+E700 on in SymbolMT, whose character map gives U+F000+c, and from
// U+E800 on in CMTI10, whose encoding names codes 0 (unknownglyph), 12 (fi), 33, 38, 48 and 63.
type Page struct {
	Header  string   // a small line at the top (a running head, an arXiv stamp)
	Title   []string // title lines, 18 pt bold; raised and lowered parts as in Abstract
	Authors string   // one line, 11 pt; raised and lowered parts as in Abstract
	// Scripts reads "^" and "_" in Title, Authors and Abstract as raised and lowered parts ("q^vol", "H_2|O");
	// without it they are text ("snake_case", "a^b")
	Scripts bool
	// AuthorLines continue Authors on more lines, 11 pt (a list that wraps)
	AuthorLines []string
	// AuthorMarks sets a row of superscript affiliation marks (6 pt) above each line of authors
	AuthorMarks bool
	// Grid is an author grid: rows of names side by side, 11 pt, each name above Affil in 9 pt
	Grid  [][]string
	Affil string // one line, 9 pt
	// Abstract follows an "Abstract" label, wrapped at about 80 characters, 9 pt; its words may have footnote
	// marks, and raised and lowered parts with Scripts, drawn as words draws "Wikipedia`1", "q^vol" and "H_2|O"
	Abstract string
	// AbstractRight ends the abstract at the top of a right-hand column, above a "Keywords:" line; the
	// abstract's start then takes the left column (about 40 characters a line) above a gap and body text
	AbstractRight string
	// AbstractUnlabelled sets the abstract without a label, justified, after a "Received" dateline and above
	// a body in two narrower columns (as AIP's and REVTeX's journals do)
	AbstractUnlabelled bool
	// Encrypt is an /Encrypt dictionary for the trailer, which then gets an /ID too: a locked PDF
	Encrypt string
	// OneColumnBody: with AbstractUnlabelled, the body below is one column as wide as the abstract
	OneColumnBody bool
	// Footnote is a line at the foot of the page, 8 pt ("* We thank the fund.")
	Footnote string
	// TwoColumns sets a body in two 9 pt columns below "1 Introduction": the left one ends above Footnote, which
	// sits at the foot of that column, and the right one runs down below the note's baseline (IEEE's, ACL's pages)
	TwoColumns bool
	// MorePages are blank pages after the first
	MorePages int
	// TitleMark follows the title's last line after a space, at its size and on its baseline but in the regular
	// weight, as Wiley's journals set a reference's "[1]" after a bold title
	TitleMark string
}

// Paper returns the PDF bytes of p: Helvetica text on a US Letter page, with a correct cross-reference table.
func Paper(p Page) []byte {
	var content bytes.Buffer
	y := 740.0
	textAt := func(font string, size, x, y float64, s string) {
		fmt.Fprintf(&content, "BT /%s %g Tf %g %g Td (%s) Tj ET\n", font, size, x, y, symbols(escape(s), font, size))
	}
	text := func(font string, size, x float64, s string) { textAt(font, size, x, y, s) }
	if p.Header != "" {
		text("F1", 8, 72, p.Header)
		y -= 40
	}
	for i, l := range p.Title {
		words(textAt, "F2", 18, 72, y, l, p.Scripts)
		if i == len(p.Title)-1 && p.TitleMark != "" {
			textAt("F1", 18, 72+9*float64(len(l)+1), y, p.TitleMark)
		}
		y -= 22
	}
	y -= 8
	for _, l := range append([]string{p.Authors}, p.AuthorLines...) {
		if l == "" {
			continue
		}
		if p.AuthorMarks {
			y += 4
			for x := 130.0; x < 500; x += 90 {
				text("F1", 6, x, "1,2")
			}
			y -= 4
		}
		words(textAt, "F1", 11, 72, y, l, p.Scripts)
		y -= 14
	}
	for _, row := range p.Grid {
		for c, name := range row {
			text("F1", 11, 72+float64(c)*180, name)
		}
		y -= 12
		for c := range row {
			text("F1", 9, 72+float64(c)*180, p.Affil)
		}
		y -= 24
	}
	if len(p.Grid) > 0 {
		p.Affil = ""
	}
	if p.Affil != "" {
		text("F1", 9, 72, p.Affil)
		y -= 30
	}
	if p.Footnote != "" {
		textAt("F1", 8, 72, 72, p.Footnote)
	}
	if p.Abstract != "" && p.AbstractUnlabelled {
		text("F1", 9, 72, "Received 1 January 2024; published 2 February 2024")
		y -= 14
		ls := wrap(p.Abstract, 80)
		for i, l := range ls {
			tw := 0.0 // word spacing that brings the line to 80 characters' width, the last line apart
			if n := strings.Count(l, " "); n > 0 && i < len(ls)-1 {
				tw = 4.5 * float64(80-len(l)) / float64(n)
			}
			fmt.Fprintf(&content, "BT /F1 9 Tf %g Tw 72 %g Td (%s) Tj ET\n", tw, y, escape(l))
			y -= 11
		}
		y -= 20
		if p.OneColumnBody {
			for _, l := range wrap(strings.Repeat("The body of the paper is set in one column below the abstract. ", 6), 80) {
				text("F1", 9, 72, l)
				y -= 11
			}
		} else {
			body := wrap(strings.Repeat("The body of the paper is set in two columns below the abstract. ", 4), 36)
			for _, l := range body {
				text("F1", 9, 72, l)
				text("F1", 9, 320, l)
				y -= 11
			}
		}
	} else if p.Abstract != "" {
		text("F2", 10, 72, "Abstract")
		y -= 14
		top, width := y, 80
		if p.AbstractRight != "" {
			width = 40
		}
		for _, l := range wrap(p.Abstract, width) {
			words(textAt, "F1", 9, 72, y, l, p.Scripts)
			y -= 11
		}
		y -= 20
		if p.AbstractRight == "" {
			text("F2", 12, 72, "1 Introduction")
			if p.TwoColumns {
				body := wrap("The body of the paper is set in two columns below the abstract, down to the foot.", 40)
				for k, at := 0, y-14; at >= 62; k, at = k+1, at-11 {
					if at >= 95 {
						textAt("F1", 9, 72, at, body[k%len(body)])
					}
					textAt("F1", 9, 320, at, body[k%len(body)])
				}
			}
		} else {
			text("F1", 9, 72, "The body of the paper starts here in the left column")
			y = top
			for _, l := range wrap(p.AbstractRight, width) {
				words(textAt, "F1", 9, 320, y, l, p.Scripts)
				y -= 11
			}
			text("F1", 9, 320, "Keywords: generated PDFs; tests")
		}
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R " +
			"/Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R" + texResources() + " >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /MathematicalPi-Three /Encoding << /Type /Encoding " +
			"/Differences [1 /H20849 /H20850 /zero.prop /one.prop /two.prop /H11001 /H11002 /H11005] >> >>",
	}
	for _, name := range texFonts {
		if name == "SymbolMT" { // a character map that gives the codes in Private Use, as word processors write
			objs = append(objs, fmt.Sprintf("<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+SymbolMT /ToUnicode %d 0 R >>", len(objs)+2))
			cmap := "begincmap\n1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfrange <20> <FF> <F020> endbfrange\nendcmap\n"
			objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(cmap), cmap))
			continue
		}
		if name == "CMTI10" { // names for some codes, as pdfTeX writes them
			objs = append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+CMTI10 /Encoding << /Type /Encoding "+
				"/Differences [0 /unknownglyph 12 /fi 33 /exclam 38 /ampersand 48 /zero 63 /question] >> >>")
			continue
		}
		objs = append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+"+name+" >>")
	}
	kids := "3 0 R"
	for range p.MorePages {
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")
		kids += fmt.Sprintf(" %d 0 R", len(objs))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, 1+p.MorePages)
	objs = append(objs, "<< /Title (generated.pdf) >>")
	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	enc := ""
	if p.Encrypt != "" {
		enc = fmt.Sprintf(" /Encrypt %s /ID [<%s> <%[2]s>]", p.Encrypt, strings.Repeat("0f", 16))
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, len(objs), enc, xref)
	return out.Bytes()
}

// words draws a line at x, y in font and size: in one string, or word by word where a word has a raised or
// lowered part, in a font two thirds as large on a row of its own: "q^vol" raises "vol" by 0.44 of size,
// "H_2|O" lowers "2" by 0.28 of size (a part runs to the word's end or to a "|", after which the word goes on on
// the baseline), and "Wikipedia`1" sets a footnote mark "1" 8/9 as large and raised 2/9 of size, on the word's
// row. A "^" or "_" in a part starts the part's own part, drawn in the same way ("e^x^2", "e^x_i"); only that one
// level is drawn: a third marker ("e^x^2^3") is drawn as text. "^" and "_" are text unless scripts. Glyphs are
// placed as Helvetica without widths is read: half the font size a character.
func words(textAt func(font string, size, x, y float64, s string), font string, size, x, y float64, l string, scripts bool) {
	marks := "`"
	if scripts {
		marks = "^_`"
	}
	if !strings.ContainsAny(l, marks) {
		textAt(font, size, x, y, l)
		return
	}
	for _, w := range strings.Fields(l) {
		if base, note, ok := strings.Cut(w, "`"); ok {
			textAt(font, size, x, y, base)
			x += size / 2 * float64(len(base))
			textAt(font, size*8/9, x, y+size*2/9, note)
			x += size*4/9*float64(len(note)) + size/2
			continue
		}
		for w != "" {
			k := strings.IndexAny(w, "^_")
			if k < 0 || !scripts {
				k = len(w)
			}
			if k > 0 {
				textAt(font, size, x, y, w[:k])
				x += size / 2 * float64(k)
			}
			if k == len(w) {
				break
			}
			shift := size * 0.44
			if w[k] == '_' {
				shift = -size * 0.28
			}
			part, rest, _ := strings.Cut(w[k+1:], "|")
			inner := ""
			if j := strings.IndexAny(part, "^_"); j >= 0 {
				part, inner = part[:j], part[j:]
			}
			textAt(font, size*2/3, x, y+shift, part)
			x += size / 3 * float64(len(part))
			if inner != "" { // a part's own raised or lowered part, two thirds as large again: "e^x^2", "e^x_i"
				small := size * 2 / 3
				in := small * 0.44
				if inner[0] == '_' {
					in = -small * 0.28
				}
				textAt(font, small*2/3, x, y+shift+in, inner[1:])
				x += small / 3 * float64(len(inner)-1)
			}
			w = rest
		}
		x += size / 2
	}
}

// texFonts are the fonts F4… that runes from U+E000 on are drawn in, 256 codes each, objects 8… (SymbolMT's
// character map is the object after it).
var texFonts = []string{"CMSY10", "CMMI10", "CMEX10", "MSAM10", "MSBM10", "CMR10", "Symbol", "SymbolMT", "CMTI10"}

func texResources() string {
	var b strings.Builder
	obj := 8
	for k, name := range texFonts {
		fmt.Fprintf(&b, " /F%d %d 0 R", 4+k, obj)
		obj++
		if name == "SymbolMT" {
			obj++ // its character map
		}
	}
	return b.String()
}

// symbols switches to the symbol font F3 around bytes 1–8 of an escaped string shown in font, and to a TeX
// font around a Private Use rune.
func symbols(s, font string, size float64) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 1 && r <= 8 {
			fmt.Fprintf(&b, ") Tj /F3 %g Tf <%02x> Tj /%s %g Tf (", size, r, font, size)
			continue
		}
		if k := int(r-0xE000) / 256; r >= 0xE000 && k < len(texFonts) {
			fmt.Fprintf(&b, ") Tj /F%d %g Tf <%02x> Tj /%s %g Tf (", 4+k, size, r%256, font, size)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func escape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s)
}

func wrap(s string, width int) []string {
	var out []string
	var cur strings.Builder
	for _, w := range strings.Fields(s) {
		if cur.Len() > 0 && cur.Len()+1+len(w) > width {
			out = append(out, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}
