package extract_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/extract"
)

// fuzzURLs are page URLs that route the fuzzed bytes to each adapter and to the generic fallback.
var fuzzURLs = []string{
	"https://openreview.net/forum?id=Xy9kQ2pLmN",
	"https://openreview.net/group?id=ICLR.cc/2024/Conference",
	"https://aclanthology.org/volumes/2023.findings-emnlp/",
	"https://aclanthology.org/2021.naacl-main.208/",
	"https://www.semanticscholar.org/paper/x/0123456789abcdef0123456789abcdef01234567",
	"https://www.semanticscholar.org/search?q=x",
	"https://openaccess.thecvf.com/CVPR2024?day=all",
	"https://scholar.google.com/scholar?q=x",
	"https://arxiv.org/list/cs.CL/new",
	"https://huggingface.co/papers",
	"https://example.org/article/1",
}

// fuzzSnippets are malformed, truncated and hostile pages that every adapter must survive.
var fuzzSnippets = []string{
	"<",
	"<html><head><meta name=citation_title content=",
	`<meta name="citation_title" content="T"><meta name="citation_author" content="">`,
	`<dl><dt class="ptitle"><a href="/content/X/html/a.html">`,
	`<dt class="ptitle"><a href="javascript:alert(1)">x</a></dt>`,
	`<div class="note"><h4><a href="/forum?id=%zz">t</a></h4></div>`,
	`<div class="note"><h4><a href="/forum?id=abcde&noteId=abcde">t</a></h4><ul class="note-meta-info"><li>99 Foo 0000</li></ul></div>`,
	`<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"forumNote":{"content":{"title":{"value":1}}}}}}</script>`,
	`<script id="__NEXT_DATA__">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[</script>`,
	`<script type="application/ld+json">{"@graph":[{"@graph":[{"@type":"Article","author":"x"}]}]}</script>`,
	`<p class="d-sm-flex"><span class="d-block"><strong><a class="align-middle" href="/W19-4200/">Proceedings of</a></strong></span></p>`,
	`<div class="gs_r" data-cid='"]x'><div class="gs_ri"><h3 class="gs_rt"><a href="//[::1">t</a></h3><div class="gs_a"> - - - </div></div></div>`,
	`<h1 data-test-id="paper-detail-title">T</h1><li data-test-id="corpus-id">Corpus ID: 99999999999999999999</li>`,
	"<h2 id=title>\xff\xfe\xfd</h2><meta name=citation_title content='\xc3\x28'>",
	"\xef\xbb\xbf<html>\x00\x01\x02</html>",
	"<html><head><meta charset=iso-8859-1></head><body><h1 id=papertitle>Se\xf1or</h1></body></html>",
	strings.Repeat("<div>", 2000) + "x",
	strings.Repeat("<b><i><a>", 500),
	strings.Repeat("<table><tr><td>", 300),
}

// FuzzExtract checks that Extract never panics on any bytes under any supported site URL, and that
// whatever it returns is valid: `make fuzz` explores beyond these seeds, `make test` runs the seeds.
func FuzzExtract(f *testing.F) {
	pages, err := filepath.Glob("testdata/*/*.*ml")
	require.NoError(f, err)
	for _, page := range pages {
		data, err := os.ReadFile(page)
		require.NoError(f, err)
		url := fuzzURLs[0]
		if m := fixtureURLRe.FindSubmatch(data); m != nil {
			url = string(m[1])
		}
		f.Add(data, url)
		f.Add(data[:len(data)/2], url) // truncated mid-document
	}
	for _, s := range fuzzSnippets {
		for _, u := range fuzzURLs {
			f.Add([]byte(s), u)
		}
	}
	f.Fuzz(func(t *testing.T, page []byte, pageURL string) {
		res, err := extract.Extract(page, pageURL)
		if err != nil {
			assert.Empty(t, res.Papers)
			return
		}
		assert.NotEmpty(t, res.Site)
		// Every paper needs at least a title character on the page.
		assert.LessOrEqual(t, len(res.Papers), len(page))
		seen := map[string]bool{}
		for _, p := range res.Papers {
			require.NoError(t, p.Validate(), "%+v", p)
			assert.False(t, seen[p.ID], "duplicate %s", p.ID)
			seen[p.ID] = true
			assert.True(t, utf8.ValidString(p.Title), "title is not UTF-8: %q", p.Title)
		}
	})
}

// TestExtractHugeAndDeepPages feeds pages built to be slow: a 50 MB page (a few paper rows around a
// bloated inline script, as pages that embed their whole state are), a page nested far deeper than any
// real one, and one larger than MaxPageSize. Each must end with a result or a clear error, never a crash
// or a hang. How fast is for `make bench`: a dense 50 MB listing of 300,000 rows is measured there, as
// it needs about 1 GB of memory.
func TestExtractHugeAndDeepPages(t *testing.T) {
	row := `<div class="d-sm-flex"><span class="d-block"><strong><a class="align-middle" href="/2023.acl-long.%d/">A paper title</a></strong><br><a href="/people/a/">A B</a></span></div>`
	var huge bytes.Buffer
	huge.WriteString("<html><body>")
	for i := 1; i <= 10; i++ {
		huge.WriteString(strings.Replace(row, "%d", strconv.Itoa(i), 1))
	}
	huge.WriteString(`<script>window.__STATE__ = "`)
	huge.Write(bytes.Repeat([]byte("x<div>&amp;"), (50<<20)/11))
	huge.WriteString(`";</script>`)
	for i := 11; i <= 20; i++ {
		huge.WriteString(strings.Replace(row, "%d", strconv.Itoa(i), 1))
	}
	require.Greater(t, huge.Len(), 50<<20)
	res, err := extract.Extract(huge.Bytes(), "https://aclanthology.org/volumes/2023.acl-long/")
	require.NoError(t, err)
	assert.Len(t, res.Papers, 20)

	// The HTML parser refuses more than 512 open elements: an error, at once.
	deep := strings.Repeat("<div>", 100000) + `<h1 id="papertitle">Deep</h1>` + strings.Repeat("</div>", 100000)
	res, err = extract.Extract([]byte(deep), "https://openaccess.thecvf.com/content/X/html/a.html")
	if err == nil {
		assert.LessOrEqual(t, len(res.Papers), 1)
	} else {
		assert.Contains(t, err.Error(), "parse page")
	}
	// Just under the parser's limit, the page is read.
	deep = strings.Repeat("<div>", 500) + `<div id="papertitle">Deep</div>`
	res, err = extract.Extract([]byte(deep), "https://openaccess.thecvf.com/content/X/html/a.html")
	require.NoError(t, err)
	require.Len(t, res.Papers, 1)
	assert.Equal(t, "Deep", res.Papers[0].Title)

	tooLarge := bytes.Repeat([]byte("a"), extract.MaxPageSize+1)
	_, err = extract.Extract(tooLarge, "https://example.org/")
	assert.ErrorIs(t, err, extract.ErrTooLarge)
}
