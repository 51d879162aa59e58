package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/pdfmeta/pdftest"
)

func TestExtractPDF(t *testing.T) {
	pdf := string(pdftest.Paper(pdftest.Page{
		Header:  "arXiv:2401.01234v2 [cs.CL] 3 Jan 2024",
		Title:   []string{"A Small Generated Paper"},
		Authors: "Ada Lovelace and Alan Turing",
	}))
	file := writeFile(t, "paper.pdf", pdf)
	code, stdout, stderr := gist(t, "", "extract", "--url", "https://example.org/papers/small.pdf", file)
	require.Equal(t, 0, code, stderr)
	res := decode(t, stdout)
	assert.Equal(t, "pdf", res.Site)
	require.Len(t, res.Papers, 1)
	assert.Equal(t, paper.Paper{
		ID: "arxiv:2401.01234", Version: "v2", Title: "A Small Generated Paper", Authors: []string{"Ada Lovelace", "Alan Turing"},
		URL: "https://arxiv.org/abs/2401.01234", PDFURL: "https://example.org/papers/small.pdf", ArxivID: "2401.01234",
	}, res.Papers[0])

	// no ID on the page or in the URL: url: of the PDF; from standard input too
	plain := string(pdftest.Paper(pdftest.Page{Title: []string{"Another Generated Paper"}, Authors: "Grace Hopper, Ada Lovelace"}))
	code, stdout, stderr = gist(t, plain, "extract", "--url", "https://example.org/b.pdf")
	require.Equal(t, 0, code, stderr)
	res = decode(t, stdout)
	require.Len(t, res.Papers, 1)
	assert.Equal(t, "url:https://example.org/b.pdf", res.Papers[0].ID)
	assert.Equal(t, []string{"Grace Hopper", "Ada Lovelace"}, res.Papers[0].Authors)
}

func TestExtractRealPDF(t *testing.T) {
	path := filepath.Join("../../../../shared/fixtures/pdfs", "zaac08-aburayyan.pdf")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s not found: the team folder ../shared is not beside the repository", path)
	}
	// the DOI in the URL and the one printed on the page agree
	code, stdout, stderr := gist(t, "", "extract", "--url", "https://onlinelibrary.wiley.com/doi/pdf/10.1002/zaac.200700576", path)
	require.Equal(t, 0, code, stderr)
	res := decode(t, stdout)
	require.Len(t, res.Papers, 1)
	p := res.Papers[0]
	assert.Equal(t, "doi:10.1002/zaac.200700576", p.ID)
	assert.Equal(t, "Ahmed Abu-Rayyan", p.Authors[0])
	assert.Contains(t, p.Title, "Zur Hydrolyse von 2,3-Dihydro")
}

func TestExtractBadPDF(t *testing.T) {
	truncated := string(pdftest.Paper(pdftest.Page{Title: []string{"Cut Short"}, Authors: "Ada Lovelace"})[:40])
	tests := []struct{ name, stdin, want string }{
		{"truncated", truncated, "standard input: this PDF is damaged or incomplete"},
		{"header only", "%PDF-1.7\n", "standard input: this PDF is damaged or incomplete"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := gist(t, tt.stdin, "extract", "--url", "https://example.org/a.pdf")
			assert.Equal(t, 1, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tt.want)
		})
	}
}
