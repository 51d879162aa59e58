package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRankCommand(t *testing.T) {
	lib := writeFile(t, "lib.jsonl", `{"paper_id":"arxiv:1","title":"Protein structure prediction with deep learning"}
{"paper_id":"arxiv:2","title":"Community detection in complex networks","abstract":"We find communities."}
`)
	listing := `{"paper_id":"x","title":"Medieval castles"}

{"paper_id":"y","title":"Protein structure from sequences","abstract":"Proteins fold."}
{"paper_id":"z","title":"Detecting communities in networks"}
{"paper_id":"y","title":"a repeated ID is ranked once"}
`
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"rank", "--library", lib}, strings.NewReader(listing), &out, &errOut), errOut.String())
	var got []rankOutput
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var o rankOutput
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		require.NoError(t, dec.Decode(&o), "each line is exactly {paper_id, score}: %s", line)
		got = append(got, o)
	}
	require.Len(t, got, 3, "every listing paper exactly once")
	assert.ElementsMatch(t, []string{"y", "z"}, []string{got[0].PaperID, got[1].PaperID})
	assert.Equal(t, rankOutput{PaperID: "x", Score: 0}, got[2])
	assert.Greater(t, got[1].Score, 0.0)
	assert.GreaterOrEqual(t, got[0].Score, got[1].Score)
}

func TestRankCommandBadInput(t *testing.T) {
	lib := writeFile(t, "lib.jsonl", `{"paper_id":"a","title":"t"}`)
	badLib := writeFile(t, "bad.jsonl", "{\"paper_id\":\"a\",\"title\":\"t\"}\n{\"title\":[1]}\n")
	tests := []struct {
		name, in string
		args     []string
		msg      string
	}{
		{"no library", "", []string{"rank"}, "--library is required"},
		{"library missing", "", []string{"rank", "--library", "/nonexistent/lib.jsonl"}, "no such file"},
		{"library line not a paper", "", []string{"rank", "--library", badLib}, "bad.jsonl line 2"},
		{"listing not JSON", "{\"paper_id\":\"x\",\"title\":\"t\"}\nnot json\n", []string{"rank", "--library", lib}, "standard input line 2"},
		{"listing without an ID", `{"title":"t"}`, []string{"rank", "--library", lib}, "paper_id is missing"},
		{"two files", "", []string{"rank", "--library", lib, "a", "b"}, "at most one LISTING"},
		{"unknown flag", "", []string{"rank", "--libary", lib}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			assert.Equal(t, 2, run(tt.args, strings.NewReader(tt.in), &out, &errOut))
			assert.Contains(t, errOut.String(), tt.msg)
			assert.Empty(t, out.String(), "nothing half-written")
		})
	}
}
