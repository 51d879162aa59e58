package bridge_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/papergist/papergist/wasm/bridge"
	"github.com/papergist/papergist/wasm/rank"
)

// words draws n words from a Zipf-like vocabulary of 20,000 made-up words.
type words struct {
	z *rand.Zipf
}

func newWords(seed uint64) words {
	r := rand.New(rand.NewPCG(seed, 11))
	return words{rand.NewZipf(r, 1.1, 2, 19999)}
}

func (w words) phrase(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = fmt.Sprintf("w%dx", w.z.Uint64())
	}
	return strings.Join(ws, " ")
}

// benchLibrary is n saved papers as the background sends them: a title and five key phrases.
func benchLibrary(n int) []rank.Paper {
	w := newWords(1)
	ps := make([]rank.Paper, n)
	for i := range ps {
		ps[i] = rank.Paper{ID: fmt.Sprintf("lib:%d", i), Title: w.phrase(8)}
		for range 5 {
			ps[i].KeyPhrases = append(ps[i].KeyPhrases, w.phrase(2))
		}
	}
	return ps
}

// benchListing is an arXiv /new listing of n papers with abstracts, words from the same vocabulary.
func benchListing(n int) string {
	w := newWords(2)
	papers := make([]listed, n)
	for i := range papers {
		papers[i] = listed{id: fmt.Sprintf("2503.%05d", i), title: w.phrase(8),
			abstract: fmt.Sprintf("%s. %s. %s.", w.phrase(40), w.phrase(40), w.phrase(40))}
	}
	return arxivListing(papers...)
}

func loadLibrary(b *testing.B, a *bridge.Analyzer, lib []rank.Paper) {
	for i := 0; i < len(lib); i += 500 {
		req, _ := json.Marshal(bridge.LibraryRequest{Reset: i == 0, Add: lib[i:min(i+500, len(lib))], Loaded: i+500 >= len(lib)})
		if out := a.Library(string(req)); !strings.HasPrefix(out, `{"ok":true`) {
			b.Fatal(out)
		}
	}
}

// BenchmarkAnalyzeForYou is the extension's path for a page seen before (its extraction and summaries cached):
// one Analyze call of a 500-paper listing, without the For-you ranking, with it against a 5,000-paper library
// that changed since the last call (ranked again), and with it unchanged (the page's picks kept). The second
// less the first is what ranking adds to a page (`make bench-rank`; goal ≤ 50 ms in wasm).
// A 500-paper library, a reader's more usual size, is ranked too.
func BenchmarkAnalyzeForYou(b *testing.B) {
	for _, size := range []int{5000, 500} {
		benchAnalyzeForYou(b, size)
	}
}

func benchAnalyzeForYou(b *testing.B, size int) {
	a := bridge.NewAnalyzer(nil)
	loadLibrary(b, a, benchLibrary(size))
	page := bridge.AnalyzeRequest{HTML: benchListing(500), URL: "https://arxiv.org/list/cs.LG/new"}
	if out := a.Analyze(page); !strings.HasPrefix(out, `{"ok":true`) {
		b.Fatal(out[:200])
	}
	for _, run := range []struct {
		name    string
		on      bool
		changed bool
	}{{"off", false, false}, {"ranked", true, true}, {"kept", true, false}} {
		if size != 5000 && run.name != "ranked" {
			continue
		}
		b.Run(fmt.Sprintf("library=%d/%s", size, run.name), func(b *testing.B) {
			page.ForYou = run.on
			for range b.N {
				if run.changed {
					a.Library(`{"remove": ["not saved"]}`)
				}
				out := a.Analyze(page)
				if run.on != strings.Contains(out, `"for_you":[`) {
					b.Fatal("for_you", run.on)
				}
			}
		})
	}
}

// BenchmarkLibrary is the extension's path for the index: loading 5,000 saved papers whole (ten calls of 500, as
// the background sends them), and one saved paper added to them (goal ≤ 5 ms in wasm), JSON decoding included.
func BenchmarkLibrary(b *testing.B) {
	lib := benchLibrary(6000)
	b.Run("load5000", func(b *testing.B) {
		for range b.N {
			loadLibrary(b, bridge.NewAnalyzer(nil), lib[:5000])
		}
	})
	b.Run("addOne", func(b *testing.B) {
		a := bridge.NewAnalyzer(nil)
		loadLibrary(b, a, lib[:5000])
		reqs := make([]string, 1000)
		for i := range reqs {
			j, _ := json.Marshal(bridge.LibraryRequest{Add: lib[5000+i : 5001+i]})
			reqs[i] = string(j)
		}
		b.ResetTimer()
		for i := range b.N {
			a.Library(reqs[i%len(reqs)])
		}
	})
}
