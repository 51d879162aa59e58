package citation_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/internal/citation"
	"github.com/papergist/papergist/shared/syncproto"
)

// nasty holds every character the formats treat specially.
var nasty = []syncproto.Item{
	{ID: "arxiv:2401.12345", Title: "Braces {and} 100% of $x_1$ & #tags ~ ^ \\ @home",
		Authors: []string{"Ada King Lovelace", "Jane and Doe", "Plato"}, Abstract: "Line one.\nLine two,\r\nthree.\t}",
		URL: "https://arxiv.org/abs/2401.12345", PDFURL: "https://arxiv.org/pdf/2401.12345", Tags: []string{"ml", "a}b"},
		Keyphrases: []string{"key phrase"}, Note: "ER  - not an end\nTY  - not a start"},
	{ID: "doi:10.1000/a_b", Title: "DOI paper", Authors: []string{"Zed Z"}, URL: "https://doi.org/10.1000/a_b"},
	{ID: "doi:10.1000/a-b", Title: "DOI paper 2", URL: "https://doi.org/10.1000/a-b"},
	{ID: "url:https://example.org/p", Title: "Unbalanced }}} {{", URL: "https://example.org/p"},
}

// bibEntry is a parsed BibTeX entry.
type bibEntry struct {
	typ, key string
	fields   map[string]string
}

// parseBibTeX parses entries the way BibTeX does: brace-delimited values whose braces must balance, counting
// every brace, backslash or not. It fails on anything else.
func parseBibTeX(t *testing.T, src string) []bibEntry {
	t.Helper()
	var out []bibEntry
	s := src
	head := regexp.MustCompile(`^\s*@([a-z]+)\{([A-Za-z0-9_]+),\n`)
	field := regexp.MustCompile(`^\s*([a-z]+) = \{`)
	for strings.TrimSpace(s) != "" {
		m := head.FindStringSubmatch(s)
		require.NotNil(t, m, "entry start at %q", s[:min(len(s), 60)])
		e := bibEntry{typ: m[1], key: m[2], fields: map[string]string{}}
		s = s[len(m[0]):]
		for {
			if strings.HasPrefix(s, "}\n") {
				s = s[2:]
				break
			}
			fm := field.FindStringSubmatch(s)
			require.NotNil(t, fm, "field at %q", s[:min(len(s), 60)])
			s = s[len(fm[0]):]
			depth, i := 1, 0
			for ; depth > 0; i++ {
				require.Less(t, i, len(s), "unbalanced braces in %s", fm[1])
				switch s[i] {
				case '{':
					depth++
				case '}':
					depth--
				}
			}
			e.fields[fm[1]] = s[:i-1]
			require.True(t, strings.HasPrefix(s[i:], ",\n"), "field end at %q", s[i:min(len(s), i+20)])
			s = s[i+2:]
		}
		out = append(out, e)
	}
	return out
}

// unTeX reverses the escaping, to compare with the input.
var unTeX = strings.NewReplacer(`{\textbackslash}`, `\`, `{\textbraceleft}`, `{`, `{\textbraceright}`, `}`,
	`{\textasciitilde}`, `~`, `{\textasciicircum}`, `^`, `{@}`, `@`, `\&`, `&`, `\%`, `%`, `\$`, `$`, `\#`, `#`, `\_`, `_`)

func TestBibTeXParses(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, citation.BibTeX(&buf, nasty))
	entries := parseBibTeX(t, buf.String())
	require.Len(t, entries, len(nasty))

	e := entries[0]
	assert.Equal(t, "misc", e.typ)
	assert.Equal(t, "lovelace2024braces", e.key, "the key rule of testdata/bibtex.json")
	assert.Equal(t, nasty[0].Title, unTeX.Replace(e.fields["title"]))
	assert.Equal(t, "{Lovelace}, Ada King and {Doe}, {Jane and} and {Plato}", unTeX.Replace(e.fields["author"]))
	assert.Equal(t, "2024", e.fields["year"])
	assert.Equal(t, "2401.12345", e.fields["eprint"])
	assert.Equal(t, "Line one. Line two, three. }", unTeX.Replace(e.fields["abstract"]))
	assert.Equal(t, "ml, a}b", unTeX.Replace(e.fields["keywords"]), "the user's tags; key phrases go in annote")
	assert.Equal(t, "Key phrases: key phrase.\nNote: ER - not an end\nTY - not a start.", unTeX.Replace(e.fields["annote"]),
		"a part to a line, the note's lines kept")
	assert.NotContains(t, e.fields, "note", "styles print note under the reference")
	for name, v := range e.fields {
		if name == "url" || name == "doi" || name == "eprint" {
			continue // verbatim fields: TestBibTeXLinksStayVerbatim
		}
		assert.NotRegexp(t, `(^|[^\\])[&%$#_]`, v, "unescaped special in %s", name)
	}
	assert.Equal(t, "article", entries[1].typ)
	assert.Equal(t, "10.1000/a_b", entries[1].fields["doi"])
	assert.NotEqual(t, entries[1].key, entries[2].key, "keys are unique")
	assert.Equal(t, nasty[3].Title, unTeX.Replace(entries[3].fields["title"]))
}

// TestBibTeXLinksStayVerbatim: url and doi are links, not text: a TeX escape (\%, \_, \#) in them breaks the link.
// And a name already in BibTeX's order ("Eve, Jr, Mallory") stays one author with three parts.
func TestBibTeXLinksStayVerbatim(t *testing.T) {
	item := syncproto.Item{ID: "doi:10.1000/x_y", Title: "T", Authors: []string{"Eve, Jr, Mallory", "Martin Luther King Jr."},
		URL: "https://example.org/a_b%20c?x=1&y=~2#sec_3"}
	var buf bytes.Buffer
	require.NoError(t, citation.BibTeX(&buf, []syncproto.Item{item}))
	e := parseBibTeX(t, buf.String())[0]
	assert.Equal(t, item.URL, e.fields["url"])
	assert.Equal(t, "10.1000/x_y", e.fields["doi"])
	assert.Equal(t, "{Eve}, Jr, Mallory and {King}, Jr., Martin Luther", e.fields["author"])

	buf.Reset()
	require.NoError(t, citation.RIS(&buf, []syncproto.Item{item}))
	assert.Contains(t, buf.String(), "AU  - Eve, Mallory, Jr\r\n")
	assert.Contains(t, buf.String(), "UR  - "+item.URL+"\r\n")
}

// parseRIS parses RIS records strictly, as pandoc's reader: every line is "XX  - value" and every record ends with ER.
func parseRIS(t *testing.T, src string) []map[string][]string {
	t.Helper()
	line := regexp.MustCompile(`^([A-Z][A-Z0-9])  - (.*)$`)
	var out []map[string][]string
	var cur map[string][]string
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		l := strings.TrimSuffix(sc.Text(), "\r")
		if l == "" {
			continue
		}
		m := line.FindStringSubmatch(l)
		require.NotNil(t, m, "not a RIS line: %q", l)
		switch {
		case m[1] == "TY":
			require.Nil(t, cur, "TY inside a record")
			cur = map[string][]string{"TY": {m[2]}}
		case m[1] == "ER":
			require.NotNil(t, cur)
			out = append(out, cur)
			cur = nil
		default:
			require.NotNil(t, cur, "%s outside a record", m[1])
			cur[m[1]] = append(cur[m[1]], m[2])
		}
	}
	require.Nil(t, cur, "last record not ended")
	return out
}

func TestRISParses(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, citation.RIS(&buf, nasty))
	recs := parseRIS(t, buf.String())
	require.Len(t, recs, len(nasty))
	r := recs[0]
	assert.Equal(t, map[string][]string{
		"TY": {"UNPB"}, "TI": {nasty[0].Title}, "PB": {"arXiv"},
		"AU": {"Lovelace, Ada King", "Doe, Jane and", "Plato"}, "PY": {"2024"},
		"AB": {"Line one. Line two, three. }"}, "UR": {nasty[0].URL}, "L1": {nasty[0].PDFURL},
		"KW": {"ml", "a}b"}, "N1": {"Key phrases: key phrase. Note: ER - not an end / TY - not a start."},
	}, r)
	assert.Equal(t, []string{"JOUR"}, recs[1]["TY"])
	assert.Equal(t, []string{"10.1000/a_b"}, recs[1]["DO"])
	assert.Equal(t, []string{"GEN"}, recs[3]["TY"], "a paper known by its URL alone: no web page, no journal")
}

func TestCSLJSONParses(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, citation.CSLJSON(&buf, nasty))
	var got []map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
	require.Len(t, got, len(nasty))
	assert.Equal(t, "article", got[0]["type"])
	assert.Equal(t, nasty[0].Title, got[0]["title"])
	assert.Equal(t, "arXiv:2401.12345", got[0]["number"])
	assert.Equal(t, []any{map[string]any{"family": "Lovelace", "given": "Ada King"}, map[string]any{"family": "Doe", "given": "Jane and"},
		map[string]any{"family": "Plato"}}, got[0]["author"])
	assert.Equal(t, "arXiv", got[0]["publisher"])
	assert.Equal(t, map[string]any{"date-parts": []any{[]any{float64(2024)}}}, got[0]["issued"])
	assert.Equal(t, "article-journal", got[1]["type"])
	assert.Equal(t, "10.1000/a_b", got[1]["DOI"])
	assert.Equal(t, "document", got[3]["type"])
}

func TestWriteUnknownFormat(t *testing.T) {
	assert.Error(t, citation.Write(&bytes.Buffer{}, "endnote", nil))
	for name := range citation.Formats {
		assert.NoError(t, citation.Write(&bytes.Buffer{}, name, nasty), fmt.Sprint(name))
	}
}

// An author of only spaces was written as "{}" in BibTeX (and {} in CSL-JSON), and a tag with a comma read back as
// two keywords.
func TestOddRecordsExport(t *testing.T) {
	odd := []syncproto.Item{{ID: "arxiv:2401.12345", Title: "T", Authors: []string{"   ", "Ada Lovelace", ",", "\u00a0"},
		URL: "https://arxiv.org/abs/2401.12345", Tags: []string{"deep learning, theory", "x;y"}, Keyphrases: []string{"key phrase"}}}
	var bib, ris, csl bytes.Buffer
	require.NoError(t, citation.BibTeX(&bib, odd))
	assert.Contains(t, bib.String(), "  author = {{Lovelace}, Ada},\n")
	assert.Contains(t, bib.String(), "  keywords = {deep learning theory, x y},\n")
	require.NoError(t, citation.RIS(&ris, odd))
	assert.Equal(t, []string{"Lovelace, Ada"}, parseRIS(t, ris.String())[0]["AU"])
	require.NoError(t, citation.CSLJSON(&csl, odd))
	var got []map[string]any
	require.NoError(t, json.Unmarshal(csl.Bytes(), &got))
	assert.Equal(t, []any{map[string]any{"family": "Lovelace", "given": "Ada"}}, got[0]["author"])
	assert.Equal(t, "deep learning theory, x y", got[0]["keyword"])
}

// The title field braces only the words that keep their case, as the extension's writer does (testdata/bibtex.json
// has the rule's cases); the server's writer braced the whole title, which no style could sentence-case.
func TestBibTeXTitleField(t *testing.T) {
	var bib bytes.Buffer
	require.NoError(t, citation.BibTeX(&bib, []syncproto.Item{{ID: "arxiv:1810.04805", Title: "BERT: Pre-Training of GPT-4"}}))
	assert.Contains(t, bib.String(), "  title = {{BERT}: Pre-Training of {GPT-4}},\n")
}

// TestHuggingFaceArxivLinksToArxiv: an arXiv paper saved from its Hugging Face page exports the arXiv abstract
// page as its link, in every format, and the key the extension gives it.
func TestHuggingFaceArxivLinksToArxiv(t *testing.T) {
	item := syncproto.Item{ID: "arxiv:2407.21770", Title: "MoMa: Efficient Early-Fusion Pre-training",
		Authors: []string{"Xi Victoria Lin"}, URL: "https://huggingface.co/papers/2407.21770"}
	const abs = "https://arxiv.org/abs/2407.21770"
	var buf bytes.Buffer
	require.NoError(t, citation.BibTeX(&buf, []syncproto.Item{item}))
	e := parseBibTeX(t, buf.String())[0]
	assert.Equal(t, "lin2024moma", e.key)
	assert.Equal(t, abs, e.fields["url"])
	buf.Reset()
	require.NoError(t, citation.RIS(&buf, []syncproto.Item{item}))
	assert.Contains(t, buf.String(), "UR  - "+abs+"\r\n")
	buf.Reset()
	require.NoError(t, citation.CSLJSON(&buf, []syncproto.Item{item}))
	var csl []citation.CSLItem
	require.NoError(t, json.Unmarshal(buf.Bytes(), &csl))
	assert.Equal(t, abs, csl[0].URL)
}
