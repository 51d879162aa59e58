//go:build js && wasm && workertest

package main

import (
	"fmt"
	"net/http"
	"runtime"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/papergist/papergist/backend/auth"
)

// testRoutes adds, in the bundle the worker test builds (-tags workertest, never deployed), routes that look
// into and break the runtime, to test the glue under wrangler dev:
//
//   - GET /__test/runtime: this runtime's id, how many requests it has served, and its memory from the system;
//   - GET /__test/sleep?ms=N: answers after N ms on a Go timer (a JavaScript timer underneath), like a long poll;
//   - GET /__test/hold: never answers on its own;
//   - GET /__test/exit: a goroutine panics, which ends the Go runtime, and the request never answers on its own.
func testRoutes(h http.Handler) http.Handler {
	id := auth.RandomToken(8)
	var served atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("GET /__test/runtime", func(w http.ResponseWriter, _ *http.Request) {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"runtime":%q,"served":%d,"sys_bytes":%d,"heap_bytes":%d}`, id, served.Load(), m.Sys, m.HeapAlloc)
	})
	mux.HandleFunc("GET /__test/sleep", func(w http.ResponseWriter, r *http.Request) {
		ms, _ := strconv.Atoi(r.URL.Query().Get("ms"))
		time.Sleep(time.Duration(ms) * time.Millisecond)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"runtime":%q,"slept_ms":%d}`, id, ms)
	})
	mux.HandleFunc("GET /__test/hold", func(http.ResponseWriter, *http.Request) { select {} })
	mux.HandleFunc("GET /__test/exit", func(http.ResponseWriter, *http.Request) {
		go func() { panic("worker test: the runtime dies") }()
		select {}
	})
	mux.Handle("/", h)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		mux.ServeHTTP(w, r)
	})
}
