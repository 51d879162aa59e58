package extract_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/extract"
)

// A search card may put its title in a heading above a "View paper" link: the title is the heading's, not the
// link's words; a heading after the link (a section of the card) is not the title.
func TestSemanticScholarCardTitles(t *testing.T) {
	hash := func(c string) string { return "/paper/" + strings.Repeat(c, 40) }
	page := `<main><div class="results">
<div class="cl-paper-row"><h3>Counting Machines That Weave Patterns</h3><p><a href="` + hash("1") + `">View paper</a></p>
  <p class="cl-paper-authors"><a href="/author/1">Ada Lovelace</a></p></div>
<div class="cl-paper-row"><a data-test-id="title-link" href="` + hash("2") + `"><h2>Title In The Link</h2></a><h4>TLDR</h4></div>
<div class="cl-paper-row"><a href="` + hash("3") + `">Plain Link Title</a><h4>Abstract</h4><p>Text.</p></div>
</div></main>`
	res, err := extract.Extract([]byte(page), "https://www.semanticscholar.org/search?q=x")
	require.NoError(t, err)
	var titles []string
	for _, p := range res.Papers {
		titles = append(titles, p.Title)
	}
	assert.Equal(t, []string{"Counting Machines That Weave Patterns", "Title In The Link", "Plain Link Title"}, titles)
}
