//go:build js && wasm && !legacyglue

package main

import (
	"net/http"
	"syscall/js"
)

// serve makes h the runtime's request handler and parks main, so that the runtime and the app built before it
// serve every later request of the isolate (glue.mjs starts one runtime per isolate and calls handleRequest per
// request). It replaces syumai/workers' Serve, which ends the runtime after the first response (its worker.mjs
// starts a runtime per request) and streams bodies through JS streams bound to one request (see glue.go).
//
// When thin, h is the app and GET /healthz is answered on entry, before any per-request state is built (see
// healthz); a misconfigured worker's handler answers it like every other request.
func serve(h http.Handler, thin bool) {
	js.Global().Get("context").Get("binding").Set("handleRequest", js.FuncOf(func(_ js.Value, args []js.Value) any {
		// handleRequest(method, url, headers JSON, body Uint8Array|null, done(status, headers JSON, body)).
		// It must not block: it runs inside a JavaScript call, and the request runs as its own goroutine, so
		// requests of the isolate run concurrently; done may be called while another request's JavaScript runs.
		method, url, headers, done := args[0].String(), args[1].String(), args[2].String(), args[4]
		if thin && isHealthz(method, url) {
			headers, body := healthz()
			done.Invoke(http.StatusOK, headers, body)
			return nil
		}
		var body []byte
		if b := args[3]; !b.IsNull() && !b.IsUndefined() {
			body = make([]byte, b.Length())
			js.CopyBytesToGo(body, b)
		}
		go func() {
			status, hdr, out := serveRequest(h, method, url, headers, body)
			jsOut := js.Global().Get("Uint8Array").New(len(out))
			js.CopyBytesToJS(jsOut, out)
			done.Invoke(status, hdr, jsOut)
		}()
		return nil
	}))
	ready()
	select {} // every later request enters through handleRequest
}

// ready tells glue.mjs that handleRequest is set.
//
//go:wasmimport workers ready
func ready()
