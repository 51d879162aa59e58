package citation

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/shared/syncproto"
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
			About  string
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
		assert.Equal(t, x.Want, citeKey(x.ID, x.Authors, x.Title, x.Published, map[string]bool{}, map[string]int{}),
			"key %+v", x)
	}
	require.NotEmpty(t, v.KeyLists)
	for _, x := range v.KeyLists {
		ps := make([]keyed, len(x.Papers))
		for i, p := range x.Papers {
			ps[i] = keyed{id: p.ID, authors: p.Authors, title: p.Title, published: p.Published}
			if p.SavedAt != "" {
				ps[i].saved, err = time.Parse(time.RFC3339, p.SavedAt)
				require.NoError(t, err)
			}
		}
		keys := citeKeys(ps)
		assert.Equal(t, x.Want, keys, "%s", x.About)
		// Without the paper saved last, every other paper keeps its key.
		last := 0
		for i, p := range ps {
			if pl := ps[last]; p.saved.UnixMilli() > pl.saved.UnixMilli() ||
				p.saved.UnixMilli() == pl.saved.UnixMilli() && p.id >= pl.id {
				last = i
			}
		}
		before := citeKeys(append(append([]keyed{}, ps[:last]...), ps[last+1:]...))
		assert.Equal(t, append(append([]string{}, keys[:last]...), keys[last+1:]...), before,
			"an older paper's key changed when %s was saved (%s)", ps[last].title, x.About)
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
	SavedAt                    string `json:"saved_at"`
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

// Many papers on one base get every ending in turn, b…z, aa…, each search resuming where the last stopped.
func TestCiteKeysManyOnOneBase(t *testing.T) {
	ps := make([]keyed, 5000)
	for i := range ps {
		ps[i] = keyed{id: "doi:10.1000/x"}
	}
	keys := citeKeys(ps)
	assert.Equal(t, "anonpaper", keys[0])
	for i := 1; i < len(keys); i++ {
		require.Equal(t, "anonpaper"+letters(i+1), keys[i], "paper %d", i)
	}
	assert.Equal(t, "anonpapergjh", keys[4999])
}

// TestEntrySharedVectors runs the "entries" of testdata/bibtex.json (shared with extension/lib/export.test.js):
// what the three exports make of a synced item's published date and venue.
func TestEntrySharedVectors(t *testing.T) {
	raw, err := os.ReadFile("testdata/bibtex.json")
	require.NoError(t, err)
	var v struct {
		Entries []struct {
			About string
			Item  syncproto.Item
			// Meta is the saving device's (extension/lib/export.test.js reads it); the server never has it and
			// must write the same from the item alone.
			Meta   map[string]any    `json:"meta"`
			BibTeX map[string]string `json:"bibtex"`
			RIS    map[string]string `json:"ris"`
			CSL    map[string]any    `json:"csl"`
		}
	}
	require.NoError(t, json.Unmarshal(raw, &v))
	require.NotEmpty(t, v.Entries)
	for _, e := range v.Entries {
		items := []syncproto.Item{e.Item}
		var b strings.Builder
		require.NoError(t, BibTeX(&b, items))
		head := regexp.MustCompile(`^@(\w+)\{([^,]*),\n`).FindStringSubmatch(b.String())
		require.NotNil(t, head, b.String())
		got := map[string]string{"type": head[1], "key": head[2]}
		for _, m := range regexp.MustCompile(`(?m)^  (year|month|booktitle|journal|eprint|archiveprefix|doi) = \{(.*)\},$`).FindAllStringSubmatch(b.String(), -1) {
			got[m[1]] = m[2]
		}
		assert.Equal(t, e.BibTeX, got, "BibTeX of %s", e.About)

		b.Reset()
		require.NoError(t, RIS(&b, items))
		got = map[string]string{}
		for _, m := range regexp.MustCompile(`(?m)^(TY|PY|DA|T2|DO)  - (.*)\r$`).FindAllStringSubmatch(b.String(), -1) {
			got[m[1]] = m[2]
		}
		assert.Equal(t, e.RIS, got, "RIS of %s", e.About)

		b.Reset()
		require.NoError(t, CSLJSON(&b, items))
		var csl []map[string]any
		require.NoError(t, json.Unmarshal([]byte(b.String()), &csl))
		require.Len(t, csl, 1)
		gotCSL := map[string]any{"type": csl[0]["type"]}
		if d, ok := csl[0]["issued"].(map[string]any); ok {
			gotCSL["issued"] = d["date-parts"]
		}
		for _, f := range []string{"container-title", "DOI", "number"} {
			if c, ok := csl[0][f]; ok {
				gotCSL[f] = c
			}
		}
		assert.Equal(t, e.CSL, gotCSL, "CSL-JSON of %s", e.About)
	}
}
