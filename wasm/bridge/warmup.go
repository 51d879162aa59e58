package bridge

import (
	"strconv"
	"strings"
)

// WarmUp analyzes a small generated arXiv listing a few times on a throwaway Analyzer. The engine calls it
// right after the module starts, while the first page is still loading: V8 runs wasm from baseline code at
// first and optimizes the functions that have run hot, so the first real page would otherwise pay the slow
// tier. It returns the number of papers it read each time (0 means the extractor did not recognise the
// page, which a test watches for).
//
// A round is short (WarmUpPapers papers), since a page that arrives during one waits for it to end.
func WarmUp(rounds int) int {
	page := warmUpPage(WarmUpPapers)
	n := 0
	for range rounds {
		a := NewAnalyzer(nil)
		if _, err := a.analyze(AnalyzeRequest{HTML: page, URL: "https://arxiv.org/list/cs.CL/new"}); err != nil {
			return 0
		}
		n = 0
		for _, p := range a.pages {
			n += len(p.papers)
		}
	}
	return n
}

// WarmUpPapers is the size of the listing a warm-up round reads.
const WarmUpPapers = 10

func warmUpPage(n int) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><title>warm-up</title></head><body><div id="dlpage"><dl id="articles">`)
	for i := range n {
		id := strconv.Itoa(10000 + i)
		b.WriteString(`<dt><a href="/abs/2501.` + id + `" title="Abstract" id="2501.` + id + `">arXiv:2501.` + id + `</a></dt>
<dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> Warm-up paper ` + id + ` on retrieval</div>
<div class="list-authors"><a href="/a">Ada Lovelace</a>, <a href="/b">Alan Turing</a></div>
<p class="mathjax">We study warm-up of language models. We propose a method that is fast and simple. It improves question answering by ` + strconv.Itoa(i) + ` points on three benchmarks.</p></div></dd>
`)
	}
	b.WriteString(`</dl></div></body></html>`)
	return b.String()
}
