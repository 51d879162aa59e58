package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRunScoresKnownPairs runs the harness on two hand-made records whose scores are known: Lead-1
// and the oracle copy a reference exactly (100), and the "max" rule must pick that reference.
func TestRunScoresKnownPairs(t *testing.T) {
	data := `{"paper_id":"a","title":"Loss scaling","source":["We scale the loss.","Nothing else here matters at all."],"target":["unrelated words","We scale the loss."]}
{"paper_id":"b","title":"Counting","source":["Networks can count objects.","We test it."],"target":["Networks can count objects."]}`
	path := filepath.Join(t.TempDir(), "dev.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(data), 0o644))

	var out bytes.Buffer
	require.NoError(t, run(path, "", false, &out))
	lines := map[string][]string{}
	for _, l := range strings.Split(out.String(), "\n") {
		if f := strings.Fields(l); len(f) >= 5 {
			lines[f[0]] = f
		}
	}
	assert.Contains(t, out.String(), "2 papers, 3 references")
	require.Contains(t, lines, "Lead-1")
	assert.Equal(t, []string{"Lead-1", "100.00", "100.00", "100.00"}, lines["Lead-1"][:4])
	require.Contains(t, lines, "oracle")
	assert.Equal(t, "100.00", lines["oracle"][4], "oracle R1 (after the three words of its name)")
	assert.NotContains(t, out.String(), "even records", "halves only on request")
}

// TestRunHalves checks that -halves scores papergist on the even and the odd records apart, and that
// the two halves of two records average to the whole.
func TestRunHalves(t *testing.T) {
	data := `{"paper_id":"a","title":"Loss scaling","source":["We scale the loss.","Nothing else here matters at all."],"target":["We scale the loss."]}
{"paper_id":"b","title":"Counting","source":["Networks can count objects.","We test it."],"target":["completely different words"]}`
	path := filepath.Join(t.TempDir(), "dev.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(data), 0o644))

	var out bytes.Buffer
	require.NoError(t, run(path, "", true, &out))
	r1 := map[string]float64{}
	for _, l := range strings.Split(out.String(), "\n") {
		f := strings.Fields(l)
		if len(f) < 5 {
			continue
		}
		name := f[0]
		if name == "even" || name == "odd" {
			name = f[0] + " " + f[1]
			f = f[1:]
		}
		if v, err := strconv.ParseFloat(f[1], 64); err == nil {
			r1[name] = v
		}
	}
	require.Contains(t, r1, "even records")
	require.Contains(t, r1, "odd records")
	assert.Equal(t, 0.0, r1["odd records"], "record b shares no word with its reference")
	assert.Greater(t, r1["even records"], 0.0)
	assert.InDelta(t, r1["papergist"], (r1["even records"]+r1["odd records"])/2, 0.01)
}
