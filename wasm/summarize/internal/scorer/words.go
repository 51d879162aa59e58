package scorer

import "math"

// Token-model feature indices: how likely a word of the abstract is to appear in its TL;DR.
// Changing them invalidates the weights: run `make weights`.
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
	tContribution // in the first sentence with a contribution verb ("propose", "present", …)
	tTitleStem    // not in the title, but it shares its first five letters with a title word
	tNumFeatures
)

// TokenNames names the token-model features, in index order, for the weights file.
var TokenNames = [tNumFeatures]string{"bias", "title", "df1", "df2", "df3+", "stop", "upper", "digit", "first", "long",
	"contribution", "title_stem"}

// WordFeatures describe one distinct word of an abstract.
type WordFeatures struct {
	Word  string
	Dense [tNumFeatures]float64
}

// ExtractWords computes the features of every distinct word of the abstract, in first-seen order.
func ExtractWords(title string, sentences []string) []WordFeatures {
	toks := make([][]token, len(sentences))
	for i, s := range sentences {
		toks[i] = tokenize(s, nil)
	}
	_, feats := wordFeatures(title, toks)
	return feats
}

// wordFeatures returns each distinct word's index and features.
func wordFeatures(title string, sentences [][]token) (map[string]int, []WordFeatures) {
	titleWords := map[string]bool{}
	var titleContent []string
	for _, t := range tokenize(title, nil) {
		if !titleWords[t.w] && !IsStopword(t.w) {
			titleContent = append(titleContent, t.w)
		}
		titleWords[t.w] = true
	}
	firstCue := -1
	for si, toks := range sentences {
		for _, t := range toks {
			if wordKinds[t.w]&kindCue != 0 {
				firstCue = si
				break
			}
		}
		if firstCue >= 0 {
			break
		}
	}
	ids := map[string]int{}
	var out []WordFeatures
	var lastSeen []int // 1 + the last sentence counted for each word
	for si, toks := range sentences {
		for _, t := range toks {
			id, ok := ids[t.w]
			if !ok {
				id = len(out)
				ids[t.w] = id
				f := WordFeatures{Word: t.w}
				d := &f.Dense
				d[tBias] = 1
				d[tTitle] = b2f(titleWords[t.w])
				d[tStop] = b2f(IsStopword(t.w))
				d[tDigit] = b2f(t.digit)
				d[tFirst] = b2f(si == 0)
				d[tLong] = b2f(len(t.w) > 8)
				d[tTitleStem] = b2f(!titleWords[t.w] && sharesStem(t.w, titleContent))
				out = append(out, f)
				lastSeen = append(lastSeen, 0)
			}
			if t.upper {
				out[id].Dense[tUpper] = 1
			}
			if si == firstCue {
				out[id].Dense[tContribution] = 1
			}
			if lastSeen[id] != si+1 {
				lastSeen[id] = si + 1
				out[id].Dense[tDF1]++ // counts sentences for now; bucketed below
			}
		}
	}
	for i := range out {
		d := &out[i].Dense
		n := d[tDF1]
		d[tDF1], d[tDF2], d[tDF3Plus] = b2f(n == 1), b2f(n == 2), b2f(n >= 3)
	}
	return ids, out
}

// wordProbs returns the probability that the TL;DR uses each word of the vocabulary (wordProb).
func (m *Model) wordProbs(v *vocab, probs []float64, cache *sigmoidCache) []float64 {
	probs = grow(probs, len(v.words))
	for id := range v.words {
		probs[id] = m.wordProb(v, id, cache)
	}
	return probs
}

// wordProb returns the probability that the TL;DR uses word id of the vocabulary: wordFeatures fused with
// the model, without building the feature vector.
func (m *Model) wordProb(v *vocab, id int, cache *sigmoidCache) float64 {
	w := v.words[id]
	s := m.lexOf(v)[id].token + m.token[tBias]
	if v.info[id].inTitle {
		s += m.token[tTitle]
	}
	if v.info[id].stop {
		s += m.token[tStop]
	}
	if v.info[id].digit {
		s += m.token[tDigit]
	}
	if v.info[id].first {
		s += m.token[tFirst]
	}
	if len(w) > 8 {
		s += m.token[tLong]
	}
	switch v.info[id].df {
	case 1:
		s += m.token[tDF1]
	case 2:
		s += m.token[tDF2]
	default:
		s += m.token[tDF3Plus]
	}
	if v.info[id].upper {
		s += m.token[tUpper]
	}
	if v.info[id].contribution {
		s += m.token[tContribution]
	}
	if !v.info[id].inTitle && len(w) >= stemLen && hasStem(v.titleStems, stemKey(w)) {
		s += m.token[tTitleStem]
	}
	p := cache.sigmoid(s)
	if m.tokenOverride != nil {
		p = m.tokenOverride(w, p)
	}
	return p
}

// WordProbs returns the token model's probability that the TL;DR uses each distinct word of the
// abstract, as stage two sees it.
func (m *Model) WordProbs(title string, sentences []string) map[string]float64 {
	_, v := new(workspace).extract(m, title, sentences)
	probs := m.wordProbs(v, nil, new(sigmoidCache))
	out := make(map[string]float64, len(probs))
	for id, w := range v.words {
		out[w] = probs[id]
	}
	return out
}

// sigmoidCache remembers sigmoid of the scores it has seen, by their bits, in a direct-mapped table: the
// words an abstract shares with others, and its words the model does not know, score alike, and math.Exp
// is a software routine in the wasm build. It returns what sigmoid does, bit for bit.
type sigmoidCache [256]struct {
	x, p float64
	set  bool
}

func (c *sigmoidCache) sigmoid(x float64) float64 {
	bits := math.Float64bits(x)
	e := &c[(bits*0x9E3779B97F4A7C15)>>56]
	if !e.set || math.Float64bits(e.x) != bits {
		e.x, e.p, e.set = x, sigmoid(x), true
	}
	return e.p
}

// stemKey packs the first stemLen bytes of w, which has as many, into an integer, the first byte lowest:
// sharesStem for the words of one abstract then compares integers.
func stemKey(w string) uint64 {
	return uint64(le32(w)) | uint64(w[4])<<32 // stemLen bytes in two loads, not five
}

// stemKey reads five bytes: with another stemLen this fails to compile.
const _, _ uint = stemLen - 5, 5 - stemLen

func hasStem(stems []uint64, key uint64) bool {
	for _, s := range stems {
		if s == key {
			return true
		}
	}
	return false
}

// stemLen is how many leading letters two words must share to count as forms of one word.
const stemLen = 5

// sharesStem reports whether w and one of words, both at least stemLen long, begin alike: a cheap
// stand-in for stemming ("network", "networks", "networked").
func sharesStem(w string, words []string) bool {
	if len(w) < stemLen {
		return false
	}
	for _, t := range words {
		if len(t) >= stemLen && t[:stemLen] == w[:stemLen] {
			return true
		}
	}
	return false
}
