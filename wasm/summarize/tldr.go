package summarize

import (
	_ "embed"
	"encoding/json"
	"sync"

	"github.com/papergist/papergist/wasm/summarize/internal/scorer"
)

// weightsJSON is the scorer learned from SciTLDR's training split (`make weights`).
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
