package extract_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/extract"
)

func TestGenericFindsNoPaperOnOrdinaryPages(t *testing.T) {
	for name, page := range map[string]string{
		"open graph only": `<html><head><meta property="og:title" content="My Holiday"><meta property="og:type" content="article"></head><body><h1>My Holiday</h1></body></html>`,
		"news article":    `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Markets Rise","author":"A Reporter"}</script>`,
		"cited papers only": `<script type="application/ld+json">{"@type":"WebPage","name":"Reading list","citation":[
			{"@type":"ScholarlyArticle","name":"Not The Subject","identifier":"10.1000/x"}]}</script>`,
		"broken JSON-LD":   `<script type="application/ld+json">{"@type":"ScholarlyArticle","name":</script>`,
		"empty title meta": `<meta name="citation_title" content="  "><meta name="citation_author" content="Someone">`,
	} {
		t.Run(name, func(t *testing.T) {
			res, err := extract.Extract([]byte(page), "https://blog.example.com/post/1")
			require.NoError(t, err)
			assert.Equal(t, "generic", res.Site)
			assert.Empty(t, res.Papers)
		})
	}
}

func TestGenericJSONLDForms(t *testing.T) {
	tests := []struct {
		name, ld string
		want     []string // ID, title, first author
	}{
		{"type array and @list authors", `{"@type":["CreativeWork","ScholarlyArticle"],"name":"T1","author":{"@list":[{"@type":"Person","name":"B. One"}]},"identifier":"https://doi.org/10.1000/T1"}`,
			[]string{"doi:10.1000/t1", "T1", "B. One"}},
		{"full schema.org IRI type", `{"@type":"http://schema.org/ScholarlyArticle","headline":"T2","creator":"Creator, Carla","sameAs":"https://arxiv.org/abs/2401.00001v3"}`,
			[]string{"arxiv:2401.00001", "T2", "Carla Creator"}},
		{"scholarly article wins over a plain article", `[{"@type":"Article","name":"Plain"},{"@type":"ScholarlyArticle","name":"Scholarly","author":"S"}]`,
			[]string{"url:https://journal.example.com/a/1", "Scholarly", "S"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<script type="application/ld+json">` + tt.ld + `</script>`
			res, err := extract.Extract([]byte(page), "https://journal.example.com/a/1")
			require.NoError(t, err)
			require.Len(t, res.Papers, 1)
			p := res.Papers[0]
			require.NotEmpty(t, p.Authors)
			assert.Equal(t, tt.want, []string{p.ID, p.Title, p.Authors[0]})
		})
	}
}
