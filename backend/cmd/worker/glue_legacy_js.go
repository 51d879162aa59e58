//go:build js && wasm && legacyglue

package main

import (
	"net/http"

	"github.com/syumai/workers"
)

// serve is the glue papergist used before one runtime per isolate: syumai/workers' own, with its worker.mjs,
// which starts a fresh Go runtime (and so runs main) for every request. Built only by `make bench-worker`, to
// print the old figures next to the new ones.
func serve(h http.Handler, _ bool) { workers.Serve(h) }
