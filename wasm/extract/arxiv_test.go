package extract_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/extract"
)

// Edge cases the golden fixtures do not show: pages that give no paper or only part of one.

const atomEntry = `<entry><id>http://arxiv.org/abs/2401.00001v2</id><published>2024-01-01T00:00:00Z</published>
<title>First</title><summary>One.</summary><author><name>A. Author</name></author></entry>`

func TestArxivFeedEdges(t *testing.T) {
	const head = `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">`
	tests := []struct {
		name string
		page string
		ids  []string
	}{
		{"error answer", head + `<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>
			<title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>`, nil},
		{"truncated inside the second entry", head + atomEntry + `<entry><id>http://arxiv.org/abs/2401.00002v1</id><title>Sec`, []string{"arxiv:2401.00001"}},
		{"HTML entity in a title", head + strings.Replace(atomEntry, "First", "Caf&eacute; &amp; Co", 1) + `</feed>`, []string{"arxiv:2401.00001"}},
		{"empty feed", head + `</feed>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := extract.Extract([]byte(tt.page), "http://export.arxiv.org/api/query?id_list=2401.00001")
			require.NoError(t, err)
			var ids []string
			for _, p := range res.Papers {
				ids = append(ids, p.ID)
			}
			assert.Equal(t, tt.ids, ids)
		})
	}
	res, err := extract.Extract([]byte(head+strings.Replace(atomEntry, "First", "Caf&eacute; &amp; Co", 1)+`</feed>`), "http://export.arxiv.org/api/query")
	require.NoError(t, err)
	require.Len(t, res.Papers, 1)
	assert.Equal(t, "Café & Co", res.Papers[0].Title)
	assert.Equal(t, "v2", res.Papers[0].Version)
}

func TestArxivListingEdges(t *testing.T) {
	const page = `<div id="dlpage"><dl id="articles">
		<dt><a href="/abs/2401.00001" title="Abstract">arXiv:2401.00001</a></dt>
		<dt><a href="/abs/2401.00002" title="Abstract">arXiv:2401.00002</a></dt>
		<dd><div class="meta"><div class="list-title mathjax">Second Has Its dd</div></div></dd>
		<dt><a href="/abs/not-an-id" title="Abstract">broken</a></dt>
		<dd><div class="meta"><div class="list-title mathjax">Broken Link</div></div></dd>
		<dt><a href="/abs/2401.00003" title="Abstract">arXiv:2401.00003</a></dt>
		<dd><div class="meta"><div class="list-title mathjax">Truncated page, no closing tags`
	res, err := extract.Extract([]byte(page), "https://arxiv.org/list/cs.AI/new")
	require.NoError(t, err)
	assert.Equal(t, "arxiv", res.Site)
	var titles []string
	for _, p := range res.Papers {
		titles = append(titles, p.ID+" "+p.Title)
	}
	assert.Equal(t, []string{"arxiv:2401.00002 Second Has Its dd", "arxiv:2401.00003 Truncated page, no closing tags"}, titles,
		"a dt without its dd and a dt without an arXiv link are skipped")
}

func TestArxivSearchAbstractIsFullAndPlain(t *testing.T) {
	data, err := os.ReadFile("testdata/arxiv/search-transformer.html")
	require.NoError(t, err)
	res, err := extract.Extract(data, "https://arxiv.org/search/?query=attention+transformer&searchtype=all")
	require.NoError(t, err)
	require.NotEmpty(t, res.Papers)
	abstract := res.Papers[0].Abstract
	assert.True(t, strings.HasSuffix(abstract, "cutting memory by 8x at equal perplexity."), abstract)
	for _, junk := range []string{"Less", "More", "△", "▽", "…", "<span"} {
		assert.NotContains(t, abstract, junk)
	}
}
