package bridge

import (
	"strconv"
	"strings"
)

// WarmUp analyzes a generated arXiv listing of the given number of papers a few times, each time on a throwaway
// Analyzer (a's caches are left alone) that reads a's clock. The engine calls it right after the module starts,
// while the first page is still loading: V8 runs wasm from baseline code at first and optimizes the functions that
// have run hot, so the first real page would otherwise pay the slow tier. It returns the number of papers it read
// each time (0 means the extractor did not recognise the page, which a test watches for).
//
// The clock is a's because V8's optimized analyze calls the clock it saw while it was hot as a direct call, and
// drops back to baseline code ("wrong call target") where a page calls another. With the zero clock of
// NewAnalyzer(nil) here, analyze dropped back on the first page of every browser start, at two of its clock
// readings, and was optimized again each time: Chrome's code cache keeps the optimized code of the first start,
// warm-up clock included.
//
// The engine's rounds are short (WarmUpPapers papers), since a page that arrives during one waits for it to end;
// then a few of WarmUpLargePapers, which make hot what only long listings run much (see offscreen/wasm.js).
func (a *Analyzer) WarmUp(rounds, papers int) int {
	page := warmUpPage(papers)
	n := 0
	for range rounds {
		w := NewAnalyzer(a.now)
		if _, err := w.analyze(AnalyzeRequest{HTML: page, URL: "https://arxiv.org/list/cs.CL/new"}); err != nil {
			return 0
		}
		n = 0
		for _, p := range w.pages {
			n += len(p.papers)
		}
	}
	return n
}

// WarmUpPapers is the size of the listing a short warm-up round reads.
const WarmUpPapers = 10

// WarmUpLargePapers is the size of the listing a large warm-up round reads, a long listing's.
const WarmUpLargePapers = 200

// warmUpTopics vary the generated abstracts, so that the digest finds several topics, as on a real listing.
var warmUpTopics = [...]string{"question answering", "machine translation", "speech recognition", "code generation", "reward modelling"}

func warmUpPage(n int) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><title>warm-up</title></head><body><div id="dlpage"><dl id="articles">`)
	for i := range n {
		id := strconv.Itoa(10000 + i)
		b.WriteString(`<dt><a href="/abs/2501.` + id + `" title="Abstract" id="2501.` + id + `">arXiv:2501.` + id + `</a></dt>
<dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> Warm-up paper ` + id + ` on ` + warmUpTopics[i%len(warmUpTopics)] + `</div>
<div class="list-authors"><a href="/a">Ada Lovelace</a>, <a href="/b">Alan Turing</a></div>
<p class="mathjax">We study warm-up of language models for ` + warmUpTopics[(i/3)%len(warmUpTopics)] + `. We propose a method that is fast and simple. It improves ` + warmUpTopics[i%len(warmUpTopics)] + ` by ` + strconv.Itoa(i%9+1) + ` points on three benchmarks.</p></div></dd>
`)
	}
	b.WriteString(`</dl></div></body></html>`)
	return b.String()
}
