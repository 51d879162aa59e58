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
// ("(2) how to correctly use cross-validation…?", "and (3) how to accelerate…?"). They are added, without their
// numbers and set off by commas so that the TL;DR stays one sentence ("…of the estimator, how to correctly use…,
// and how to accelerate…?"), as long as it stays within maxQuestionList bytes; a TL;DR that announces no list,
// or whose sentence is not found, is returned as it is.
func questionList(t string, sents []string) string {
	if !strings.HasSuffix(t, "?") {
		return t
	}
	colon := strings.LastIndexAny(t, ":;")
	if colon < 0 || !announcesList(strings.ToLower(t[:colon])) {
		return t
	}
	tail := t[max(colon+1, len(t)-24):]
	for i, s := range sents {
		if !strings.HasSuffix(s, tail) {
			continue
		}
		out := t
		for _, next := range sents[i+1:] {
			q, ok := listedQuestion(next)
			if !ok || len(out)+1+len(q) > maxQuestionList {
				break
			}
			out = out[:len(out)-1] + ", " + q
		}
		return out
	}
	return t
}

// announcesList reports whether before, lower-cased, names a number of questions or problems ("two important
// research questions", "the following three fundamental problems").
func announcesList(before string) bool {
	return containsAny(before, " questions", " problems", " issues", " challenges") &&
		containsAny(before, "two ", "three ", "four ", "five ", "several ", "following ")
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// questionWords open a question that needs no number to belong to a list.
const questionWords = " what how why which when where who whether is are can does do will should could would "

// listedQuestion returns s, a sentence that follows a question of a list, without its number and with its
// question word in lower case ("and (3) how to accelerate…?" → "and how to accelerate…?"), and whether it is the next question of that list: it ends in "?"
// and either had a number or opens with a question word.
func listedQuestion(s string) (string, bool) {
	if !strings.HasSuffix(s, "?") || len(s) > maxQuestionList/2 {
		return "", false
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
	if w := firstWord(s); compress.InList(questionWords, strings.ToLower(w)) {
		return and + strings.ToLower(w) + s[len(w):], true // it no longer opens a sentence
	}
	return and + s, numbered
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
