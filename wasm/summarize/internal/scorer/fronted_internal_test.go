package scorer

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// frontedAdverbial spans the words a cut must not end in: from the adverbial's first word to its comma, and on
// to the first verb of a subject that is not a pronoun; with no closing comma, or no adverbial, nothing.
func TestFrontedAdverbial(t *testing.T) {
	for _, tt := range []struct {
		text string
		span string // the text from..to marks, "" for none
	}{
		{"We show that for any transform of a smooth objective with latent dimension k, we present an analysis that shows convergence, where n is the dimension.",
			" any transform of a smooth objective with latent dimension k"},
		{"We show that if the loss is minimized by a gradient method, the margin between the points and the boundary could be much smaller than the optimum.",
			" the loss is minimized by a gradient method, the margin between the points and the boundary "},
		{"We show that when running a model for piano fingering on our dataset, the accuracy is the best reported.",
			" running a model for piano fingering on our dataset, the accuracy "},
		{"We show that in a variety of scenarios the gradient converges to a small subspace after a short period of training.", ""},
		{"We show that, for any transform of a smooth objective, we present an analysis.", ""},
		{"We show that our method for fingering, which is new, is accurate.", ""},
		{"We propose a method for piano fingering, and it is accurate.", ""},
	} {
		toks := scanTokens(tt.text, nil)
		from, to := frontedAdverbial(tt.text, toks)
		if tt.span == "" {
			assert.Equal(t, [2]int{0, 0}, [2]int{from, to}, tt.text)
			continue
		}
		at := strings.Index(tt.text, tt.span)
		assert.Equal(t, [2]int{at, at + len(tt.span)}, [2]int{from, to}, tt.text)
	}
}
