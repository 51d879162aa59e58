package summarize

import (
	_ "embed"
	"encoding/json"
	"sync"

	"github.com/papergist/papergist/wasm/summarize/internal/scorer"
)

// weightsJSON is the sentence scorer learned from SciTLDR's training split (`make weights`).
//
//go:embed weights.json
var weightsJSON []byte

// model is decoded once, on first use, and only read afterwards.
var model = sync.OnceValue(func() *scorer.Model {
	var m scorer.Model
	if err := json.Unmarshal(weightsJSON, &m); err != nil {
		panic("summarize: embedded weights.json is corrupt: " + err.Error()) // a build defect, caught by the tests
	}
	m.Prepare()
	return &m
})

// bestSentence returns the index of the sentence the scorer rates highest; the first wins ties.
func bestSentence(title string, sents []string) int {
	if len(sents) < 2 {
		return 0
	}
	m := model()
	feats := scorer.Extract(title, sents)
	best, bestScore := 0, 0.0
	for i := range feats {
		if s := m.Score(&feats[i]); i == 0 || s > bestScore {
			best, bestScore = i, s
		}
	}
	return best
}
