package bridge_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/bridge"
	"github.com/papergist/papergist/wasm/summarize"
)

type envelope struct {
	OK    bool            `json:"ok"`
	Data  bridge.Analysis `json:"data"`
	Error *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func decode(t *testing.T, s string) envelope {
	t.Helper()
	var e envelope
	require.NoError(t, json.Unmarshal([]byte(s), &e), s)
	return e
}

// listing is an arXiv /new-style listing of n papers (IDs 2501.00000…), with their abstracts when
// withAbstracts, else as /recent shows them.
func listing(n int, withAbstracts bool) string {
	papers := make([]listed, n)
	for i := range papers {
		papers[i] = listed{id: fmt.Sprintf("2501.%05d", i), title: fmt.Sprintf("Paper %d on retrieval", i)}
		if withAbstracts {
			papers[i].abstract = fmt.Sprintf("We study retrieval %d. We propose a fast method. It improves recall.", i)
		}
	}
	return arxivListing(papers...)
}

// listed is a paper as an arXiv listing shows it: its abstract "" as /recent shows it, its author "" for Ada
// Lovelace.
type listed struct{ id, title, author, abstract string }

// arxivListing is an arXiv listing page of papers in the markup of arXiv's /new and /recent.
func arxivListing(papers ...listed) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><title>list</title></head><body><div id="dlpage"><dl id="articles">`)
	for _, p := range papers {
		if p.author == "" {
			p.author = "Ada Lovelace"
		}
		fmt.Fprintf(&b, `<dt><a href="/abs/%s" title="Abstract" id="%s">arXiv:%s</a></dt>
<dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> %s</div>
<div class="list-authors"><a href="/a">%s</a></div>`, p.id, p.id, p.id, p.title, p.author)
		if p.abstract != "" {
			fmt.Fprintf(&b, `<p class="mathjax">%s</p>`, p.abstract)
		}
		b.WriteString("</div></dd>\n")
	}
	b.WriteString(`</dl></div></body></html>`)
	return b.String()
}

// feed is the arXiv API's Atom answer for the papers 2501.0000i of ids.
func feed(ids ...int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">`)
	for _, i := range ids {
		fmt.Fprintf(&b, `<entry><id>http://arxiv.org/abs/2501.%05dv1</id><published>2025-01-01T00:00:00Z</published>
<title>Paper %d on retrieval</title><summary>Fetched abstract %d. We propose dense retrieval for question answering.</summary>
<author><name>Ada Lovelace</name></author></entry>`, i, i, i)
	}
	b.WriteString(`</feed>`)
	return b.String()
}

func states(a bridge.Analysis) []string {
	out := make([]string, len(a.Entries))
	for i, e := range a.Entries {
		out[i] = e.Abstract
	}
	return out
}

func TestAnalyzeListingWithAbstracts(t *testing.T) {
	a := bridge.NewAnalyzer(clock())
	e := decode(t, a.Analyze(bridge.AnalyzeRequest{HTML: listing(6, true), URL: "https://arxiv.org/list/cs.CL/new"}))
	require.True(t, e.OK, "%+v", e.Error)
	assert.Equal(t, "arxiv", e.Data.Site)
	require.Len(t, e.Data.Entries, 6)
	for i, en := range e.Data.Entries {
		assert.Equal(t, fmt.Sprintf("arxiv:2501.%05d", i), en.Paper.ID)
		assert.Equal(t, bridge.AbstractPage, en.Abstract)
		assert.NotEmpty(t, en.Summary.TLDR)
		assert.NotNil(t, en.Summary.KeyPhrases)
	}
	assert.NotEmpty(t, e.Data.Topics)
	assert.Positive(t, e.Data.Timing.Extract+e.Data.Timing.Summarize)

	again := decode(t, a.Analyze(bridge.AnalyzeRequest{HTML: listing(6, true), URL: "https://arxiv.org/list/cs.CL/new"}))
	assert.Equal(t, e.Data.Entries, again.Data.Entries, "the same page state gives the same answer")
	assert.Equal(t, e.Data.Topics, again.Data.Topics)
	assert.Zero(t, again.Data.Timing.Summarize, "a page seen again is not summarized again")
}

func TestAnalyzeListingWithoutAbstracts(t *testing.T) {
	a := bridge.NewAnalyzer(clock())
	const url = "https://arxiv.org/list/cs.CL/recent"
	page := listing(3, false)
	first := decode(t, a.Analyze(bridge.AnalyzeRequest{HTML: page, URL: url}))
	require.True(t, first.OK, "%+v", first.Error)
	assert.Equal(t, []string{"pending", "pending", "pending"}, states(first.Data))
	assert.NotEmpty(t, first.Data.Entries[0].Summary.TLDR, "a title-only TL;DR meanwhile")

	// The API knows papers 0 and 2: they are filled, the other has none to be had.
	second := decode(t, a.Analyze(bridge.AnalyzeRequest{HTML: page, URL: url, Abstracts: []string{feed(0, 2)}}))
	require.True(t, second.OK, "%+v", second.Error)
	assert.Equal(t, []string{"fetched", "missing", "fetched"}, states(second.Data))
	assert.Contains(t, second.Data.Entries[0].Paper.Abstract, "Fetched abstract 0")
	assert.NotEqual(t, first.Data.Entries[0].Summary, second.Data.Entries[0].Summary, "summarized from the abstract")

	// Another listing of the same papers later: the fetched abstracts are known, the rest still pending.
	other := decode(t, a.Analyze(bridge.AnalyzeRequest{HTML: page, URL: "https://arxiv.org/list/cs.CL/pastweek"}))
	assert.Equal(t, []string{"fetched", "pending", "fetched"}, states(other.Data))

	failed := decode(t, a.Analyze(bridge.AnalyzeRequest{HTML: page, URL: url, AbstractsFailed: true}))
	assert.Equal(t, []string{"fetched", "failed", "fetched"}, states(failed.Data))
}

func TestAnalyzeErrors(t *testing.T) {
	tests := []struct {
		name     string
		req      bridge.AnalyzeRequest
		wantCode string
		wantMsg  string
	}{
		{name: "no url", req: bridge.AnalyzeRequest{HTML: "<p>x</p>"}, wantCode: "invalid", wantMsg: "{html, url}"},
		{name: "relative url", req: bridge.AnalyzeRequest{HTML: "<html></html>", URL: "/list"}, wantCode: "invalid", wantMsg: "absolute http(s) URL"},
		{name: "empty page", req: bridge.AnalyzeRequest{HTML: "  ", URL: "https://arxiv.org/list/cs.CL/recent"}, wantCode: "invalid", wantMsg: "empty"},
		{name: "papers and a page", req: bridge.AnalyzeRequest{HTML: "<p>x</p>", URL: "https://example.org/", Papers: []paper.Paper{{Title: "T"}}}, wantCode: "invalid", wantMsg: "either"},
		{name: "given papers that are not JSON papers", req: bridge.AnalyzeRequest{PapersJSON: `[{"title": 3}]`}, wantCode: "invalid", wantMsg: "papers:"},
		{name: "too many given papers", req: bridge.AnalyzeRequest{Papers: make([]paper.Paper, bridge.MaxGivenPapers+1)}, wantCode: "invalid", wantMsg: "more than"},
		{name: "a feed that is no feed", req: bridge.AnalyzeRequest{HTML: listing(1, false), URL: "https://arxiv.org/list/cs.CL/recent", Abstracts: []string{" "}}, wantCode: "invalid", wantMsg: "abstracts[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := decode(t, bridge.NewAnalyzer(clock()).Analyze(tt.req))
			assert.False(t, e.OK)
			require.NotNil(t, e.Error)
			assert.Equal(t, tt.wantCode, e.Error.Code)
			assert.Contains(t, e.Error.Message, tt.wantMsg)
		})
	}
}

func TestAnalyzeGivenPapers(t *testing.T) {
	given := []paper.Paper{
		{ID: "doi:10.1/x", Title: "Dense retrieval for open-domain question answering", Abstract: "We propose dense passage retrieval. It outperforms BM25 by a wide margin on open-domain question answering benchmarks."},
		{ID: "doi:10.1/y", Title: "A paper known only by its title"},
		{ID: "doi:10.1/z", Title: " ", Abstract: "We propose dense passage retrieval. It outperforms BM25 by a wide margin on open-domain question answering benchmarks."},
		{ID: "doi:10.1/w", Title: " "},
	}
	e := decode(t, bridge.NewAnalyzer(clock()).Analyze(bridge.AnalyzeRequest{Papers: given}))
	require.True(t, e.OK, "%+v", e.Error)
	require.Len(t, e.Data.Entries, 4)
	assert.Equal(t, given[0], e.Data.Entries[0].Paper, "a given paper comes back as it was")
	assert.NotEmpty(t, e.Data.Entries[0].Summary.TLDR)
	assert.NotEmpty(t, e.Data.Entries[0].Summary.KeyPhrases)
	assert.NotEmpty(t, e.Data.Entries[2].Summary.TLDR, "an abstract without a title is summarized")
	assert.Equal(t, summarize.Summary{KeyPhrases: []string{}}, e.Data.Entries[3].Summary, "nothing to summarize: an empty summary, not a refusal")
	assert.Equal(t, []string{bridge.AbstractPage, bridge.AbstractMissing, bridge.AbstractPage, bridge.AbstractMissing}, states(e.Data))
	assert.Equal(t, "given", e.Data.Site)
	assert.NotNil(t, e.Data.Topics)

	// As the wasm glue passes them: a JSON array.
	j := decode(t, bridge.NewAnalyzer(clock()).Analyze(bridge.AnalyzeRequest{PapersJSON: `[{"id": "doi:10.1/x", "title": "Dense retrieval for open-domain question answering", "abstract": "We propose dense passage retrieval."}]`}))
	require.True(t, j.OK, "%+v", j.Error)
	require.Len(t, j.Data.Entries, 1)
	assert.Equal(t, "doi:10.1/x", j.Data.Entries[0].Paper.ID)
	assert.NotEmpty(t, j.Data.Entries[0].Summary.TLDR)
}

func TestAnalyzePageWithoutPapers(t *testing.T) {
	e := decode(t, bridge.NewAnalyzer(clock()).Analyze(bridge.AnalyzeRequest{HTML: "<html><body><p>hello</p></body></html>", URL: "https://example.org/"}))
	require.True(t, e.OK, "%+v", e.Error)
	assert.NotNil(t, e.Data.Entries)
	assert.Empty(t, e.Data.Entries)
	assert.NotNil(t, e.Data.Topics)
}

func TestWarmUpReadsItsListing(t *testing.T) {
	a := bridge.NewAnalyzer(clock())
	assert.Equal(t, bridge.WarmUpPapers, a.WarmUp(1, bridge.WarmUpPapers), "the warm-up page must exercise the arXiv listing path")
	assert.Equal(t, bridge.WarmUpLargePapers, a.WarmUp(1, bridge.WarmUpLargePapers), "a large round reads a long listing")
}

// V8 optimizes analyze for the clock it called while the warm-up made it hot, and drops the optimized code when a
// page calls another (see WarmUp): the warm-up runs the clock the analyzer's pages run.
func TestWarmUpRunsTheAnalyzersClock(t *testing.T) {
	readings := 0
	a := bridge.NewAnalyzer(func() float64 { readings++; return float64(readings) })
	require.Equal(t, bridge.WarmUpPapers, a.WarmUp(1, bridge.WarmUpPapers))
	assert.Positive(t, readings, "the warm-up did not read the analyzer's clock")
}

// clock is a fake millisecond clock that advances by one on every reading.
func clock() func() float64 {
	var ms float64
	return func() float64 { ms++; return ms }
}

// TestAnswersStayAsTheyWere: an answer that needs no escape is its buffer's bytes (no copy), so the next
// answers must be written elsewhere.
func TestAnswersStayAsTheyWere(t *testing.T) {
	a := bridge.NewAnalyzer(clock())
	first := a.Analyze(bridge.AnalyzeRequest{HTML: listing(6, true), URL: "https://arxiv.org/list/cs.CL/new"})
	kept := strings.Clone(first)
	for _, n := range []int{6, 3, 9} {
		a.Analyze(bridge.AnalyzeRequest{HTML: listing(n, false), URL: "https://arxiv.org/list/cs.LG/new"})
	}
	assert.Equal(t, kept, first)
}
