package extract

import (
	"bytes"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// arxivListingPages are the arXiv pages the fast path is held to: the committed fixtures and the real
// pages of ../shared (skipped when absent), each with its URL and whether the fast path must take it.
var arxivListingPages = []struct {
	file, url string
	fast      bool
}{
	{"testdata/arxiv/new-cs.LG-abstracts.html", "https://arxiv.org/list/cs.LG/new", true},
	{"testdata/arxiv/recent-hep-th.html", "https://arxiv.org/list/hep-th/recent", true},
	{"testdata/arxiv/pastweek-old-layout.html", "https://arxiv.org/list/math.AG/pastweek?show=100", false},
	{"testdata/arxiv/search-transformer.html", "https://arxiv.org/list/cs.CL/new", false},
	{"testdata/arxiv/abs-hep-th-9901001v2.html", "https://arxiv.org/list/hep-th/new", false},
	{"testdata/arxiv/api-query-search.xml", "https://arxiv.org/list/cs.CL/new", false},
	{"../../../shared/fixtures/pages/arxiv/list-cs.CL-recent-2026-07-28.html", "https://arxiv.org/list/cs.CL/recent", true},
	{"../../../shared/fixtures/pages/arxiv/abs-1706.03762.html", "https://arxiv.org/list/cs.CL/recent", false},
}

// arxivFastMutations change a listing so that the fast path must either read it right or step aside.
var arxivFastMutations = []struct{ name, old, new string }{
	{"unchanged", "", ""},
	{"unclosed b in a title", "<span class='descriptor'>Title:</span>", "<span class='descriptor'>Title:</span><b>"},
	{"div inside the abstract p", "<p class='mathjax'>", "<p class='mathjax'>x<div>y</div>"},
	{"table around the list", "<dl id='articles'>", "<table><tr><td><dl id='articles'>"},
	{"unclosed a before the list", "<dl id='articles'>", "<a href='/abs/2401.99999'>x<dl id='articles'>"},
	{"formatting left open before the list", "<dl id='articles'>", "<p><b>x</p><dl id='articles'>"},
	{"plain dl before the list", "<dl id='articles'>", "<dl><dt>x</dt></dl><dl id='articles'>"},
	{"dd without its end tag", "</dd>", ""},
	{"dt inside a dd", "<div class='meta'>", "<dt><a href='/abs/2401.99998' title='Abstract'>x</a></dt><div class='meta'>"},
	{"comment and entity in a title", "<span class='descriptor'>Title:</span>", "<span class='descriptor'>Title:</span><!-- c -->&amp;&#x41;"},
	{"NUL in a title", "<span class='descriptor'>Title:</span>", "<span class='descriptor'>Title:</span>\x00"},
	{"self-closing div", "<div class='meta'>", "<div class='meta'><div/>"},
	{"second list-title", "<div class='list-authors'>", "<div class='list-title'>Other</div><div class='list-authors'>"},
	{"nested author markup", "<div class='list-authors'><a ", "<div class='list-authors'><span>by</span> <a "},
	{"script in an entry", "<div class='meta'>", "<div class='meta'><script>var x = '<dl>';</script>"},
	{"truncated page", "</html>", ""},
	{"noscript", "<body", "<noscript><dl id='articles'></noscript><body"},
	{"br and img", "<p class='mathjax'>", "<p class='mathjax'>a<br>b<img src=x>c<br/>"},
}

// TestArxivFastListingMatchesTree runs every arXiv page, as is and mutated, through Extract with and
// without the fast path: both must give the same result, and the listings must take the fast path.
func TestArxivFastListingMatchesTree(t *testing.T) {
	for _, pg := range arxivListingPages {
		data, err := os.ReadFile(pg.file)
		if os.IsNotExist(err) && strings.HasPrefix(pg.file, "../") {
			t.Logf("skipping %s: the team folder ../shared is not beside the repository", pg.file)
			continue
		}
		require.NoError(t, err)
		u, err := url.Parse(pg.url)
		require.NoError(t, err)
		for _, m := range arxivFastMutations {
			t.Run(filepath.Base(pg.file)+"/"+m.name, func(t *testing.T) {
				page := data
				if m.old != "" || m.new != "" {
					page = bytes.ReplaceAll(page, []byte(strings.ReplaceAll(m.old, "'", `"`)), []byte(strings.ReplaceAll(m.new, "'", `"`)))
					page = bytes.ReplaceAll(page, []byte(m.old), []byte(m.new))
				}
				fast, err := extract(page, pg.url, true)
				require.NoError(t, err)
				tree, err := extract(page, pg.url, false)
				require.NoError(t, err)
				assert.Equal(t, tree, fast)
				if m.name == "unchanged" {
					papers, ok := arxivFastListing(toUTF8(page), u)
					assert.Equal(t, pg.fast, ok, "whether the fast path reads the page")
					if pg.fast {
						// Extract falls back to the tree when the fast path keeps no paper, so the output
						// alone cannot tell a fast path that reads no field.
						require.NotEmpty(t, tree.Papers)
						assert.Equal(t, tree.Papers, finish(papers, pageOf(toUTF8(page), u)), "the fast path's own papers")
					}
				}
			})
		}
	}
}

// The fuzz seeds and the edge cases under an arXiv listing URL: the same result both ways.
func TestArxivFastListingMatchesTreeOnSeeds(t *testing.T) {
	seeds := []string{
		`<div id="dlpage"><dl id="articles"><dt><a href="/abs/2401.00001" title="Abstract">x</a></dt><dd><div class="list-title">T`,
		`<dl id="articles"><dt><a href="/abs/2401.00001">x</a><a href="/abs/2401.00002" title="Abstract">y</a></dt><dd><p class="mathjax">A</p></dd></dl>`,
		`<dl id="articles"><dt><a href="/abs/2401.00001" title="Abstract">x</a></dt><dt><a href="/abs/2401.00002" title="Abstract">y</a></dt><dd><div class="list-title">Two</div></dd><dd><div class="list-title">Three</div></dd></dl>`,
		`<dl id="articles" id="x"><dt><a href="/abs/2401.00001" title="Abstract" title="Download PDF">x</a></dt><dd class="list-title"><div class="list-title list-authors">T<a>n</a></div></dd></dl>`,
		`<svg><dl id="articles"><dt><a href="/abs/2401.00001" title="Abstract">x</a></dt><dd>T</dd></dl></svg>`,
		`</table><dl id="articles"><dt><a href="/abs/2401.00001" title="Abstract">x</a></dt><dd><div class="list-authors"><a>A</a>, <a>B<b>C</b></a></div></dd></dl>`,
	}
	for _, f := range []string{"acl-zero-row-no-title", "cvf-dt-without-dd", "openreview-latin1-forum", "scholar-dashes-byline", "semanticscholar-truncated-jsonld"} {
		data, err := os.ReadFile(filepath.Join("testdata/fuzz/FuzzExtract", f))
		require.NoError(t, err)
		seeds = append(seeds, string(data))
	}
	for i, seed := range seeds {
		fast, errFast := extract([]byte(seed), "https://arxiv.org/list/cs.CL/new", true)
		tree, errTree := extract([]byte(seed), "https://arxiv.org/list/cs.CL/new", false)
		assert.Equal(t, errTree, errFast, "seed %d", i)
		assert.Equal(t, tree, fast, "seed %d", i)
	}
}

// TestArxivFastListingMatchesTreeOnMutations damages a listing at random (a fixed seed, so failures
// repeat): bytes changed, dropped or a "<" inserted, and requires the same result both ways.
func TestArxivFastListingMatchesTreeOnMutations(t *testing.T) {
	data, err := os.ReadFile("testdata/arxiv/new-cs.LG-abstracts.html")
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(1, 2))
	const listing = "https://arxiv.org/list/cs.LG/new"
	fastTaken := 0
	for n := range 600 {
		page := bytes.Clone(data)
		for range 1 + r.IntN(4) {
			j := r.IntN(len(page))
			switch r.IntN(3) {
			case 0:
				page[j] = "<>/=\"' adtp\x00"[r.IntN(12)]
			case 1:
				page = append(page[:j], page[j+1:]...)
			case 2:
				page = append(page[:j], append([]byte("<"), page[j:]...)...)
			}
		}
		if _, ok := arxivFastListing(page, mustURL(t, listing)); ok {
			fastTaken++
		}
		fast, errFast := extract(page, listing, true)
		tree, errTree := extract(page, listing, false)
		require.Equal(t, errTree, errFast, "mutation %d", n)
		require.Equal(t, tree, fast, "mutation %d", n)
	}
	assert.Greater(t, fastTaken, 100, "most mutations should still take the fast path")
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	require.NoError(t, err)
	return u
}

// TestRawTagNameMatchesTokenizer holds rawTagName, which reads a tag's name from its raw bytes, to what
// the tokenizer's TagName gives, on every tag of the arXiv pages and on edge cases.
func TestRawTagNameMatchesTokenizer(t *testing.T) {
	var pages [][]byte
	for _, pg := range arxivListingPages {
		if data, err := os.ReadFile(pg.file); err == nil {
			pages = append(pages, data)
		}
	}
	pages = append(pages, []byte(`<a href ="/abs/1" title = 'Abstract' id=x><a =x href=/abs/2/><br/><a/href="/abs/3">`+
		"<a\thref\n=\f'/abs/4'id=\"i\"class=c><A HREF=\"/abs/7\"><di\x00v id=x><a href='/abs/10'/><p class=x/y>"+
		`</a></A ><a id=x=y title="a>b"><a"b=c><a ==x><a b c=d e><a =" title="x"><a ><my-tag x><h3>`))
	plain := 0
	for _, page := range pages {
		z := html.NewTokenizer(bytes.NewReader(page))
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			if tt != html.StartTagToken && tt != html.SelfClosingTagToken && tt != html.EndTagToken {
				continue
			}
			raw := string(z.Raw())
			name, hasAttr, ok := rawTagName(z.Raw())
			wantName, wantHasAttr := z.TagName()
			if !ok {
				continue
			}
			plain++
			assert.Equal(t, string(wantName), string(name), raw)
			if wantHasAttr {
				assert.True(t, hasAttr, raw) // hasAttr may be true for attributes the tokenizer drops
			}
		}
	}
	// The committed fixtures alone give 924 plain tags, ../shared's pages add more when present.
	assert.Greater(t, plain, 500, "most tags should be read from their raw bytes")
}
