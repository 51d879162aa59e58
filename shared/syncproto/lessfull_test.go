package syncproto_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/shared/syncproto"
)

// testdata/less-full.json is shared with the extension (extension/lib/record.test.js runs it against lessFull):
// the server and the devices tell a lift's shorter date by one rule.
func TestLessFullSharedVectors(t *testing.T) {
	raw, err := os.ReadFile("testdata/less-full.json")
	require.NoError(t, err)
	var vectors []struct {
		Field string `json:"field"`
		A     string `json:"a"`
		B     string `json:"b"`
		Less  bool   `json:"less"`
	}
	require.NoError(t, json.Unmarshal(raw, &vectors))
	require.NotEmpty(t, vectors)
	for _, v := range vectors {
		assert.Equal(t, v.Less, syncproto.LessFull(v.Field, v.A, v.B), "%s: %q less full than %q", v.Field, v.A, v.B)
	}
}
