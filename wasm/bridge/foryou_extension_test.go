package bridge_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/bridge"
)

// The background shows a listing's "save a few papers" hint by the same threshold the ranker uses: its
// MIN_LIBRARY is held to bridge.MinLibrary here (the extension cannot import Go's constant).
func TestExtensionMinLibraryIsBridges(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "extension", "background", "for-you.js"))
	require.NoError(t, err)
	m := regexp.MustCompile(`export const MIN_LIBRARY = (\d+);`).FindSubmatch(b)
	require.NotNil(t, m, "extension/background/for-you.js must export MIN_LIBRARY")
	n, err := strconv.Atoi(string(m[1]))
	require.NoError(t, err)
	assert.Equal(t, bridge.MinLibrary, n, "extension/background/for-you.js MIN_LIBRARY must equal bridge.MinLibrary")
}
