// Package summarize writes a one-sentence TL;DR and key phrases for a paper from its title and abstract,
// and groups the papers of one page into topics. Pure functions: no I/O, deterministic, safe for
// concurrent use. The TL;DR scorer's weights are learned from SciTLDR's training split and embedded
// (weights.json, rebuilt by `make weights`), so nothing is downloaded at run time.
package summarize

import (
	"strings"
)

// Summary is what the extension shows under a paper entry.
type Summary struct {
	TLDR       string   `json:"tldr"`
	KeyPhrases []string `json:"keyphrases"`
}

// Topic is one group of a page digest.
type Topic struct {
	// Label is a short name for the topic: a key phrase the papers share, or "Other".
	Label string `json:"label"`
	// PaperIDs are the canonical IDs of the topic's papers, in page order.
	PaperIDs []string `json:"paper_ids"`
}

// Summarize returns the TL;DR and key phrases of one paper.
func Summarize(title, abstract string) Summary {
	return Summary{TLDR: TLDR(title, abstract), KeyPhrases: KeyPhrases(title, abstract)}
}

// TLDR returns one sentence that says what the paper does and finds. A learned scorer picks the abstract
// sentences most likely to serve, and then the best of their grammatical compressions. It is never
// empty for a non-empty abstract; with no abstract it returns the title.
func TLDR(title, abstract string) string {
	title, abstract = strings.TrimSpace(truncate(title, maxTitle)), strings.TrimSpace(abstract)
	sents := Sentences(truncate(abstract, maxAbstract))
	if len(sents) == 0 {
		return title
	}
	if t := model().Best(title, sents); t != "" {
		return questionList(standAlone(wholeEnumeration(t, sents)), sents)
	}
	return standAlone(sents[0])
}

// maxAbstract and maxTitle bound the work one paper can cost: a real abstract is under 3,000 bytes
// and a title under 300, and the TL;DR comes from the first sentences anyway.
const (
	maxAbstract = 20000
	maxTitle    = 1000
)

// truncate cuts s to at most limit bytes, at a space when there is one.
func truncate(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	cut := strings.LastIndexByte(s[:limit], ' ')
	if cut < limit/2 {
		cut = limit
		for cut > 0 && s[cut]&0xC0 == 0x80 { // not inside a UTF-8 sequence
			cut--
		}
	}
	return s[:cut]
}
