// Command bench measures the summarizer's throughput on SciTLDR abstracts, on one goroutine. It builds
// natively and for GOOS=js GOARCH=wasm (run under Node with wasm_exec_node.js), so that `make bench`
// can compare the two.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/papergist/papergist/wasm/summarize"
	"github.com/papergist/papergist/wasm/summarize/scitldr"
)

type abstract struct{ title, text string }

func main() {
	data := flag.String("data", "../shared/eval/scitldr/dev.jsonl", "SciTLDR-A records whose abstracts to summarize")
	seconds := flag.Float64("seconds", 2, "how long to measure each function")
	label := flag.String("label", "native", "name printed with the results")
	flag.Parse()
	docs, err := load(*data)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	d := time.Duration(*seconds * float64(time.Second))
	tldr := measure(docs, d, func(a abstract) { _ = summarize.TLDR(a.title, a.text) })
	full := measure(docs, d, func(a abstract) { _ = summarize.Summarize(a.title, a.text) })
	fmt.Printf("%-6s TL;DR: %7.0f abstracts/s wall (%6.1f µs each)", *label, tldr.wall, 1e6/tldr.wall)
	if tldr.cpu > 0 {
		fmt.Printf(", %7.0f abstracts/s of CPU time", tldr.cpu)
	}
	fmt.Printf("; TL;DR + key phrases: %7.0f abstracts/s wall", full.wall)
	if full.cpu > 0 {
		fmt.Printf(", %7.0f of CPU time", full.cpu)
	}
	fmt.Println()
}

// rate is calls per second of wall-clock time and, where the platform tells, of CPU time.
type rate struct{ wall, cpu float64 }

// measure runs f over docs, round after round, for at least d, and returns calls per second.
func measure(docs []abstract, d time.Duration, f func(abstract)) rate {
	// Warm up: the model decodes on first use, and under Node the engine compiles the hot wasm functions
	// again, optimized, on background threads whose CPU time would count against the first figure.
	for warm := time.Now(); time.Since(warm) < d/4; {
		for _, a := range docs {
			f(a)
		}
	}
	n := 0
	cpu0, hasCPU := cpuTime()
	start := time.Now()
	for time.Since(start) < d {
		for _, a := range docs {
			f(a)
		}
		n += len(docs)
	}
	r := rate{wall: float64(n) / time.Since(start).Seconds()}
	if cpu1, _ := cpuTime(); hasCPU && cpu1 > cpu0 {
		r.cpu = float64(n) / (cpu1 - cpu0).Seconds()
	}
	return r
}

func load(path string) ([]abstract, error) {
	recs, err := scitldr.Load(path)
	if err != nil {
		return nil, err
	}
	docs := make([]abstract, len(recs))
	for i, r := range recs {
		docs[i] = abstract{r.Title, r.Abstract()}
	}
	return docs, nil
}
