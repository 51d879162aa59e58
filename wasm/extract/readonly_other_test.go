//go:build !linux

package extract_test

import (
	"bytes"
	"testing"

	"github.com/papergist/papergist/wasm/extract"
)

// extractReadOnly runs Extract on a copy of data; on Linux the copy is read-only memory (readonly_linux_test.go),
// elsewhere TestGolden's byte comparison is the only check that Extract leaves its page alone.
func extractReadOnly(t *testing.T, data []byte, pageURL string) (extract.Result, error) {
	t.Helper()
	return extract.Extract(bytes.Clone(data), pageURL)
}
