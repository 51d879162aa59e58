package summarize

import (
	"strings"

	"github.com/papergist/papergist/wasm/summarize/internal/compress"
)

// maxQuestionList bounds a TL;DR that questionList completes: past it the TL;DR stays at its first question.
const maxQuestionList = 400

// questionList completes a TL;DR that announces a list of questions and ends on the first of them ("We study
// the following three fundamental problems about ridge regression: what is the structure of the estimator?"):
// the sentence splitter ends a sentence at each "?", so the other questions follow as sentences of their own
// ("(2) how to correctly use cross-validation…?", "and (3) how to accelerate…?"). They are added up to the
// announced count ("two", "three"…; with "several" or "following", while they stay numbered when the first one
// added was), each cleaned as the TL;DR was (compress.Clean) and without its number, in one sentence: "q1 and
// q2?", "q1, q2, and q3?". Each question after the colon opens in lower case unless its first word is a name or
// an acronym. The TL;DR stays within maxQuestionList bytes; one that announces no list, or whose sentence is not
// found, is returned as it is.
func questionList(t string, sents []string) string {
	if !strings.HasSuffix(t, "?") {
		return t
	}
	lower := strings.ToLower(t)
	noun := listNoun(lower)
	if noun < 0 {
		return t
	}
	colon := strings.IndexAny(t[noun:], ":;") // the first after the list noun: "is the ratio 1:2 optimal?" keeps its own
	if colon < 0 {
		return t
	}
	colon += noun
	count := announcedCount(lower[:noun+1]) // with the space after the last word
	if count == 0 {
		return t
	}
	tail := t[max(colon+1, len(t)-24):]
	for i, s := range sents {
		if !strings.HasSuffix(s, tail) {
			continue
		}
		var qs []string
		size, numbered := len(t), false
		for _, next := range sents[i+1:] {
			q, num, ok := listedQuestion(next)
			if !ok || len(qs)+1 >= count || len(qs) > 0 && numbered && !num || size+6+len(q) > maxQuestionList {
				break
			}
			if len(qs) == 0 {
				numbered = num
			}
			qs = append(qs, q)
			size += 6 + len(q)
		}
		if len(qs) == 0 {
			return t
		}
		first := t[colon+1 : len(t)-1]
		q1 := strings.TrimLeft(first, " ")
		out := t[:colon+1] + first[:len(first)-len(q1)] + lowerFirst(q1) // the spacing as written
		for j, q := range qs {
			switch last := j == len(qs)-1; {
			case last && len(qs) == 1 && !opensWithAnd(q):
				out += " and " + q
			case last && !opensWithAnd(q):
				out += ", and " + q
			default:
				out += ", " + q
			}
		}
		return out + "?"
	}
	return t
}

// listNouns are the nouns that announce a list of questions.
var listNouns = []string{" questions", " problems", " issues", " challenges"}

// listNoun returns where the first list noun of lower opens, or -1.
func listNoun(lower string) int {
	at := -1
	for _, n := range listNouns {
		if i := strings.Index(lower, n); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

// announcedCount returns how many questions the words before the list noun, lower-cased, announce: 2 for "two
// important research questions", 3 for "the following three fundamental problems" and for "for two datasets,
// we study three" (the number word nearest the noun), maxQuestionList for "several" or "following" alone, 0
// for no count.
func announcedCount(before string) int {
	n, at := 0, -1
	for i, w := range []string{"two ", "three ", "four ", "five "} {
		if j := strings.LastIndex(before, w); j > at && (j == 0 || before[j-1] == ' ') {
			n, at = i+2, j
		}
	}
	if n > 0 {
		return n
	}
	if containsAny(before, "several ", "following ") {
		return maxQuestionList
	}
	return 0
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// opensWithAnd reports a question that already opens with its "and" or "or".
func opensWithAnd(q string) bool {
	return strings.HasPrefix(q, "and ") || strings.HasPrefix(q, "or ")
}

// lowerFirst lower-cases the first letter of s, which no longer opens a sentence, unless its first word is a
// name or an acronym: a capital after the first letter ("BERT", "ImageNet"), or a word that is not all letters.
func lowerFirst(s string) string {
	w := firstWord(s)
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return s
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return s
		}
	}
	return string(w[0]+'a'-'A') + s[1:]
}

// questionWords open a question that needs no number to belong to a list.
const questionWords = " what how why which when where who whether is are can does do will should could would to "

// listedQuestion returns s, a sentence that follows a question of a list, cleaned as a TL;DR is, without its
// number and its closing "?", its first word in lower case ("and (3) How to accelerate…?" → "and how to
// accelerate…"); whether it had a number; and whether it is the next question of that list: it ends in "?" and
// either had a number or opens with a question word.
func listedQuestion(s string) (string, bool, bool) {
	if !strings.HasSuffix(s, "?") || len(s) > maxQuestionList/2 {
		return "", false, false
	}
	and := ""
	if w := firstWord(s); (w == "and" || w == "or") && len(s) > len(w) && s[len(w)] == ' ' {
		and, s = s[:len(w)+1], s[len(w)+1:]
	}
	numbered := false
	if strings.HasPrefix(s, "(") {
		if end := strings.IndexByte(s, ')'); end > 1 && end < 6 && listNumber(s[1:end]) && end+1 < len(s) && s[end+1] == ' ' {
			s, numbered = s[end+2:], true
		}
	}
	if !numbered && !compress.InList(questionWords, strings.ToLower(firstWord(s))) {
		return "", false, false
	}
	q := strings.TrimRight(compress.Clean(s), ".?! ")
	if q == "" {
		return "", false, false
	}
	return and + lowerFirst(q), numbered, true
}

// listNumber reports whether inner, the text of a bracket, numbers an item of a list: "2", "ii", "b".
func listNumber(inner string) bool {
	for i := 0; i < len(inner); i++ {
		c := inner[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return len(inner) <= 4
}
