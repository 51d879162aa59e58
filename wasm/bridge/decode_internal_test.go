package bridge

import (
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/shared/paper"
)

// The host's requests decode as json.Unmarshal decodes them: the same papers, and an error for the same
// documents.

var paperDocuments = []string{
	`[{"id": "arxiv:1706.03762", "version": "v7", "title": "Attention Is All You Need", "authors": ["A", "B"],
	   "abstract": "We propose", "url": "https://arxiv.org/abs/1706.03762", "pdf_url": "https://arxiv.org/pdf/1706.03762",
	   "published": "2017-06-12", "venue": "NeurIPS", "categories": ["cs.CL"], "arxiv_id": "1706.03762",
	   "doi": "10.1/x", "locator": {"href": "/abs/1706.03762", "selector": "dl > dt", "link": 3}, "extra": {"a": [1]}}]`,
	`[{"ID": "upper", "Title": "mixed", "PDF_URL": "u", "Locator": {"LINK": 2}}, {}, null]`,
	`[{"title": "a", "title": null, "authors": null, "locator": null}]`,
	`[{"title": 3}]`, `[{"authors": "A"}]`, `[{"authors": ["A", 1]}]`, `[{"locator": {"link": 1.5}}]`,
	`[{"locator": {"link": "1"}}]`, `[{"locator": []}]`, `["paper"]`, `{"title": "an object"}`, `null`, `[]`,
	`[{"title": "unclosed"`, `[{"title": "a"}] x`, `[{"title": "\ud83d\ude00 \ud83d"}]`, "[{\"title\": \"\xff\"}]",
}

func TestDecodePapersAsUnmarshal(t *testing.T) {
	for _, doc := range paperDocuments {
		t.Run(doc[:min(len(doc), 30)], func(t *testing.T) {
			var want, got []paper.Paper
			wantErr := json.Unmarshal([]byte(doc), &want)
			err := decodePapers(doc, &got)
			assert.Equal(t, wantErr != nil, err != nil, "encoding/json: %v, jsontree: %v", wantErr, err)
			if wantErr == nil {
				assert.Equal(t, want, got)
			}
		})
	}
}

var libraryDocuments = []string{
	`{"reset": true, "add": [{"paper_id": "p1", "title": "T", "abstract": "A", "keyphrases": ["k"], "tags": ["t"]}],
	  "remove": ["p0"], "loaded": true}`,
	`{"RESET": false, "Add": [{"PAPER_ID": "p2"}, {}], "Remove": [], "unknown": null}`,
	`{"add": null, "remove": null, "reset": null}`, `{}`, `null`,
	`{"reset": "yes"}`, `{"add": {"paper_id": "p"}}`, `{"add": [{"tags": "t"}]}`, `{"remove": [1]}`,
	`[]`, `"library"`, `{"reset": true`, `{"loaded": 1}`,
}

func TestDecodeLibraryRequestAsUnmarshal(t *testing.T) {
	for _, doc := range libraryDocuments {
		t.Run(doc[:min(len(doc), 30)], func(t *testing.T) {
			var want, got LibraryRequest
			wantErr := json.Unmarshal([]byte(doc), &want)
			err := decodeLibraryRequest(doc, &got)
			assert.Equal(t, wantErr != nil, err != nil, "encoding/json: %v, jsontree: %v", wantErr, err)
			if wantErr == nil {
				assert.Equal(t, want, got)
			}
		})
	}
}

func FuzzDecodeRequests(f *testing.F) {
	for _, doc := range append(paperDocuments, libraryDocuments...) {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		var want, got []paper.Paper
		wantErr := json.Unmarshal([]byte(doc), &want)
		err := decodePapers(doc, &got)
		assert.Equal(t, wantErr != nil, err != nil, "encoding/json: %v, jsontree: %v", wantErr, err)
		if wantErr == nil {
			assert.Equal(t, want, got)
		}
		var wantLib, gotLib LibraryRequest
		wantErr = json.Unmarshal([]byte(doc), &wantLib)
		err = decodeLibraryRequest(doc, &gotLib)
		assert.Equal(t, wantErr != nil, err != nil, "encoding/json: %v, jsontree: %v", wantErr, err)
		if wantErr == nil {
			assert.Equal(t, wantLib, gotLib)
		}
	})
}

// A field added to paper.Paper, rank.Paper or LibraryRequest must be read as well as written: every field,
// filled by reflection (full), is written by encoding/json and must come back from the hand readers as
// json.Unmarshal reads it, which is the filled value itself unless the text is not valid UTF-8 (then both read
// U+FFFD). A field the readers miss comes back zero and fails here.
func TestDecodeReadsEveryFieldMarshalWrites(t *testing.T) {
	for _, s := range texts {
		for _, n := range numbers {
			checkRoundTrip(t, full[[]paper.Paper](t, s, n), decodePapers, utf8.ValidString(s))
			checkRoundTrip(t, full[LibraryRequest](t, s, n), decodeLibraryRequest, utf8.ValidString(s))
		}
	}
}

func checkRoundTrip[T any](t *testing.T, filled T, decode func(string, *T) error, same bool) {
	t.Helper()
	doc, err := json.Marshal(filled)
	require.NoError(t, err)
	var want, got T
	require.NoError(t, json.Unmarshal(doc, &want))
	require.NoError(t, decode(string(doc), &got))
	assert.Equal(t, want, got, "%s", doc)
	if same {
		assert.Equal(t, filled, got, "%s", doc)
	}
}
