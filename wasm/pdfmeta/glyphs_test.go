package pdfmeta_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/pdfmeta"
	"github.com/papergist/papergist/wasm/pdfmeta/pdftest"
)

// TestRealPDFGlyphNames: apl11-rodary sets its parentheses and brackets in AIP's MathematicalPi font, which
// has no character map; they were lost ("microscopy SP-STM", "Cr/MgO001").
func TestRealPDFGlyphNames(t *testing.T) {
	h := readShared(t, "apl11-rodary.pdf")
	assert.Contains(t, h.Abstract, "tunneling microscopy (SP-STM). The")
	assert.Contains(t, h.Abstract, "on a Cr/MgO(001) sample")
	assert.Equal(t, "10.1063/1.3558920", h.DOI)
}

// TestGeneratedGlyphNames draws parentheses and digits in a font without a character map, whose encoding
// names them (AIP's H20849/H20850, LuaTeX's zero.prop).
func TestGeneratedGlyphNames(t *testing.T) {
	abstract := "We study spin-polarized scanning tunneling microscopy \x01SP-STM\x02 on a Cr/MgO\x01\x03\x03\x04\x02 " +
		"sample, over \x05\x03 runs. The generated abstract must keep its parentheses and digits, which a font " +
		"without a character map draws."
	h, err := pdfmeta.Read(pdftest.Paper(pdftest.Page{
		Title: []string{"A Generated Paper"}, Authors: "Ada Lovelace and Alan Turing", Abstract: abstract,
	}))
	require.NoError(t, err)
	want := strings.NewReplacer("\x01", "(", "\x02", ")", "\x03", "0", "\x04", "1", "\x05", "2").Replace(abstract)
	assert.Equal(t, want, h.Abstract)
}

// TestGeneratedMathGlyphNames: MathematicalPi also draws plus, minus and equals without a character map;
// zaac08-aburayyan's summary read "Formamid 5 (R tert-Bu)" for "(R = tert-Bu)" and its fax "Fax: 49".
func TestGeneratedMathGlyphNames(t *testing.T) {
	abstract := "We heat the sample to T \x08 300 K for \x06\x05 hours, then cool it by \x07\x04\x03 K. The generated abstract " +
		"must keep the signs, which a font without a character map draws."
	h, err := pdfmeta.Read(pdftest.Paper(pdftest.Page{
		Title: []string{"A Generated Paper"}, Authors: "Ada Lovelace and Alan Turing", Abstract: abstract,
	}))
	require.NoError(t, err)
	want := strings.NewReplacer("\x03", "0", "\x04", "1", "\x05", "2", "\x06", "+", "\x07", "−", "\x08", "=").Replace(abstract)
	assert.Equal(t, want, h.Abstract)
}

// TestRealPDFFootnoteMarks: clef08-forner's abstract read "answers in Wikipedia1 as document corpus".
func TestRealPDFFootnoteMarks(t *testing.T) {
	assert.Contains(t, readShared(t, "clef08-forner.pdf").Abstract, "search for answers in Wikipedia as document corpus")
}

func TestGeneratedFootnoteMarks(t *testing.T) {
	h, err := pdfmeta.Read(pdftest.Paper(pdftest.Page{
		Title: []string{"A Generated Paper"}, Authors: "Ada Lovelace and Alan Turing",
		Abstract: "The systems could search for answers in Wikipedia`1 as document corpus, and in the news`2,3 of the " +
			"year. The abstract must not keep the footnote marks glued to the words they follow.",
	}))
	require.NoError(t, err)
	assert.Equal(t, "The systems could search for answers in Wikipedia as document corpus, and in the news of the year. "+
		"The abstract must not keep the footnote marks glued to the words they follow.", h.Abstract)
}

// TestGeneratedTeXFonts: TeX's fonts embedded without a character map or an encoding were read as
// PDFDocEncoding, which put a breve for the symbol font's ∼ and U+FFFD for its minus ("(˘10�22eV)"), control
// codes for the math italic's Greek and the text font's ligatures ("de\x0cne"). Their codes are read in
// TeX's layouts now, and a glyph without text (a piece of a large delimiter, a negation slash, a code that a
// font without a map leaves unknown) is dropped.
func TestGeneratedTeXFonts(t *testing.T) {
	sy := func(c rune) string { return string(0xE000 + c) }
	mi := func(c rune) string { return string(0xE100 + c) }
	abstract := "We de" + string(rune(0xE50C)) + "ne masses of " + sy(0x18) + "10" + sy(0x00) + "22 eV for " + sy(0x00) +
		"1 " + sy(0x14) + " w " + sy(0x14) + " 1 and " + mi(0x0B) + " " + sy(0x19) + " 2 " + sy(0x06) + " 0.1, with " +
		mi(0x17) + " " + sy(0x32) + " " + string(rune(0xE452)) + " and f" + sy(0x30) + " " + sy(0x2F) + " " + mi(0x40) +
		"x" + string(rune(0xE230)) + " as " + mi(0x17) + " " + sy(0x21) + " " + sy(0x31) + ". The sample has T " +
		string(rune(0xE32E)) + " 4 K, " + sy(0x36) + "a " + string(rune(0xE5AE)) + "ect of 3" + sy(0x02) + "2 and a\x00 " +
		"time of 1" + sy(0x01) + "5 s, which a font without a character map draws."
	h, err := pdfmeta.Read(pdftest.Paper(pdftest.Page{
		Title: []string{"A Generated Paper"}, Authors: "Ada Lovelace and Alan Turing", Abstract: abstract,
	}))
	require.NoError(t, err)
	assert.Equal(t, "We define masses of ∼10−22 eV for −1 ≤ w ≤ 1 and α ≈ 2 ± 0.1, with ν ∈ ℝ and f′ ∝ ∂x as ν → ∞. "+
		"The sample has T ≲ 4 K, a ffect of 3×2 and a time of 1·5 s, which a font without a character map draws.", h.Abstract)
}

// TestGeneratedSymbolFont: the Symbol font without a character map was read as PDFDocEncoding, Latin letters
// for its Greek ("Wn" for Ων, "p = wr" for p = ωρ, arxiv09-rodriguez's body) and "µ" for ∝; with a word
// processor's character map it gave Private Use runes (U+F06E for ν). Both read as the Symbol encoding says.
func TestGeneratedSymbolFont(t *testing.T) {
	sym := func(c rune) string { return string(0xE600 + c) }
	mt := func(c rune) string { return string(0xE700 + c) }
	abstract := "The content of neutrinos " + sym('W') + sym('n') + " is set by their mass, the pressure p = " + sym('w') +
		sym('r') + " and T " + sym(0xB5) + " a" + sym(0xA2) + ", with " + mt('n') + " " + mt('=') + " 1 and " + mt('a') +
		" " + mt(0xB3) + " 2" + mt(0xB0) + ". The generated abstract draws them in a Symbol font."
	h, err := pdfmeta.Read(pdftest.Paper(pdftest.Page{
		Title: []string{"A Generated Paper"}, Authors: "Ada Lovelace and Alan Turing", Abstract: abstract,
	}))
	require.NoError(t, err)
	assert.Equal(t, "The content of neutrinos Ων is set by their mass, the pressure p = ωρ and T ∝ a′, with ν = 1 and "+
		"α ≥ 2°. The generated abstract draws them in a Symbol font.", h.Abstract)
}

// TestGeneratedTeXFontNames: a TeX font whose encoding names its codes (as pdfTeX writes them) lost the glyphs
// whose names give their own code's ASCII character ("exclam" at 33, "question" at 63): they were taken for
// names the PDF library does not know, and dropped.
func TestGeneratedTeXFontNames(t *testing.T) {
	ti := func(c rune) string { return string(0xE800 + c) }
	abstract := "Is it " + ti(0) + "R" + ti(38) + "D" + ti(63) + " We de" + ti(12) + "ne " + ti(48) + " cases" + ti(33) +
		" The generated abstract draws them in a TeX font with named codes."
	h, err := pdfmeta.Read(pdftest.Paper(pdftest.Page{
		Title: []string{"A Generated Paper"}, Authors: "Ada Lovelace and Alan Turing", Abstract: abstract,
	}))
	require.NoError(t, err)
	assert.Equal(t, "Is it R&D? We define 0 cases! The generated abstract draws them in a TeX font with named codes.", h.Abstract)
}

// TestGeneratedNegationSlash: TeX draws ≠ and ∉ as the symbol font's negation slash over = and ∈ (\not=); the
// slash was dropped, which turned "P ≠ NP" into "P = NP".
func TestGeneratedNegationSlash(t *testing.T) {
	sy := func(c rune) string { return string(0xE000 + c) }
	abstract := "We show that P " + sy(0x36) + "= NP for these machines and that x " + sy(0x36) + sy(0x32) +
		" S, which the generated abstract draws with a negation slash."
	h, err := pdfmeta.Read(pdftest.Paper(pdftest.Page{
		Title: []string{"A Generated Paper"}, Authors: "Ada Lovelace and Alan Turing", Abstract: abstract,
	}))
	require.NoError(t, err)
	assert.Equal(t, "We show that P ≠ NP for these machines and that x ∉ S, which the generated abstract draws with a "+
		"negation slash.", h.Abstract)
}
