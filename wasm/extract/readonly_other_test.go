//go:build !linux

package extract_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/extract"
)

// extractReadOnly runs Extract on a copy of data and fails the test if the copy changed. On Linux the copy is
// read-only memory (readonly_linux_test.go), which also catches a write of the byte already there.
func extractReadOnly(t *testing.T, data []byte, pageURL string) (extract.Result, error) {
	t.Helper()
	page := bytes.Clone(data)
	res, err := extract.Extract(page, pageURL)
	require.Equal(t, data, page, "Extract wrote to the page: wasm/bridge passes it a string's bytes")
	return res, err
}
