package citation

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testdata/bibtex.json is shared with the extension's BibTeX writer (extension/lib/export.test.js runs it too).
func TestBibTeXSharedVectors(t *testing.T) {
	raw, err := os.ReadFile("testdata/bibtex.json")
	require.NoError(t, err)
	var v struct {
		Names []struct {
			In, Family, Given, Suffix, BibTeX string
		}
		Text, Verbatim, RIS []struct{ In, Want string }
		Authors, Keywords   []struct {
			In   []string
			Want string
		}
	}
	require.NoError(t, json.Unmarshal(raw, &v))
	require.NotEmpty(t, v.Names)
	for _, n := range v.Names {
		assert.Equal(t, name{family: n.Family, given: n.Given, suffix: n.Suffix}, splitName(n.In), "split %q", n.In)
		assert.Equal(t, n.BibTeX, bibAuthor(n.In), "author %q", n.In)
	}
	require.NotEmpty(t, v.Text)
	for _, x := range v.Text {
		assert.Equal(t, x.Want, bibEscape(x.In), "text %q", x.In)
	}
	require.NotEmpty(t, v.Authors)
	for _, x := range v.Authors {
		assert.Equal(t, x.Want, bibAuthors(x.In), "authors %q", x.In)
	}
	require.NotEmpty(t, v.Keywords)
	for _, x := range v.Keywords {
		assert.Equal(t, x.Want, keywords(x.In), "keywords %q", x.In)
	}
	require.NotEmpty(t, v.RIS)
	for _, x := range v.RIS {
		assert.Equal(t, x.Want, risValue(x.In), "ris %q", x.In)
	}
	require.NotEmpty(t, v.Verbatim)
	for _, x := range v.Verbatim {
		assert.Equal(t, x.Want, bibVerbatim(x.In), "verbatim %q", x.In)
	}
}
