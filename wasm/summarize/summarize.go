// Package summarize writes a one-sentence TL;DR and key phrases for a paper from its title and abstract,
// and groups the papers of one page into topics. Pure functions: no I/O, deterministic.
package summarize

import (
	"strings"

	"github.com/papergist/papergist/shared/paper"
)

// Summary is what the extension shows under a paper entry.
type Summary struct {
	TLDR       string   `json:"tldr"`
	KeyPhrases []string `json:"keyphrases"`
}

// Topic is one group of a page digest.
type Topic struct {
	Label    string   `json:"label"`
	PaperIDs []string `json:"paper_ids"`
}

// Summarize returns the TL;DR and key phrases of one paper.
func Summarize(title, abstract string) Summary {
	return Summary{TLDR: TLDR(title, abstract), KeyPhrases: KeyPhrases(title, abstract)}
}

// TLDR returns one sentence that says what the paper does and finds. A learned scorer picks the abstract
// sentences most likely to serve, and then the best of their grammatical compressions. With no abstract
// it returns the title.
func TLDR(title, abstract string) string {
	sents := Sentences(abstract)
	if len(sents) == 0 {
		return strings.TrimSpace(title)
	}
	if t := model().Best(title, sents); t != "" {
		return t
	}
	return sents[0]
}

// KeyPhrases returns 3–6 phrases naming the paper's methods, tasks and datasets.
// Placeholder until the summarizer lands (issue 3).
func KeyPhrases(title, abstract string) []string { return []string{} }

// Digest groups the papers of one page into a few labelled topics.
// Placeholder until the summarizer lands (issue 3).
func Digest(papers []paper.Paper) []Topic { return []Topic{} }
