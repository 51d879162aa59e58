package pdfmeta_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/pdfmeta"
	"github.com/papergist/papergist/wasm/pdfmeta/pdftest"
)

// readShared reads the first page of a real PDF in ../shared/fixtures/pdfs; it skips the test without it.
func readShared(t *testing.T, file string) pdfmeta.Header {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sharedPDFs, file))
	if os.IsNotExist(err) {
		t.Skipf("%s not found: the team folder ../shared is not beside the repository", file)
	}
	require.NoError(t, err)
	h, err := pdfmeta.Read(data)
	require.NoError(t, err)
	return h
}

// TestRealPDFAuthorLists checks whole author lists as page 1 prints them: lists that wrap over lines (with
// superscript marks on rows of their own, and names broken by the line end) and a 2×2 author grid.
func TestRealPDFAuthorLists(t *testing.T) {
	tests := []struct {
		file    string
		authors []string
	}{
		{"abs11-muller.pdf", []string{"Andreas Muller", "Sergey V. Polyakov", "Alex Ling", "Natalia Borjemscala",
			"Edward B. Flagg", "Edward Van Keuren", "Alan Migdall", "Glenn S. Solomon"}},
		{"clef08-forner.pdf", []string{"Pamela Forner", "Anselmo Peñas", "Eneko Agirre", "Iñaki Alegria", "Corina Forăscu",
			"Nicolas Moreau", "Petya Osenova", "Prokopis Prokopidis", "Paulo Rocha", "Bogdan Sacaleanu", "Richard Sutcliffe",
			"Erik Tjong Kim Sang"}},
		{"pldi09-gal.pdf", []string{"Andreas Gal", "Brendan Eich", "Mike Shaver", "David Anderson", "David Mandelin",
			"Mohammad R. Haghighat", "Blake Kaplan", "Graydon Hoare", "Boris Zbarsky", "Jason Orendorff", "Jesse Ruderman",
			"Edwin Smith", "Rick Reitmaier", "Michael Bebenita", "Mason Chang", "Michael Franz"}},
		{"spaa04-dutot.pdf", []string{"Pierre-François Dutot", "Lionel Eyraud", "Grégory Mounié", "Denis Trystram"}},
		{"zaac08-aburayyan.pdf", []string{"Ahmed Abu-Rayyan", "Qutaiba Abu-Salem", "Norbert Kuhn", "Cäcilia Maichle-Mößmer",
			"Manfred Steimann", "Gerald Henkel"}},
		{"jss07-mullen.pdf", []string{"Katharine M. Mullen", "Ivo H. M. van Stokkum"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			assert.Equal(t, tt.authors, readShared(t, tt.file).Authors)
		})
	}
}

func TestGeneratedAuthorLists(t *testing.T) {
	tests := []struct {
		name string
		page pdftest.Page
		want []string
	}{
		{"a name broken by the line end", pdftest.Page{
			Authors:     "Ada Lovelace, Alan Turing, Grace Hopper, Edsger W. Dijkstra, Barbara Van",
			AuthorLines: []string{"Dam, Donald Knuth and Niklaus Wirth"},
		}, []string{"Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger W. Dijkstra", "Barbara Van Dam", "Donald Knuth", "Niklaus Wirth"}},
		{"a name hyphenated at the line end", pdftest.Page{
			Authors:     "Ada Lovelace, Alan Turing, Grace Hopper, Edsger Dijk-",
			AuthorLines: []string{"stra and Donald Knuth"},
		}, []string{"Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", "Donald Knuth"}},
		{"a first name alone at the line end", pdftest.Page{
			Authors:     "Ada Lovelace, Alan Turing, Corina",
			AuthorLines: []string{"Forascu, Donald Knuth"},
		}, []string{"Ada Lovelace", "Alan Turing", "Corina Forascu", "Donald Knuth"}},
		{"lines of names under rows of affiliation marks", pdftest.Page{
			Authors:     "Ada Lovelace, Alan Turing,",
			AuthorLines: []string{"Grace Hopper, Edsger Dijkstra,", "Donald Knuth, Niklaus Wirth,", "John Backus and Frances Allen"},
			AuthorMarks: true,
		}, []string{"Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", "Donald Knuth", "Niklaus Wirth", "John Backus",
			"Frances Allen"}},
		{"an author grid", pdftest.Page{
			Grid: [][]string{{"Ada Lovelace", "Alan Turing"}, {"Grace Hopper", "Donald Knuth"}},
		}, []string{"Ada Lovelace", "Alan Turing", "Grace Hopper", "Donald Knuth"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.page.Title = []string{"A Generated Paper With Many Authors"}
			tt.page.Affil = "Analytical Engine Society, London"
			tt.page.Abstract = "We generate a PDF in the test. It has a title, authors and an abstract that the parser must find in the first page."
			h, err := pdfmeta.Read(pdftest.Paper(tt.page))
			require.NoError(t, err)
			assert.Equal(t, tt.want, h.Authors)
		})
	}
}

// TestGeneratedAuthorGridInstitutions: where institutions are set like the names right under them (as CVPR's
// template sets them), they are not taken for a second row of authors.
func TestGeneratedAuthorGridInstitutions(t *testing.T) {
	h, err := pdfmeta.Read(pdftest.Paper(pdftest.Page{
		Title: []string{"A Generated Paper With An Author Grid"},
		Grid:  [][]string{{"Ada Lovelace", "Alan Turing"}, {"Google Brain", "Meta Labs"}},
		Abstract: "We generate a PDF in the test. It has a title, authors and an abstract that the parser must find in " +
			"the first page.",
	}))
	require.NoError(t, err)
	assert.Equal(t, []string{"Ada Lovelace", "Alan Turing"}, h.Authors)
}
