//go:build !js

package main

import (
	"fmt"
	"os/exec"
	"slices"
	"strconv"
	"strings"
)

// compare alternates native measurements (in this process) with runs of the wasm build under Node, so
// that a shared machine's load, which moves by tens of percent within minutes, weighs on both alike.
// It prints every measurement, then the medians and the ratio of the medians, of CPU time. Both sides
// collect garbage at the same GOGC percentage.
func compare(wasm, execNode, data string, seconds float64, rounds, gogc int) error {
	if execNode == "" {
		return fmt.Errorf("-wasm needs -exec, the path of Go's wasm_exec_node.js")
	}
	note := fmt.Sprintf("the extension runs its wasm at %d", extensionGOGC)
	if gogc == extensionGOGC {
		note = "as the extension runs its wasm"
	}
	fmt.Printf("garbage collection: GOGC=%d on both sides, %s (extension/offscreen/wasm.js)\n", gogc, note)
	var native, js []result
	for i := 0; i < rounds; i++ {
		n, err := run(data, seconds)
		if err != nil {
			return err
		}
		n.print("native")
		native = append(native, n)
		cmd := exec.Command("node", execNode, wasm, "-data", data, "-label", "wasm", "-gogc", strconv.Itoa(gogc),
			"-seconds", strconv.FormatFloat(seconds, 'f', -1, 64))
		out, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("%s: %w", cmd, err)
		}
		var w result
		var label string
		var each float64
		line := strings.TrimSpace(string(out))
		if _, err := fmt.Sscanf(strings.Join(strings.Fields(line), " "), resultFormat, &label,
			&w.tldr.wall, &each, &w.tldr.cpu, &w.full.wall, &w.full.cpu); err != nil {
			return fmt.Errorf("reading the wasm build's result %q: %w", line, err)
		}
		fmt.Println(line)
		js = append(js, w)
	}
	med := func(rs []result, f func(result) float64) float64 {
		xs := make([]float64, len(rs))
		for i, r := range rs {
			xs[i] = f(r)
		}
		slices.Sort(xs)
		if n := len(xs); n%2 == 0 {
			return (xs[n/2-1] + xs[n/2]) / 2
		}
		return xs[len(xs)/2]
	}
	tldr := func(r result) float64 { return r.tldr.cpu }
	full := func(r result) float64 { return r.full.cpu }
	fmt.Printf("medians of %d rounds, native and wasm alternating (abstracts per second of CPU time: the native process's with GOMAXPROCS=1; the Node thread's that runs the wasm, without V8's compiler threads):\n", rounds)
	for _, m := range []struct {
		name string
		f    func(result) float64
	}{{"TL;DR", tldr}, {"TL;DR + key phrases", full}} {
		n, w := med(native, m.f), med(js, m.f)
		fmt.Printf("  %-20s native %6.0f/s, wasm %6.0f/s: native/wasm %.2f× (per round:", m.name, n, w, n/w)
		for i := range native {
			fmt.Printf(" %.2f×", m.f(native[i])/m.f(js[i]))
		}
		fmt.Println(")")
	}
	return nil
}

// extensionGOGC is the GOGC the extension gives its wasm (extension/offscreen/wasm.js; a test checks they agree).
const extensionGOGC = 400
