package jsontree_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/papergist/papergist/wasm/internal/jsontree"
)

// benchDocument is a listing's worth of JSON like Hugging Face's data-props: 200 papers with authors,
// an abstract of about 1,200 characters (some escapes and non-ASCII), numbers and flags.
func benchDocument() string {
	type author struct {
		Name   string `json:"name"`
		Hidden bool   `json:"hidden"`
	}
	type paper struct {
		ID          string   `json:"id"`
		Title       string   `json:"title"`
		Summary     string   `json:"summary"`
		Authors     []author `json:"authors"`
		Upvotes     int      `json:"upvotes"`
		PublishedAt string   `json:"publishedAt"`
		Score       float64  `json:"score"`
		Keywords    []string `json:"ai_keywords"`
	}
	var papers []map[string]any
	for i := range 200 {
		p := paper{
			ID:          fmt.Sprintf("2408.%05d", i),
			Title:       fmt.Sprintf("Paper %d: attention, \"scaling\" & déjà vu", i),
			Summary:     strings.Repeat("We study how models <scale> with data; results improve by 3.5%\n. ", 20),
			Authors:     []author{{"Ada Lovelace", false}, {"Émile Borel", true}, {"李雷", false}},
			Upvotes:     i * 7,
			PublishedAt: "2024-08-01T12:00:00.000Z",
			Score:       float64(i) / 3,
			Keywords:    []string{"attention", "scaling laws", "benchmarks"},
		}
		papers = append(papers, map[string]any{"paper": p, "numComments": i, "isAuthorParticipating": false})
	}
	b, err := json.Marshal(map[string]any{"dailyPapers": papers, "date": "2024-08-01"})
	if err != nil {
		panic(err)
	}
	return string(b)
}

// BenchmarkParse and BenchmarkUnmarshal read the same document into an any: jsontree, then encoding/json,
// in one process (go test -bench 'Parse|Unmarshal'; in the wasm: GOOS=js GOARCH=wasm go test -c and run the
// binary with $(go env GOROOT)/lib/wasm/go_js_wasm_exec).
func BenchmarkParse(b *testing.B) {
	doc := benchDocument()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jsontree.Parse(doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnmarshal(b *testing.B) {
	doc := benchDocument()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		var v any
		if err := json.Unmarshal([]byte(doc), &v); err != nil {
			b.Fatal(err)
		}
	}
}
