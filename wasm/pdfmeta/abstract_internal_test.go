package pdfmeta

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// An abstract that the page's end cut mid-sentence (it goes on on page 2) was saved with its broken last
// sentence: "… dropped from 41.75% to 19% in the multi-lingual subtasks,". It ends at its last whole sentence
// now; one that ends a sentence, or one cut where a sentence may end, is kept whole.
func TestAbstractCutByThePage(t *testing.T) {
	page := func(last string) []line {
		text := []string{
			"Abstract The campaign was mainly the same as last year. The results of e.g. the participants",
			"suggested that the changes had led to a drop in performance. In comparison with last year the",
			"accuracy dropped from 41.75% to 19% in the " + last,
		}
		ls := make([]line, len(text))
		for i, s := range text {
			ls[i] = line{x0: 100, x1: 500, y: 700 - 12*float64(i), size: 9, text: s}
		}
		return append(ls, line{x0: 100, x1: 200, y: 80, size: 8, text: "http://example.org"})
	}
	const whole = "The campaign was mainly the same as last year. The results of e.g. the participants suggested that " +
		"the changes had led to a drop in performance."
	rest := " In comparison with last year the accuracy dropped from 41.75% to 19% in the "
	for last, want := range map[string]string{
		"multi-lingual subtasks,":  whole,
		"multi-lingual tasks of":   whole,
		"multi-lingual tasks.":     whole + rest + "multi-lingual tasks.",
		"multi-lingual tasks (see": whole,
		"multi-lingual QA track":   whole + rest + "multi-lingual QA track",
	} {
		assert.Equal(t, want, abstract(page(last)), strings.TrimSpace(last))
	}
}

// Elsevier's journals set the label letter-spaced, which reads "A B S T R A C T": no abstract was found.
func TestAbstractLetterSpacedLabel(t *testing.T) {
	text := []string{
		"A B S T R A C T",
		"We study the letter-spaced label of some journals, which sets the word apart from the text.",
		"The abstract below it is read up to the keywords.",
		"Keywords: labels; letter spacing",
	}
	ls := make([]line, len(text))
	for i, s := range text {
		ls[i] = line{x0: 100, x1: 500, y: 700 - 12*float64(i), size: 9, text: s}
	}
	assert.Equal(t, "We study the letter-spaced label of some journals, which sets the word apart from the text. The abstract "+
		"below it is read up to the keywords.", abstract(ls))
}
