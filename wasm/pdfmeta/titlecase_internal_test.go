package pdfmeta

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A title printed in capitals was saved as printed ("A STUDY OF THINGS").
func TestTitleCase(t *testing.T) {
	page := []line{
		{y: 700, size: 18, text: "A STUDY OF BERT AND GPT-4 FOR NLP:"},
		{y: 680, size: 18, text: "THE STATE-OF-THE-ART IN QUANTUM HALL MULTI-LAYERS, PART II"},
		{y: 600, size: 9, text: "INTRODUCTION"},
		{y: 588, size: 9, text: "We compare BERT with an R package. THE end."},
	}
	assert.Equal(t, "A Study of BERT and GPT-4 for NLP: The State-of-the-Art in Quantum Hall Multi-Layers, Part II",
		titleCase(joinLines(page, []int{0, 1}), page, []int{0, 1}))
	for _, title := range []string{"A Study of NLP in GPT-4", "TIMP: An R Package for Modeling", "1234 5678"} {
		assert.Equal(t, title, titleCase(title, page, []int{0}), "a title with lower case is left as it is")
	}
}

// A word of a title in capitals broken at a line's end kept its hyphen ("Regulari-Zation"), and a common word
// that the body printed once in capitals ("TABLE 1") was taken for an acronym ("A Study of TABLE Tennis").
func TestTitleCaseBrokenWordsAndCommonWords(t *testing.T) {
	page := []line{
		{y: 700, size: 18, text: "REGULARI-"},
		{y: 680, size: 18, text: "ZATION OF DEEP MULTI-"},
		{y: 660, size: 18, text: "LAYER NETS FOR TABLE"},
		{y: 640, size: 18, text: "TENNIS AND CNN BASE-"},
		{y: 620, size: 18, text: "LINES"},
		{y: 600, size: 9, text: "TABLE 1 shows multi-layer nets. A CNN and a CNN again."},
	}
	ti := []int{0, 1, 2, 3, 4}
	// "BASE-" / "LINES": two words, and nothing on the page says the hyphen only broke "baselines"; a hyphen
	// kept between words reads well, a compound of names run together does not (TestCapsTitleCompounds)
	assert.Equal(t, "Regularization of Deep Multi-Layer Nets for Table Tennis and CNN Base-Lines",
		titleCase(joinLines(page, ti), page, ti))
}

// A compound of a title in capitals broken at its hyphen lost it when the page printed neither part: "BOSE-" /
// "EINSTEIN" read "Boseeinstein". In a title (set centred or ragged, where words are not broken) the hyphen is
// kept unless the page shows a broken word: the word printed joined, a common ending, the end of another word; and a name of the page ("Meyer") keeps it.
func TestCapsTitleCompounds(t *testing.T) {
	page := []line{
		{y: 700, size: 18, text: "BOSE-"},
		{y: 680, size: 18, text: "EINSTEIN CONDENSATES OF FERMI-"},
		{y: 660, size: 18, text: "DIRAC GASES, TWO-"},
		{y: 640, size: 18, text: "DIMENSIONAL OPTIMI-"},
		{y: 620, size: 18, text: "ZATION OF DATA-"},
		{y: 600, size: 18, text: "SETS AND KAISER-"},
		{y: 580, size: 18, text: "MEYER TESTS OF CONDEN-"},
		{y: 560, size: 18, text: "SATES"},
		{y: 540, size: 9, text: "We study fermions in subsets of the lattice, after Kaiser and Meyer, and their condensates."},
	}
	ti := []int{0, 1, 2, 3, 4, 5, 6, 7}
	assert.Equal(t, "Bose-Einstein Condensates of Fermi-Dirac Gases, Two-Dimensional Optimization of Datasets and "+
		"Kaiser-Meyer Tests of Condensates", titleCase(joinLines(page, ti), page, ti))
}
