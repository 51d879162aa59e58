package summarize_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/summarize"
)

// goldenEnv names a file of TL;DRs and key phrases for every dev abstract, as one JSON array. Speed
// work must not change a single byte of the output: write the file from the code before the change
// (the test writes it when it does not exist), then run the test again after it.
//
//	PAPERGIST_SUMMARY_GOLDEN=/tmp/summaries.jsonl go test -run TestOutputUnchangedOnDev ./wasm/summarize
const goldenEnv = "PAPERGIST_SUMMARY_GOLDEN"

// TestOutputUnchangedOnDev compares the summaries of every SciTLDR dev abstract with those in the
// file $PAPERGIST_SUMMARY_GOLDEN. The file is derived from the team's data, so it stays outside the repo.
func TestOutputUnchangedOnDev(t *testing.T) {
	path := os.Getenv(goldenEnv)
	if path == "" {
		t.Skipf("set %s to a file to compare every dev summary with (written on the first run)", goldenEnv)
	}
	recs := devRecords(t, 0)
	got := make([]summarize.Summary, len(recs))
	for i, r := range recs {
		got[i] = summarize.Summarize(r.Title, r.Abstract())
	}
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		out, err := json.Marshal(got)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(path, out, 0o644))
		t.Skipf("wrote %d summaries to %s: run again after the change", len(got), path)
	}
	require.NoError(t, err)
	var want []summarize.Summary
	require.NoError(t, json.Unmarshal(data, &want))
	require.Len(t, got, len(want), "dev records")
	for i := range want {
		assert.Equal(t, want[i], got[i], recs[i].PaperID)
	}
}
