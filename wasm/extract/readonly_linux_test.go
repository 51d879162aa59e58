//go:build linux

package extract_test

import (
	"runtime/debug"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/extract"
)

// extractReadOnly runs Extract on a copy of data in memory the process may only read. wasm/bridge hands Extract a
// string's bytes without copying them, so a write to the page, even of the byte already there, would change an
// immutable string: here it faults, and the fault fails the test (debug.SetPanicOnFault) instead of passing
// unseen as a write of the same value would in a byte comparison.
func extractReadOnly(t *testing.T, data []byte, pageURL string) (res extract.Result, err error) {
	t.Helper()
	page := data
	if len(data) > 0 {
		m, err := syscall.Mmap(-1, 0, len(data), syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
		require.NoError(t, err)
		copy(m, data)
		require.NoError(t, syscall.Mprotect(m, syscall.PROT_READ))
		t.Cleanup(func() { _ = syscall.Munmap(m) })
		page = m
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("Extract wrote to the page (wasm/bridge passes it a string's bytes): %v", r)
		}
	}()
	return extract.Extract(page, pageURL)
}
