//go:build js && wasm && !workertest

package main

import "net/http"

// testRoutes adds nothing outside the worker test's bundle (see testroutes_js.go).
func testRoutes(h http.Handler) http.Handler { return h }
