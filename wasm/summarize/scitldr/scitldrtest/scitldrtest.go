// Package scitldrtest gives tests the team's SciTLDR-A splits (../shared/eval/scitldr beside the repository),
// or skips them with a clear message where that folder is absent.
package scitldrtest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/papergist/papergist/wasm/summarize/scitldr"
)

// Split reads the records of ../shared/eval/scitldr/<name>.jsonl ("train", "dev"), or skips tb when the file is
// not there; a file that is there but unreadable fails tb.
func Split(tb testing.TB, name string) []scitldr.Record {
	tb.Helper()
	_, file, _, _ := runtime.Caller(0)
	path := filepath.Join(filepath.Dir(file), "..", "..", "..", "..", "..", "shared", "eval", "scitldr", name+".jsonl")
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("SciTLDR %s split not found at %s (the team's ../shared folder): %v", name, path, err)
	}
	recs, err := scitldr.Load(path)
	if err != nil {
		tb.Fatalf("SciTLDR %s split: %v", name, err)
	}
	return recs
}
