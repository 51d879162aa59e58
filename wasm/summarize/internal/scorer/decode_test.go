package scorer_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/summarize/internal/scorer"
)

// weightsOf is the weights part of a Model, what its JSON holds.
func weightsOf(m *scorer.Model) [8]map[string]float64 {
	return [8]map[string]float64{m.Dense, m.Words, m.Starts, m.Bigrams, m.Token, m.TokenWords, m.Candidate, m.Trailing}
}

// TestDecodeIsUnmarshal: Decode reads the weights file as encoding/json does, every weight bit for bit.
func TestDecodeIsUnmarshal(t *testing.T) {
	data, err := os.ReadFile("../../weights.json")
	require.NoError(t, err)
	var want scorer.Model
	require.NoError(t, json.Unmarshal(data, &want))
	got, err := scorer.Decode(data)
	require.NoError(t, err)
	assert.Equal(t, weightsOf(&want), weightsOf(got))
	assert.Contains(t, got.Candidate, "w<8", "an escaped key (encoding/json writes < as \\u003c)")
}

// TestDecodeOddInput: whatever the input, Decode's weights and error are json.Unmarshal's: the shapes it reads
// itself, and the ones it leaves to encoding/json (other spellings, nulls, escapes, bad syntax).
func TestDecodeOddInput(t *testing.T) {
	for _, in := range []string{
		`{}`, ` { "dense" : { "a" : 1 , "b":-2.5e-3 } , "words":{} } `, `{"dense":null}`,
		`{"dense":{"a":1},"dense":{"b":2}}`, `{"dense":{"a":1,"a":3}}`, `{"Dense":{"a":1}}`, `{"other":{"a":1}}`,
		`{"dense":{"a":null}}`, `{"dense":{"a":"1"}}`, `{"dense":{"a":1e400}}`, `{"dense":{"a":01}}`,
		`{"dense":{"a":1.}}`, `{"dense":{"a":-}}`, `{"dense":{"a":.5}}`, `{"dense":{"a\u00e9\n\"\\":1}}`,
		`{"dense":{"\ud83d\ude00":1,"\udc00\udc00":2,"\ud800x":3}}`, `{"dense":{"a\x":1}}`, "{\"dense\":{\"\xff\":1}}",
		"{\"dense\":{\"a\tb\":1}}", `{"dense":{"a":1}`, `{"dense":{"a":1}} x`, `{"dense":{"a":1},}`, `{"dense":{"a" 1}}`,
		`[]`, ``, `null`, `{"dense":[1]}`, `{"dense":{"a":1}}{}`, `{"dense":{"a":-0}}`, `{"dense":{"a":1E+2}}`,
	} {
		var want scorer.Model
		wantErr := json.Unmarshal([]byte(in), &want)
		got, err := scorer.Decode([]byte(in))
		if wantErr != nil {
			assert.Error(t, err, in)
			continue
		}
		if assert.NoError(t, err, in) {
			assert.Equal(t, weightsOf(&want), weightsOf(got), in)
		}
	}
}
