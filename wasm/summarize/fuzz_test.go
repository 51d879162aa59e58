package summarize_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/papergist/papergist/wasm/summarize"
)

// FuzzSummarize checks the promises that hold for any input: no panic, a non-empty TL;DR for an
// abstract with any visible character, at most six key phrases, and the same output twice.
func FuzzSummarize(f *testing.F) {
	for _, seed := range []string{
		"", " ", "(foo)", "[1]", ", ; :", "...", "In this paper, we", "$$", "\\(x\\)", "We propose X (Y). It works.",
		"我们提出了一种方法。", "e.g. i.e. et al. Fig. 3.", strings.Repeat("a ", 300), "((((( We study x. ]]]]",
	} {
		f.Add("Title", seed)
	}
	f.Fuzz(func(t *testing.T, title, abstract string) {
		s := summarize.Summarize(title, abstract)
		if strings.IndexFunc(abstract, func(r rune) bool { return !unicode.IsSpace(r) }) >= 0 && s.TLDR == "" {
			t.Fatalf("empty TL;DR for abstract %q", abstract)
		}
		if len(s.KeyPhrases) > 10 {
			t.Fatalf("%d key phrases", len(s.KeyPhrases))
		}
		if again := summarize.Summarize(title, abstract); again.TLDR != s.TLDR {
			t.Fatalf("not deterministic: %q then %q", s.TLDR, again.TLDR)
		}
	})
}
