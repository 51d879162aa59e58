package summarize

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/summarize/internal/scorer"
)

// readModel gives the scorer json.Unmarshal gives, for the embedded weights (every weight bit for bit) and
// for documents that are not weights.
func TestReadModelAsUnmarshal(t *testing.T) {
	for _, doc := range []string{
		weightsJSON,
		`{"Dense": {"a": 1, "a": null}, "WORDS": {"w": -1e-3}, "extra": [1]}`,
		`{"dense": null, "words": {}, "token_words": {"x": 2}, "candidate": {"c": 0.1}, "trailing": {"t": -0}}`,
		`{"dense": {"a": "1"}}`, `{"dense": []}`, `{"words": {"w": 1e400}}`, `[]`, `null`, `{"dense": {"a": 1}`,
	} {
		t.Run(doc[:min(len(doc), 30)], func(t *testing.T) {
			var want scorer.Model
			wantErr := json.Unmarshal([]byte(doc), &want)
			got, err := readModel(doc)
			assert.Equal(t, wantErr != nil, err != nil, "encoding/json: %v, jsontree: %v", wantErr, err)
			if wantErr == nil {
				assert.Equal(t, want, got)
			}
		})
	}
	m, err := readModel(weightsJSON)
	require.NoError(t, err)
	assert.NotEmpty(t, m.Words)
}
