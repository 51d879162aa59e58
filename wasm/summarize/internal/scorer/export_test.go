package scorer

// WordProbsForTest exposes the fused token-model path to the external tests.
func WordProbsForTest(m *Model, title string, sentences []string) map[string]float64 {
	_, v := new(workspace).extract(m, title, sentences)
	probs := m.wordProbs(v, nil, new(sigmoidCache))
	out := make(map[string]float64, len(probs))
	for id, w := range v.words {
		out[w] = probs[id]
	}
	return out
}
