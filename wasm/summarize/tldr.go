package summarize

import (
	_ "embed"
	"sync"

	"github.com/papergist/papergist/wasm/summarize/internal/scorer"
)

// weightsJSON is the scorer learned from SciTLDR's training split (`make weights`).
//
//go:embed weights.json
var weightsJSON []byte

// model is decoded once, on first use, and only read afterwards.
var model = sync.OnceValue(func() *scorer.Model {
	m, err := scorer.Decode(weightsJSON)
	if err != nil {
		panic("summarize: embedded weights.json is corrupt: " + err.Error()) // a build defect, caught by the tests
	}
	return m
})
