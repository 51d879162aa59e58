package scorer

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
	tNumFeatures
)

// TokenNames names the token-model features, in index order, for the weights file.
var TokenNames = [tNumFeatures]string{"bias", "title", "df1", "df2", "df3+", "stop", "upper", "digit", "first", "long"}

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
	for _, t := range tokenize(title, nil) {
		titleWords[t.w] = true
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
				out = append(out, f)
				lastSeen = append(lastSeen, 0)
			}
			if t.upper {
				out[id].Dense[tUpper] = 1
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

// wordProbs returns the probability that the TL;DR uses each word of the vocabulary: wordFeatures
// fused with the model, without building the feature vectors.
func (m *Model) wordProbs(v *vocab) []float64 {
	probs := make([]float64, len(v.words))
	lex := m.lexOf(v)
	for id, w := range v.words {
		s := lex[id].token + m.token[tBias]
		if v.info[id].inTitle {
			s += m.token[tTitle]
		}
		if v.info[id].stop {
			s += m.token[tStop]
		}
		if hasDigit(w) {
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
		probs[id] = sigmoid(s)
	}
	return probs
}

func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return true
		}
	}
	return false
}
