package citation

import (
	"encoding/json"
	"os"
	"strings"
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
		Titles, Text, Verbatim, RIS []struct{ In, Want string }
		Authors, Keywords           []struct {
			In   []string
			Want string
		}
		Keys     []keyCase
		KeyLists []struct {
			Papers []keyCase
			Want   []string
		} `json:"key_lists"`
		URLs []struct{ ID, URL, Want string }
	}
	require.NoError(t, json.Unmarshal(raw, &v))
	require.NotEmpty(t, v.Names)
	for _, n := range v.Names {
		assert.Equal(t, name{family: n.Family, given: n.Given, suffix: n.Suffix}, splitName(n.In), "split %q", n.In)
		assert.Equal(t, n.BibTeX, bibAuthor(n.In), "author %q", n.In)
	}
	require.NotEmpty(t, v.Titles)
	for _, x := range v.Titles {
		assert.Equal(t, x.Want, bibTitle(x.In), "title %q", x.In)
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
	require.NotEmpty(t, v.Keys)
	for _, x := range v.Keys {
		assert.Equal(t, x.Want, citeKey(x.ID, x.Authors, x.Title, x.Published, map[string]bool{}), "key %+v", x)
	}
	require.NotEmpty(t, v.KeyLists)
	for _, x := range v.KeyLists {
		used, keys := map[string]bool{}, []string{}
		for _, p := range x.Papers {
			keys = append(keys, citeKey(p.ID, p.Authors, p.Title, p.Published, used))
		}
		assert.Equal(t, x.Want, keys)
	}
	require.NotEmpty(t, v.URLs)
	for _, x := range v.URLs {
		assert.Equal(t, x.Want, paperURL(x.ID, x.URL), "url %+v", x)
	}
	require.NotEmpty(t, v.Verbatim)
	for _, x := range v.Verbatim {
		assert.Equal(t, x.Want, bibVerbatim(x.In), "verbatim %q", x.In)
	}
}

// keyCase is a paper of the key vectors: what both writers key it by.
type keyCase struct {
	ID, Title, Published, Want string
	Authors                    []string
}

// sentenceCase does to a title field what BibTeX's change.case$ "t" does in plain, IEEEtran or acl_natbib: every
// letter outside braces in lower case except the first and the first after a colon; braces are then dropped, as
// TeX prints them.
func sentenceCase(field string) string {
	var b strings.Builder
	depth, keep := 0, true
	for _, r := range field {
		switch {
		case r == '{':
			depth++
		case r == '}':
			depth--
		case depth == 0 && r == ':':
			keep = true
			b.WriteRune(r)
		case depth == 0 && r == ' ':
			b.WriteRune(r)
		case depth == 0 && !keep:
			b.WriteString(strings.ToLower(string(r)))
		default:
			keep = false
			b.WriteRune(r)
		}
		if depth > 0 {
			keep = false
		}
	}
	return b.String()
}

// A style that sentence-cases printed "Bert: pre-training…" from the extension's unbraced title and could not
// change the server's title, braced whole: with only the words that must keep their case braced, it prints
// sentence case with them intact.
func TestTitleSentenceCased(t *testing.T) {
	for in, want := range map[string]string{
		"BERT: Pre-Training of Deep Bidirectional Transformers": "BERT: Pre-training of deep bidirectional transformers",
		"GPT-4 Technical Report":                                "GPT-4 technical report",
		"Scaling ImageNet to 3D with t-SNE":                     "Scaling ImageNet to 3D with t-SNE",
		"Deep learning for Java":                                "Deep learning for Java",
	} {
		assert.Equal(t, want, sentenceCase(bibTitle(in)), in)
	}
}
