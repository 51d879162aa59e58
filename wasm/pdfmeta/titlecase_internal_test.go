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
