package bridge_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/papergist/papergist/wasm/bridge"
	"github.com/papergist/papergist/wasm/summarize/scitldr/scitldrtest"
)

// realListing is an arXiv /list/cs.CL/new page of n papers whose abstracts are the first n of SciTLDR's train
// split, in the markup scripts/e2e/lib/fixtures.js arxivListing writes (the bench's "real abstracts" page).
// It skips when the team's ../shared folder is not beside the repository.
func realListing(tb testing.TB, n int) string {
	tb.Helper()
	recs := scitldrtest.Split(tb, "train")
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <title>Computation and Language authors/titles new</title>\n</head>\n" +
		"<body class=\"with-cu-identity\">\n  <div id='content'><div id='dlpage'>\n    <h1>Computation and Language (cs.CL)</h1>\n")
	fmt.Fprintf(&b, "    <h3>New submissions (showing %d of %d entries)</h3>\n    <dl id='articles'>\n", n, n)
	for i := range n {
		id := fmt.Sprintf("2511.%05d", i)
		fmt.Fprintf(&b, `
    <dt>
      <a name='item%d'>[%d]</a>
      <a href ="/abs/%s" title="Abstract" id="%s">
        arXiv:%s
      </a>
        [<a href="/pdf/%s" title="Download PDF" id="pdf-%s">pdf</a>, <a href="https://arxiv.org/html/%sv1" title="View HTML" id="html-%s">html</a>, <a href="/format/%s" title="Other formats" id="oth-%s">other</a>]
    </dt>
    <dd>
      <div class='meta'>
        <div class='list-title mathjax'><span class='descriptor'>Title:</span>
          Improving reading with real abstracts (study %d)
        </div>
        <div class='list-authors'><a href="https://arxiv.org/search/cs?searchtype=author&amp;query=Ada%%20Lovelace%d">Ada Lovelace%d</a>, <a href="https://arxiv.org/search/cs?searchtype=author&amp;query=Grace%%20Hopper">Grace Hopper</a></div>
        <div class='list-subjects'><span class='descriptor'>Subjects:</span>
          <span class="primary-subject">Computation and Language (cs.CL)</span>
        </div>
        <p class='mathjax'>
          %s
        </p>
      </div>
    </dd>`, i+1, i+1, id, id, id, id, id, id, id, id, id, i, i, i, esc(recs[i%len(recs)].Abstract()))
	}
	b.WriteString("\n    </dl>\n  </div></div>\n</body>\n</html>\n")
	return b.String()
}

// BenchmarkAnalyzeRealListing is the first visit of a 200-paper listing of real abstracts: one Analyze call on a
// fresh Analyzer (no page or summary cached), for the bytes it allocates. Past the Go collector's trigger (GOGC=400
// in the extension, about 6 MB of heap after the warm-up), the collection's mark work runs before the answer
// reaches JavaScript.
func BenchmarkAnalyzeRealListing(b *testing.B) {
	req := bridge.AnalyzeRequest{HTML: realListing(b, 200), URL: "https://arxiv.org/list/cs.CL/new"}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		a := bridge.NewAnalyzer(nil)
		b.StartTimer()
		if out := a.Analyze(req); !strings.HasPrefix(out, `{"ok":true`) {
			b.Fatal(out[:min(len(out), 300)])
		}
	}
}
