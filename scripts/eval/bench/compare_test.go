//go:build !js

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// The bench says whether it runs the wasm "as the extension runs it": that holds only while extensionGOGC is
// the GOGC the extension's engine passes to Go.
func TestExtensionGOGCMatchesTheEngine(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "extension", "offscreen", "wasm.js"))
	require.NoError(t, err)
	m := regexp.MustCompile(`\bGOGC: '(\d+)'`).FindAllSubmatch(src, -1)
	require.Len(t, m, 1, "extension/offscreen/wasm.js should set GOGC once for the page module")
	got, err := strconv.Atoi(string(m[0][1]))
	require.NoError(t, err)
	require.Equal(t, got, extensionGOGC, "change extensionGOGC in compare.go with the GOGC in extension/offscreen/wasm.js")
}
