//go:build unix

package extract_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/extract"
)

// `make bench-extract` runs these. Goal: a 1 MB arXiv /new listing with abstracts in under 20 ms natively;
// MB/s should stay flat from 256 KB to 4 MB (time linear in size). Besides wall time they report
// cpu-ms/op, the process CPU time per extraction, which stays meaningful on a busy shared machine.

const newListingFixture = "testdata/arxiv/new-cs.LG-abstracts.html"

var benchArxivID = regexp.MustCompile(`\d{4}\.\d{5}`)

// syntheticListing repeats the entries of the fixture's first dl#articles, each copy under fresh IDs,
// until the page is at least size bytes; it returns the page and the number of papers in it.
func syntheticListing(tb testing.TB, size int) ([]byte, int) {
	tb.Helper()
	page, err := os.ReadFile(newListingFixture)
	require.NoError(tb, err)
	start := bytes.Index(page, []byte("<dt>"))
	end := bytes.Index(page, []byte("</dl>"))
	require.True(tb, start > 0 && end > start, "the fixture's first dl#articles moved")
	entries := page[start:end]
	count := func(body ...[]byte) int {
		res, err := extract.Extract(bytes.Join(body, nil), "https://arxiv.org/list/cs.LG/new")
		require.NoError(tb, err)
		return len(res.Papers)
	}
	rest := count(page[:start], page[end:]) // the cross-list and replacement sections
	perCopy := count(page[:start], entries, page[end:]) - rest

	var b bytes.Buffer
	b.Write(page[:start])
	copies := 0
	for serial := 10000; b.Len() < size; copies++ {
		ids := map[string]string{}
		b.Write(benchArxivID.ReplaceAllFunc(entries, func(id []byte) []byte {
			if _, ok := ids[string(id)]; !ok {
				serial++
				ids[string(id)] = fmt.Sprintf("2402.%05d", serial)
			}
			return []byte(ids[string(id)])
		}))
	}
	b.Write(page[end:])
	return b.Bytes(), rest + copies*perCopy
}

func BenchmarkExtractArxivListing(b *testing.B) {
	for _, size := range []int{256 << 10, 1 << 20, 4 << 20} {
		page, want := syntheticListing(b, size)
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			benchExtract(b, page, "https://arxiv.org/list/cs.LG/new", want)
		})
	}
}

// BenchmarkExtractLargestFixture runs on the largest committed fixture and the largest real page in ../shared.
func BenchmarkExtractLargestFixture(b *testing.B) {
	pages, err := filepath.Glob("testdata/*/*.*ml")
	require.NoError(b, err)
	real, _ := filepath.Glob(filepath.Join(sharedPages, "*", "*.*ml"))
	for _, set := range [][]string{pages, real} {
		var largest string
		var data []byte
		for _, p := range set {
			if d, err := os.ReadFile(p); err == nil && len(d) > len(data) {
				largest, data = p, d
			}
		}
		if largest == "" {
			continue
		}
		pageURL := largestURL(largest, data)
		b.Run(filepath.Base(largest), func(b *testing.B) { benchExtract(b, data, pageURL, -1) })
	}
}

// BenchmarkExtractRealPages runs on each page of ../shared this helper's adapters read.
func BenchmarkExtractRealPages(b *testing.B) {
	for _, rp := range []struct{ file, url string }{
		{"arxiv/list-cs.CL-recent-2026-07-28.html", arxivRecentURL},
		{"arxiv/abs-1706.03762.html", arxivAbsURL},
		{"huggingface/daily-papers-date-2024-08-01.html", hfDailyURL},
		{"publisher/plosone-10.1371-journal.pone.0000001.html", plosURL},
	} {
		data, err := os.ReadFile(filepath.Join(sharedPages, rp.file))
		if err != nil {
			continue
		}
		b.Run(filepath.Base(rp.file), func(b *testing.B) { benchExtract(b, data, rp.url, -1) })
	}
}

// largestURL is the fixture's declared URL, or for a real page one that sends it through its site's adapter.
func largestURL(path string, data []byte) string {
	if m := fixtureURLRe.FindSubmatch(data[:min(len(data), 300)]); m != nil {
		return string(m[1])
	}
	urls := map[string]string{
		"semanticscholar": "https://www.semanticscholar.org/paper/d1de4343d4076843583ca5826f345be6cb5cd75c",
		"publisher":       plosURL,
		"huggingface":     hfDailyURL,
		"arxiv":           arxivRecentURL,
	}
	if u, ok := urls[filepath.Base(filepath.Dir(path))]; ok {
		return u
	}
	return "https://example.org/"
}

func benchExtract(b *testing.B, page []byte, pageURL string, want int) {
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	papers := 0
	cpu0 := cpuTime()
	for b.Loop() {
		res, err := extract.Extract(page, pageURL)
		if err != nil {
			b.Fatal(err)
		}
		papers += len(res.Papers)
		if want >= 0 && len(res.Papers) != want {
			b.Fatalf("got %d papers, want %d", len(res.Papers), want)
		}
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(papers)/b.Elapsed().Seconds(), "papers/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ms/op")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(len(page))*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
}

// cpuTime is the user and system CPU time this process has used (GC included).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
