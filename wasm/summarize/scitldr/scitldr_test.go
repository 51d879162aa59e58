package scitldr_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/summarize/scitldr"
)

func TestRead(t *testing.T) {
	tests := []struct {
		name, in string
		want     []scitldr.Record
		err      string
	}{
		{name: "two records", in: `{"paper_id":"a","title":"T","source":["One.","Two."],"target":["x"]}
{"paper_id":"b","source":["S."],"target":["y","z"]}`,
			want: []scitldr.Record{{PaperID: "a", Title: "T", Source: []string{"One.", "Two."}, Target: []string{"x"}},
				{PaperID: "b", Source: []string{"S."}, Target: []string{"y", "z"}}}},
		{name: "no source", in: `{"paper_id":"x","source":[],"target":["t"]}`, err: "d record 1 (x): no source or no target"},
		{name: "no target", in: `{"paper_id":"x","source":["s"]}`, err: "no source or no target"},
		{name: "bad JSON", in: `{"paper_id":"a","source":["s"],"target":["t"]}` + "\n{", err: "d record 2"},
		{name: "empty", in: "", err: "d: no records"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := scitldr.Read(strings.NewReader(tt.in), "d")
			if tt.err != "" {
				assert.ErrorContains(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestAbstractJoinsSentences(t *testing.T) {
	assert.Equal(t, "One. Two.", scitldr.Record{Source: []string{"One.", "Two."}}.Abstract())
}

func TestLoadNamesMissingFile(t *testing.T) {
	_, err := scitldr.Load(filepath.Join(t.TempDir(), "none.jsonl"))
	assert.ErrorContains(t, err, "README.md")
}
