package syncproto_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/shared/syncproto"
)

// The rules both sides of sync keep a copy of run the same vectors here and in the extension's node tests.

// readVectors reads testdata/name into v, a slice that must not come out empty.
func readVectors[T any](t *testing.T, name string) []T {
	t.Helper()
	raw, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	var v []T
	require.NoError(t, json.Unmarshal(raw, &v))
	require.NotEmpty(t, v)
	return v
}

// testdata/tags.json: extension/lib/saved.test.js runs it against normalizeTags.
func TestNormalizeTagsSharedVectors(t *testing.T) {
	for _, v := range readVectors[struct {
		Name string   `json:"name"`
		In   []string `json:"in"`
		Want []string `json:"want"`
	}](t, "tags.json") {
		t.Run(v.Name, func(t *testing.T) {
			assert.Equal(t, v.Want, syncproto.NormalizeTags(v.In))
		})
	}
}

// testdata/less-full.json: extension/lib/record.test.js runs it against lessFull, so that the server and the
// devices tell a lift's shorter date by one rule.
func TestLessFullSharedVectors(t *testing.T) {
	for _, v := range readVectors[struct {
		Field string `json:"field"`
		A     string `json:"a"`
		B     string `json:"b"`
		Less  bool   `json:"less"`
	}](t, "less-full.json") {
		assert.Equal(t, v.Less, syncproto.LessFull(v.Field, v.A, v.B), "%s: %q less full than %q", v.Field, v.A, v.B)
	}
}
