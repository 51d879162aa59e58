package syncproto_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/shared/syncproto"
)

// testdata/tags.json is shared with the extension (extension/lib/saved.test.js runs it against normalizeTags):
// one rule for tags on both sides of sync.
func TestNormalizeTagsSharedVectors(t *testing.T) {
	raw, err := os.ReadFile("testdata/tags.json")
	require.NoError(t, err)
	var vectors []struct {
		Name string   `json:"name"`
		In   []string `json:"in"`
		Want []string `json:"want"`
	}
	require.NoError(t, json.Unmarshal(raw, &vectors))
	require.NotEmpty(t, vectors)
	for _, v := range vectors {
		t.Run(v.Name, func(t *testing.T) {
			assert.Equal(t, v.Want, syncproto.NormalizeTags(v.In))
		})
	}
}
