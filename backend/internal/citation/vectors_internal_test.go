package citation

import (
	"encoding/json"
	"fmt"
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
			About          string
			Papers         []keyCase
			Want           []string
			LettersCollide bool `json:"letters_collide"`
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
		assert.Equal(t, x.Want, keyBase(x.ID, x.Authors, x.Title, x.Published), "key %+v", x)
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
		ids := map[string]bool{}
		for _, p := range ps {
			ids[p.id] = true
		}
		if x.LettersCollide || len(ids) < len(ps) {
			continue // the one case where a removal may shorten another key's letters (the rule's comment)
		}
		// Without any one paper, every other keeps its key, but for one: when the removed paper had its key as it
		// is, the paper saved next on that key takes it.
		for r := range ps {
			rest := append(append([]keyed{}, ps[:r]...), ps[r+1:]...)
			want := append(append([]string{}, keys[:r]...), keys[r+1:]...)
			base := keyBase(ps[r].id, ps[r].authors, ps[r].title, ps[r].published)
			if keys[r] == base {
				next := -1
				for i, p := range rest {
					if keyBase(p.id, p.authors, p.title, p.published) == base && (next < 0 || older(p, rest[next])) {
						next = i
					}
				}
				if next >= 0 {
					want[next] = base
				}
			}
			assert.Equal(t, want, citeKeys(rest), "without %s (%s)", ps[r].title, x.About)
		}
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

// older says whether a was saved before b (ties by ID), the order keys are handed out in.
func older(a, b keyed) bool {
	if ta, tb := a.saved.UnixMilli(), b.saved.UnixMilli(); ta != tb {
		return ta < tb
	}
	return a.id < b.id
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

// Many papers on one base each get their own letters, unique, and the first saved the key as it is.
func TestCiteKeysManyOnOneBase(t *testing.T) {
	ps := make([]keyed, 5000)
	for i := range ps {
		ps[i] = keyed{id: fmt.Sprintf("doi:10.1000/%d", i), saved: time.Unix(int64(i), 0)}
	}
	keys := citeKeys(ps)
	assert.Equal(t, "anonpaper", keys[0])
	seen := map[string]bool{}
	for i, k := range keys {
		require.False(t, seen[k], "key %s twice", k)
		seen[k] = true
		if i > 0 {
			require.Regexp(t, `^anonpaper`+tagLetters(ps[i].id, 3)+`[a-z]*$`, k, "paper %d", i)
		}
	}
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
			Meta map[string]any `json:"meta"`
			// DeviceOnly are the fields the saving device writes from its meta alone (a DOI the ID does not name):
			// only the extension's suite expects them.
			DeviceOnly map[string]any    `json:"device_only"`
			BibTeX     map[string]string `json:"bibtex"`
			RIS        map[string]string `json:"ris"`
			CSL        map[string]any    `json:"csl"`
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
		// a field's value may span lines (annote: the note's lines)
		for _, m := range regexp.MustCompile(`(?ms)^  (year|month|booktitle|journal|eprint|archiveprefix|doi|note|annote|keywords) = \{(.*?)\},$`).FindAllStringSubmatch(b.String(), -1) {
			got[m[1]] = m[2]
		}
		assert.Equal(t, e.BibTeX, got, "BibTeX of %s", e.About)

		b.Reset()
		require.NoError(t, RIS(&b, items))
		got = map[string]string{}
		// Every line a tag's (strict readers refuse any other: pandoc, astrocite), N1 once (one Zotero note); a tag
		// given on several lines has its values one to a line.
		assert.LessOrEqual(t, strings.Count(b.String(), "\r\nN1  - "), 1, "one N1: %s", e.About)
		for _, l := range strings.Split(strings.TrimSuffix(b.String(), "\r\n"), "\r\n") {
			assert.Regexp(t, `^([A-Z][A-Z0-9]  - .*)?$`, l, "a line of its own tag: %s", e.About)
		}
		for _, m := range regexp.MustCompile(`(?m)^(TY|PY|DA|T2|PB|DO|N1|KW)  - (.*)\r$`).FindAllStringSubmatch(b.String(), -1) {
			if got[m[1]] != "" {
				m[2] = got[m[1]] + "\n" + m[2] // a tag given on several lines: its values one to a line
			}
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
		for _, f := range []string{"container-title", "DOI", "number", "publisher", "note", "keyword"} {
			if c, ok := csl[0][f]; ok {
				gotCSL[f] = c
			}
		}
		if _, ok := e.CSL["author"]; ok { // compared where the case names it
			gotCSL["author"] = csl[0]["author"]
		}
		assert.Equal(t, e.CSL, gotCSL, "CSL-JSON of %s", e.About)
	}
}

// One paper exported many times (a repeated ID, which the vectors take as valid input) keeps every key unique, and
// handing the keys out stays linear: the endings after its letters go on from the last one taken, where trying
// them all from b on again for each paper is about n²/2 tries, 12.5 million for 5,000 papers.
func TestCiteKeysOneIDManyTimes(t *testing.T) {
	const id = "arxiv:1706.03762"
	ps := make([]keyed, 5000)
	for i := range ps {
		ps[i] = keyed{id: id, authors: []string{"Ashish Vaswani"}, title: "Attention Is All You Need", saved: time.Unix(int64(i), 0)}
	}
	keys, tries := handOutKeys(ps)
	assert.LessOrEqual(t, tries, 8*len(ps), "tries for %d papers", len(ps))
	assert.Equal(t, []string{"vaswani2017attention", "vaswani2017attention" + tagLetters(id, 3)}, keys[:2])
	assert.Equal(t, "vaswani2017attention"+tagLetters(id, 7)+"b", keys[6])
	seen := map[string]bool{}
	for _, k := range keys {
		require.False(t, seen[k], "key %s twice", k)
		seen[k] = true
	}
}

// The endings carried on from the last one taken give the keys that trying every ending from b on gives: three
// IDs, each many times, in one list.
func TestCiteKeysRepeatedIDsAsTryingEveryEnding(t *testing.T) {
	ps := make([]keyed, 300)
	for i := range ps {
		ps[i] = keyed{id: fmt.Sprintf("doi:10.1000/%d", i%3), saved: time.Unix(int64(i), 0)}
	}
	used := map[string]bool{}
	want := make([]string, len(ps))
	for i, p := range ps { // already oldest first
		key := keyBase(p.id, p.authors, p.title, p.published)
		for n := 3; n <= 7 && used[key]; n++ {
			key = keyBase(p.id, p.authors, p.title, p.published) + tagLetters(p.id, n)
		}
		for n, tag := 2, key; used[key]; n++ {
			key = tag + letters(n)
		}
		want[i], used[key] = key, true
	}
	assert.Equal(t, want, citeKeys(ps))
}

// The README's "Citation keys" and the rule comments of both writers name the keys the code gives, removals too.
func TestKeyExamplesInDocs(t *testing.T) {
	read := func(path string) string {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		return strings.Join(strings.Fields(string(b)), " ")
	}
	readme := read("../../../README.md")
	// says checks a document's text without printing the whole document when it fails
	says := func(doc, name, want string) {
		t.Helper()
		assert.True(t, strings.Contains(doc, want), "%s does not say %q", name, want)
	}
	at := func(day int) time.Time { return time.Date(2024, 1, day, 0, 0, 0, 0, time.UTC) }
	vaswani := func(id, title string, day int) keyed {
		return keyed{id: id, authors: []string{"Ashish Vaswani"}, title: title, saved: at(day)}
	}

	first, later := vaswani("arxiv:1706.03762", "Attention Is All You Need", 1), vaswani("arxiv:1712.09999", "Attention Everywhere", 2)
	keys := citeKeys([]keyed{first, later})
	for _, src := range []string{"citekey.go", "../../../extension/lib/export.js"} {
		says(read(src), src, "arxiv:1712.09999 gets "+keys[1])
	}
	says(readme, "README", "arXiv 1712.09999 gets `"+keys[1]+"`")
	says(readme, "README", fmt.Sprintf("`%s` becomes `%s`", keys[1], citeKeys([]keyed{later})[0])) // the first paper removed

	x, y, z := vaswani("arxiv:2301.99999", "Attention First", 1), vaswani("arxiv:2301.00068", "Attention Once More", 2),
		vaswani("arxiv:2301.00284", "Attention Again", 3)
	keys = citeKeys([]keyed{x, y, z})
	says(readme, "README", fmt.Sprintf("`%s` becomes `%s`", keys[2], citeKeys([]keyed{x, z})[1])) // same three letters

	smith := func(url, title string, day int) keyed {
		return keyed{id: url, authors: []string{"Ann Smith"}, title: title, published: "2020", saved: at(day)}
	}
	a, b, c := smith("url:https://example.org/Learning", "Learning", 1), smith("url:https://example.org/Learning/2", "Learning Again", 2),
		smith("url:https://example.org/Learning/3", "Learninglcv Systems", 3)
	keys = citeKeys([]keyed{a, b, c})
	says(readme, "README", fmt.Sprintf("holds that key (`%s` plus `%s`), so it gets `%s`. When the older paper goes, it takes `%s`.",
		keys[0], strings.TrimPrefix(keys[1], keys[0]), keys[2], citeKeys([]keyed{a, c})[1])) // a key as it is that spells another's letters
}
