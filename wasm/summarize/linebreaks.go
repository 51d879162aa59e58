package summarize

import "strings"

// joinBrokenWords mends words that a line break split in text copied from a PDF: "be- haviors", "poli- cies",
// "us- ing" read "behaviors", "policies", "using" when the key-phrase lexicon knows the joined word, and
// "gradient- based" reads "gradient-based" when it knows both halves. A suspended hyphen ("pre- and post-") and
// halves it does not know stay as written. Text without "- " is returned as it is, without a copy.
func joinBrokenWords(s string) string {
	i := strings.Index(s, "- ")
	if i < 0 {
		return s
	}
	var b strings.Builder
	from := 0
	for ; i >= 0; i = nextBreak(s, i+2) {
		start, end := i, i+2
		for start > 0 && isASCIILower(s[start-1]) {
			start--
		}
		for end < len(s) && isASCIILower(s[end]) {
			end++
		}
		left, right := s[start:i], s[i+2:end]
		if len(left) < 2 || len(right) < 2 || start > 0 && !isBoundary(s[start-1]) || end < len(s) && s[end] == '-' {
			continue
		}
		m := keyModel()
		var mended string
		switch {
		case right == "and" || right == "or" || right == "nor" || right == "to":
			continue // "pre- and post-processing"
		case m.Knows(singular(left + right)):
			mended = left + right
		case m.Knows(singular(left)) && m.Knows(singular(right)):
			mended = left + "-" + right
		default:
			continue
		}
		b.WriteString(s[from:start])
		b.WriteString(mended)
		from = end
	}
	if from == 0 {
		return s
	}
	b.WriteString(s[from:])
	return b.String()
}

// nextBreak returns the index of the next "- " in s from from, or -1.
func nextBreak(s string, from int) int {
	if from >= len(s) {
		return -1
	}
	if j := strings.Index(s[from:], "- "); j >= 0 {
		return from + j
	}
	return -1
}

func isASCIILower(c byte) bool { return 'a' <= c && c <= 'z' }

// isBoundary reports a byte that may come before a word: a space or punctuation, not a letter or digit.
func isBoundary(c byte) bool { return c < 0x80 && !isASCIIAlnum(c) }

// singular folds a plural ending as the lexicon counts words: "policies" → "policy", "behaviors" → "behavior".
func singular(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}
