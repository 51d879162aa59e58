package extract

import (
	"encoding/json"
	"net/url"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/shared/paper"
)

// linksVector is testdata/links.json: a page and the href attributes of the links document.links lists on it, in
// order; the browser test in scripts/e2e/tests/cards.test.js checks the same list against Chromium's.
type linksVector struct {
	URL   string   `json:"url"`
	HTML  string   `json:"html"`
	Links []string `json:"links"`
}

func readLinksVector(t *testing.T) (linksVector, *document) {
	data, err := os.ReadFile("testdata/links.json")
	require.NoError(t, err)
	var v linksVector
	require.NoError(t, json.Unmarshal(data, &v))
	u, err := url.Parse(v.URL)
	require.NoError(t, err)
	d, err := newDocument([]byte(v.HTML), u)
	require.NoError(t, err)
	return v, d
}

// TestEachLinkListsWhatDocumentLinksLists: HTML a and area elements with an href (empty included), in document
// order; not SVG's or MathML's links, not those inside a template; HTML links inside SVG's foreignObject are.
func TestEachLinkListsWhatDocumentLinksLists(t *testing.T) {
	v, d := readLinksVector(t)
	var got []string
	eachLink(d.Nodes[0], func(href string) bool {
		got = append(got, href)
		return true
	})
	assert.Equal(t, v.Links, got)
}

// TestLinkPositions: each paper's Locator.Link is 1 + the position of the first listed link that resolves to its
// Locator.Href, 0 for an href no link resolves to.
func TestLinkPositions(t *testing.T) {
	v, d := readLinksVector(t)
	want := map[string]int{}
	for i, href := range v.Links {
		if abs := d.abs(href); abs != "" && want[abs] == 0 {
			want[abs] = i + 1
		}
	}
	require.Equal(t, 5, want["https://example.org/abs/dup"], "the vector has two links to one URL, written two ways")
	want["https://example.org/abs/svg"] = 0 // on the page, but not a listed link
	want["https://example.org/abs/tpl"] = 0
	want["https://example.org/abs/absent"] = 0
	var papers []paper.Paper
	for href := range want {
		papers = append(papers, paper.Paper{Locator: paper.Locator{Href: href}})
	}
	papers = append(papers, paper.Paper{Locator: paper.Locator{Selector: "h1"}})
	linkPositions(d, papers)
	for _, p := range papers {
		assert.Equal(t, want[p.Locator.Href], p.Locator.Link, p.Locator.Href)
	}
}
