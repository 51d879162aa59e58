package scorer

import (
	"math"
	"unicode"
)

// Word feature indices of the token model, which estimates how likely each word of an abstract is to
// appear in its TL;DR. Changing them invalidates the weights: run `make weights`.
const (
	tBias = iota
	tTitle
	tDF1
	tDF2
	tDF3Plus
	tStop
	tUpper
	tDigit
	tFirst
	tLong
	tNumFeatures
)

// TokenNames names the token features, in index order, for the weights file.
var TokenNames = [tNumFeatures]string{"bias", "title", "df1", "df2", "df3+", "stop", "upper", "digit", "first", "long"}

// WordFeatures describe one distinct word of an abstract.
type WordFeatures struct {
	Word  string
	Dense [tNumFeatures]float64
}

// ExtractWords computes the features of every distinct word of the abstract, in first-seen order.
// raw gives each sentence's words as written (for capitals); the features use lower-cased words.
func ExtractWords(title string, sentences []string) []WordFeatures {
	titleWords := distinct(Words(title))
	index := map[string]int{}
	var out []WordFeatures
	for si, s := range sentences {
		seen := map[string]bool{}
		for _, raw := range rawWords(s) {
			w := lower(raw)
			i, ok := index[w]
			if !ok {
				i = len(out)
				index[w] = i
				f := WordFeatures{Word: w}
				d := &f.Dense
				d[tBias] = 1
				d[tTitle] = b2f(contains(titleWords, w))
				d[tStop] = b2f(IsStopword(w))
				d[tDigit] = b2f(hasDigit(w))
				d[tFirst] = b2f(si == 0)
				d[tLong] = b2f(len(w) > 8)
				out = append(out, f)
			}
			if raw != w {
				out[i].Dense[tUpper] = 1
			}
			if !seen[w] {
				seen[w] = true
				out[i].Dense[tDF1] += 1 // counts sentences for now; bucketed below
			}
		}
	}
	for i := range out {
		d := &out[i].Dense
		n := d[tDF1]
		d[tDF1], d[tDF2], d[tDF3Plus] = b2f(n == 1), b2f(n == 2), b2f(n >= 3)
	}
	return out
}

// WordProbs returns, for each distinct lower-cased word of the abstract, the probability that the
// TL;DR uses it.
func (m *Model) WordProbs(title string, sentences []string) map[string]float64 {
	feats := ExtractWords(title, sentences)
	out := make(map[string]float64, len(feats))
	for i := range feats {
		f := &feats[i]
		s := m.TokenWords[f.Word]
		for j, v := range f.Dense {
			s += m.token[j] * v
		}
		out[f.Word] = 1 / (1 + math.Exp(-s))
	}
	return out
}

func rawWords(s string) []string {
	var out []string
	start := -1
	for i, r := range s + " " {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	return out
}

func lower(s string) string {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return string([]rune(toLowerRunes(s)))
		}
	}
	return s
}

func toLowerRunes(s string) []rune {
	rs := []rune(s)
	for i, r := range rs {
		rs[i] = unicode.ToLower(r)
	}
	return rs
}

func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// expectedF1 estimates the ROUGE-1 F1 of a text with these words against a reference of refLen words:
// each distinct word adds its probability to the expected overlap, a repeat adds little.
func expectedF1(words []string, probs map[string]float64, refLen float64) float64 {
	if len(words) == 0 {
		return 0
	}
	overlap := 0.0
	for i, w := range words {
		p := probs[w]
		if contains(words[:i], w) {
			p *= 0.2
		}
		overlap += p
	}
	return 2 * overlap / (float64(len(words)) + refLen)
}
