package extract_test

import (
	"html"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/extract"
)

func TestHuggingFaceEdges(t *testing.T) {
	card := func(id, title string) string {
		return `<article><h3><a href="/papers/` + id + `">` + title + `</a></h3></article>`
	}
	props := func(json string) string {
		return `<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="` + html.EscapeString(json) + `"></div>`
	}
	deep := strings.Repeat(`{"x":`, 40) + `{"paper":{"id":"2501.00009","title":"Too Deep","summary":"s"}}` + strings.Repeat(`}`, 40)
	tests := []struct {
		name   string
		page   string
		titles []string
	}{
		{"broken props fall back to the cards", props(`{"dailyPapers":[{"paper":`) + card("2501.00001", "From The Card"), []string{"From The Card"}},
		{"props give the abstract the card lacks", props(`{"dailyPapers":[{"paper":{"id":"2501.00001","title":"From Props","summary":"S."}}]}`) + card("2501.00001", "From The Card"), []string{"From Props"}},
		{"props nested too deep are not searched", props(deep), nil},
		{"an object without a summary or authors is not a paper", props(`{"paper":{"id":"2501.00002","title":"Just A Link"}}`), nil},
		{"papers only in props keep their order", props(`{"papers":[{"id":"2501.00003","title":"B","authors":[]},{"id":"2501.00004","title":"A","authors":[]}]}`), []string{"B", "A"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := extract.Extract([]byte(tt.page), "https://huggingface.co/papers")
			require.NoError(t, err)
			var titles []string
			for _, p := range res.Papers {
				titles = append(titles, p.Title)
			}
			assert.Equal(t, tt.titles, titles)
		})
	}
}
