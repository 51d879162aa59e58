package summarize

import (
	_ "embed"
	"sync"

	"github.com/papergist/papergist/wasm/internal/jsontree"
	"github.com/papergist/papergist/wasm/summarize/internal/scorer"
)

// weightsJSON is the scorer learned from SciTLDR's training split (`make weights`).
//
//go:embed weights.json
var weightsJSON string

// model is decoded once, on first use, and only read afterwards.
var model = sync.OnceValue(func() *scorer.Model {
	m, err := readModel(weightsJSON)
	if err != nil {
		panic("summarize: embedded weights.json is corrupt: " + err.Error()) // a build defect, caught by the tests
	}
	m.Prepare()
	return &m
})

// readModel reads weights.json as json.Unmarshal into a scorer.Model would, with jsontree: this one
// json.Unmarshal call alone would add about 110 KB gzipped to the listing wasm (package jsontree).
func readModel(data string) (scorer.Model, error) {
	var m scorer.Model
	v, err := jsontree.ParseOrdered(data)
	if err != nil {
		return m, err
	}
	err = jsontree.Fields(v, func(k string, v any) error {
		switch jsontree.FoldKey(k) {
		case "DENSE":
			return jsontree.FloatMap(v, &m.Dense)
		case "WORDS":
			return jsontree.FloatMap(v, &m.Words)
		case "STARTS":
			return jsontree.FloatMap(v, &m.Starts)
		case "BIGRAMS":
			return jsontree.FloatMap(v, &m.Bigrams)
		case "TOKEN":
			return jsontree.FloatMap(v, &m.Token)
		case "TOKEN_WORDS":
			return jsontree.FloatMap(v, &m.TokenWords)
		case "CANDIDATE":
			return jsontree.FloatMap(v, &m.Candidate)
		case "TRAILING":
			return jsontree.FloatMap(v, &m.Trailing)
		}
		return nil
	})
	return m, err
}
