package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTLDRCommand(t *testing.T) {
	in := `{"paper_id": "p1", "title": "Adaptive Loss Scaling for Mixed Precision Training", "abstract": "Mixed precision training (MPT) is common. In this paper, we introduce adaptive loss scaling, which makes MPT easier to use. Experiments show faster convergence."}

{"paper_id": "p2", "title": "Only a title", "abstract": ""}
`
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"tldr"}, strings.NewReader(in), &out, &errOut), errOut.String())

	var got []tldrOutput
	dec := json.NewDecoder(&out)
	for dec.More() {
		var o tldrOutput
		require.NoError(t, dec.Decode(&o))
		got = append(got, o)
	}
	require.Len(t, got, 2)
	assert.Equal(t, "p1", got[0].PaperID)
	assert.Contains(t, got[0].TLDR, "adaptive loss scaling")
	assert.NotEmpty(t, got[0].KeyPhrases)
	assert.Equal(t, tldrOutput{PaperID: "p2", TLDR: "Only a title", KeyPhrases: got[1].KeyPhrases}, got[1])
	assert.NotNil(t, got[1].KeyPhrases, "keyphrases is a JSON array, never null")
}

func TestTLDRCommandFromFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "in.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(`{"paper_id":"x","title":"T","abstract":"We study things. They work."}`), 0o644))
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"tldr", path}, strings.NewReader(""), &out, &errOut), errOut.String())
	assert.Contains(t, out.String(), `"paper_id":"x"`)
}

func TestTLDRCommandBadInput(t *testing.T) {
	tests := []struct {
		name, in string
		args     []string
		status   int
		msg      string
	}{
		{"not JSON", "{\"paper_id\":\"a\",\"title\":\"t\",\"abstract\":\"ok\"}\nnot json\n", nil, 1, "line 2"},
		{"abstract as a list", `{"paper_id":"a","title":"t","abstract":["one","two"]}`, nil, 1, "line 1"},
		{"two files", "", []string{"a", "b"}, 2, "at most one FILE"},
		{"missing file", "", []string{"/nonexistent/in.jsonl"}, 1, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			status := run(append([]string{"tldr"}, tt.args...), strings.NewReader(tt.in), &out, &errOut)
			assert.Equal(t, tt.status, status)
			assert.Contains(t, errOut.String(), tt.msg)
		})
	}
}
