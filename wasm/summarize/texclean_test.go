package summarize_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/summarize"
)

// SciTLDR dev abstracts written in TeX, with citations, a footnote and TeX's quotation marks (not the few typed
// oddly, like a run of thirty backticks): once cleaned as a saved paper is, neither the abstract nor its TL;DR
// shows the TeX.
func TestCleanedTeXAbstractsReadWithoutTeX(t *testing.T) {
	for _, id := range []string{"S1ltj47xdE", "HJxEhREKDH", "HyxQbaEYPr", "SJxIm0VtwH", "H1BO9M-0Z", "SyeyPEH23N",
		"H1xFWgrFPS", "HJlsixKqyQ"} {
		r := sharedRecordByID(t, id)
		abstract := paper.CleanText(r.Abstract)
		for _, text := range []string{abstract, summarize.TLDR(r.Title, abstract)} {
			for _, tex := range []string{`\cite`, `\footnote`, "``", "''"} {
				assert.NotContains(t, text, tex, id)
			}
		}
	}
}
