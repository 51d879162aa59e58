//go:build js

package main

import (
	"strconv"
	"strings"
	"syscall/js"
	"time"
)

// cpuTime returns the CPU time of the thread that runs the wasm, Node's main thread, where Linux tells it
// (/proc/thread-self/schedstat), so that a busy machine does not skew the figures. V8 compiles the wasm
// functions, first quickly and then the hot ones optimized, on other threads: counting them (as the
// process's CPU time, process.cpuUsage, does, the fallback elsewhere) would charge the summarizer with
// the engine's one-off work, which goes on after any warm-up of reasonable length.
func cpuTime() (time.Duration, bool) {
	if d, ok := threadCPUTime(); ok {
		return d, true
	}
	process := js.Global().Get("process")
	if process.Type() != js.TypeObject || process.Get("cpuUsage").Type() != js.TypeFunction {
		return 0, false
	}
	u := process.Call("cpuUsage")
	return time.Duration(u.Get("user").Float()+u.Get("system").Float()) * time.Microsecond, true
}

// threadCPUTime reads the first field of /proc/thread-self/schedstat, nanoseconds on a CPU, with Node's fs.
func threadCPUTime() (d time.Duration, ok bool) {
	fs := js.Global().Get("fs")
	if fs.Type() != js.TypeObject || fs.Get("readFileSync").Type() != js.TypeFunction {
		return 0, false
	}
	defer func() {
		if recover() != nil { // no such file: readFileSync threw
			d, ok = 0, false
		}
	}()
	stat := fs.Call("readFileSync", "/proc/thread-self/schedstat", "utf8").String()
	ns, err := strconv.ParseInt(strings.Fields(stat + " x")[0], 10, 64)
	if err != nil {
		return 0, false
	}
	return time.Duration(ns), true
}
