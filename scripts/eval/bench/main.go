// Command bench measures the summarizer's throughput on SciTLDR abstracts, on one goroutine. It builds
// natively and for GOOS=js GOARCH=wasm (run under Node with wasm_exec_node.js), so that `make bench`
// can compare the two. Given -wasm, the native build runs the wasm build too, in rounds that alternate
// native and wasm measurements, so that both see the same load of a shared machine, and prints the
// medians and their ratio.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/papergist/papergist/wasm/summarize"
	"github.com/papergist/papergist/wasm/summarize/scitldr"
)

type abstract struct{ title, text string }

func main() {
	data := flag.String("data", "../shared/eval/scitldr/dev.jsonl", "SciTLDR-A records whose abstracts to summarize")
	seconds := flag.Float64("seconds", 2, "how long to measure each function: seconds of CPU time where the platform tells, else of wall-clock time")
	label := flag.String("label", "native", "name printed with the results")
	wasm := flag.String("wasm", "", "the wasm build of this command: alternate with it and compare (native only)")
	execNode := flag.String("exec", "", "with -wasm: Go's wasm_exec_node.js")
	rounds := flag.Int("rounds", 5, "with -wasm: rounds of one native and one wasm measurement")
	gogc := flag.Int("gogc", 100, "the garbage collector's GOGC percentage (with -wasm, on both sides); the extension runs its wasm at 400")
	flag.Parse()
	if *rounds < 1 || *seconds <= 0 || *gogc < 1 {
		fmt.Fprintln(os.Stderr, "bench: -rounds, -seconds and -gogc must be positive")
		os.Exit(2)
	}
	debug.SetGCPercent(*gogc)
	if *wasm != "" {
		if err := compare(*wasm, *execNode, *data, *seconds, *rounds, *gogc); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	r, err := run(*data, *seconds)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	r.print(*label)
}

// result is one measurement of TL;DR and of TL;DR + key phrases.
type result struct{ tldr, full rate }

func run(data string, seconds float64) (result, error) {
	docs, err := load(data)
	if err != nil {
		return result{}, err
	}
	d := time.Duration(seconds * float64(time.Second))
	return result{
		tldr: measure(docs, d, func(a abstract) { _ = summarize.TLDR(a.title, a.text) }),
		full: measure(docs, d, func(a abstract) { _ = summarize.Summarize(a.title, a.text) }),
	}, nil
}

// resultFormat is how print writes a result, and how compare reads the wasm build's.
const resultFormat = "%s TL;DR: %f abstracts/s wall (%f µs each), %f abstracts/s of CPU time; TL;DR + key phrases: %f abstracts/s wall, %f of CPU time"

func (r result) print(label string) {
	fmt.Printf("%-6s TL;DR: %7.0f abstracts/s wall (%6.1f µs each)", label, r.tldr.wall, 1e6/r.tldr.wall)
	if r.tldr.cpu > 0 {
		fmt.Printf(", %7.0f abstracts/s of CPU time", r.tldr.cpu)
	}
	fmt.Printf("; TL;DR + key phrases: %7.0f abstracts/s wall", r.full.wall)
	if r.full.cpu > 0 {
		fmt.Printf(", %7.0f of CPU time", r.full.cpu)
	}
	fmt.Println()
}

// rate is calls per second of wall-clock time and, where the platform tells, of CPU time.
type rate struct{ wall, cpu float64 }

// measure runs f over docs, round after round, for at least d, and returns calls per second. Where the
// platform tells CPU time, d is of CPU time, so that a busy machine, which gives the process less of
// each second, does not shorten the warm-up and the measurement.
func measure(docs []abstract, d time.Duration, f func(abstract)) rate {
	start, cpuStart := time.Now(), time.Duration(0)
	_, hasCPU := cpuTime()
	since := func() time.Duration {
		if cpu, _ := cpuTime(); hasCPU {
			return cpu - cpuStart
		}
		return time.Since(start)
	}
	// Warm up: the model decodes on first use, and under Node the engine compiles the hot wasm functions
	// again, optimized, on background threads whose CPU time would count against the first figure.
	cpuStart, _ = cpuTime()
	for since() < d/4 {
		round(docs, f)
	}
	n := 0
	start = time.Now()
	cpuStart, _ = cpuTime()
	for since() < d {
		round(docs, f)
		n += len(docs)
	}
	r := rate{wall: float64(n) / time.Since(start).Seconds()}
	if cpu, _ := cpuTime(); hasCPU && cpu > cpuStart {
		r.cpu = float64(n) / (cpu - cpuStart).Seconds()
	}
	return r
}

// round calls f on every doc, a few pages' worth, and then lets other goroutines run, as the extension's
// wasm does between the pages it analyzes (one call each), when Go goes idle: the garbage collector's
// marking then runs. Without a pause the wasm build, one thread with no preemption, leaves the marking
// to the allocating goroutine's assists, and runs with write barriers on for seconds at a time.
func round(docs []abstract, f func(abstract)) {
	for _, a := range docs {
		f(a)
	}
	runtime.Gosched()
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
