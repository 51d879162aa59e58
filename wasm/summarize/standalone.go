package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/papergist/papergist/wasm/summarize/internal/compress"
)

// glueStarts open a leading clause that ties a sentence to text the reader of a TL;DR does not see:
// "For this purpose, we introduce…", "To address these limitations, we…", "Guided by these insights, we…".
var glueStarts = []string{"for", "to", "guided", "motivated", "inspired", "based", "building", "with", "in",
	"as", "following", "given", "driven", "drawing", "towards", "toward", "on", "from", "against", "using", "leveraging",
	"aiming"}

// glueRefs are the words that make such a clause point back: without one, "To train large models, we…"
// is content and stays.
var glueRefs = map[string]bool{"this": true, "these": true, "that": true, "those": true, "such": true,
	"end": true, "purpose": true, "them": true, "it": true, "above": true, "aforementioned": true, "thereof": true}

// glueWords are compress.Connectives, the one-word connectives that open a sentence alone: "However, we…",
// "Therefore, we…". Those of several words ("By contrast,") are compress's other lead-ins, dropped before stage
// two scores the sentence.
var glueWords = func() map[string]bool {
	m := make(map[string]bool, len(compress.Connectives))
	for _, w := range compress.Connectives {
		m[w] = true
	}
	return m
}()

// subjectStarts begin the full sentence that must remain after the glue is dropped.
var subjectStarts = map[string]bool{"we": true, "our": true, "this": true, "the": true, "a": true, "an": true, "it": true}

// standAlone drops leading discourse glue when what follows is a full sentence, and trims brackets
// and quotes that open or close outside the TL;DR.
func standAlone(s string) string {
	s = dropWeAdverb(dropGlue(s))
	return balance(s)
}

// weAdverbs, right after a TL;DR's opening "We", order it among steps or conclusions the reader does not see:
// "We then apply our methods…", "We therefore propose…", "We first provide…".
var weAdverbs = map[string]bool{"then": true, "therefore": true, "thus": true, "hence": true, "first": true,
	"next": true, "finally": true, "further": true, "additionally": true, "consequently": true, "subsequently": true,
	"accordingly": true, "now": true, "lastly": true, "secondly": true}

// dropWeAdverb drops such an adverb: "We then apply our methods to…" reads "We apply our methods to…".
func dropWeAdverb(s string) string {
	rest, ok := strings.CutPrefix(s, "We ")
	if !ok {
		return s
	}
	adverb, after, ok := strings.Cut(rest, " ")
	if !ok || !weAdverbs[adverb] {
		return s
	}
	if verb, _ := firstFields(after, 1); verb == "" || !unicode.IsLower(rune(verb[0])) {
		return s // "We then." or "We first, …": not an adverb before a verb
	}
	return "We " + after
}

func dropGlue(s string) string {
	comma := strings.IndexByte(s, ',')
	if we := strings.Index(s, " we "); we > 0 && (comma < 0 || we < comma) {
		comma = we // "For this purpose we developed…"
	}
	if comma <= 0 || comma > 80 {
		return s
	}
	rest := strings.TrimSpace(strings.TrimPrefix(s[comma:], ","))
	if first, n := firstFields(rest, 6); n < 6 || !subjectStarts[strings.ToLower(first)] {
		return s
	}
	lead := strings.Fields(strings.ToLower(s[:comma]))
	if len(lead) == 0 || len(lead) > 8 {
		return s
	}
	glue := len(lead) == 1 && glueWords[lead[0]]
	if !glue && len(lead) > 1 {
		for _, g := range glueStarts {
			if lead[0] == g {
				for _, w := range lead[1:] {
					if glueRefs[w] {
						glue = true
					}
				}
			}
		}
	}
	if !glue {
		return s
	}
	r, size := utf8.DecodeRuneInString(rest)
	if rest = string(unicode.ToUpper(r)) + rest[size:]; compress.PointsBack(rest) {
		return s // "However, this method…" stays: "This method…" would read as the paper's
	}
	return rest
}

// firstFields returns the first of strings.Fields(s) and how many there are, counting up to limit:
// without building the list.
func firstFields(s string, limit int) (first string, n int) {
	for n < limit {
		if s = strings.TrimLeftFunc(s, unicode.IsSpace); s == "" {
			break
		}
		end := strings.IndexFunc(s, unicode.IsSpace)
		if end < 0 {
			end = len(s)
		}
		if n == 0 {
			first = s[:end]
		}
		n++
		s = s[end:]
	}
	return first, n
}

// balance cuts a TL;DR that would end inside brackets or quotes back to before them, and drops a
// closing bracket or quote it starts with.
func balance(s string) string {
	for len(s) > 0 && strings.IndexByte(")]}", s[0]) >= 0 {
		s = strings.TrimSpace(s[1:])
	}
	// a “ closed by a straight quote is one pair, written with two kinds of quote: "achieving a “sweet point" in
	// co-optimizing…" is whole
	if i := strings.LastIndex(s, "“"); i >= 0 && strings.Count(s, "“") > strings.Count(s, "”") {
		if j := strings.IndexByte(s[i:], '"'); j > 0 && strings.Count(s, `"`)%2 == 1 {
			s = s[:i+j] + "”" + s[i+j+1:]
		}
	}
	for _, pair := range [][2]string{{"(", ")"}, {"[", "]"}, {"“", "”"}} {
		if strings.Count(s, pair[0]) > strings.Count(s, pair[1]) {
			s = cutAt(s, strings.LastIndex(s, pair[0]))
		}
	}
	if strings.Count(s, `"`)%2 == 1 {
		i := strings.LastIndexByte(s, '"')
		if i == 0 {
			s = strings.TrimSpace(s[1:])
		} else {
			s = cutAt(s, i)
		}
	}
	return s
}

// cutAt cuts s before byte i, keeping it whole if that would leave too little, and ends it with a full
// stop.
func cutAt(s string, i int) string {
	if i < len(s)/2 {
		return s
	}
	cut := strings.TrimRight(s[:i], " ,;:-–—")
	if !strings.HasSuffix(cut, ".") {
		cut += "."
	}
	return cut
}
