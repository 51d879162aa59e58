package scorer

// WordProbsForTest exposes the fused token-model path to the external tests.
func WordProbsForTest(m *Model, title string, sentences []string) map[string]float64 {
	toks := make([][]token, len(sentences))
	for i, s := range sentences {
		toks[i] = tokenize(s, nil)
	}
	ids, probs := m.wordProbs(title, toks)
	out := make(map[string]float64, len(ids))
	for w, id := range ids {
		out[w] = probs[id]
	}
	return out
}
