//go:build js && wasm

// Command papergist.wasm exposes the page analysis to the extension's wasm host (extension/offscreen/wasm.js)
// as globalThis.papergist = {analyze(request), library(json), warmUp(rounds, papers?)}: analyze takes {html, url,
// abstracts?, abstracts_failed?, for_you?} or {papers}, library a bridge.LibraryRequest as JSON; both return a JSON
// envelope string (see package bridge). Glue only: the logic lives in bridge, extract, summarize and rank.
package main

import (
	"syscall/js"
	"unsafe"

	"github.com/papergist/papergist/wasm/bridge"
)

func main() {
	performance := js.Global().Get("performance")
	analyzer := bridge.NewAnalyzer(func() float64 { return performance.Call("now").Float() })
	api := js.Global().Get("Object").New()
	api.Set("analyze", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return analyzer.Analyze(request(args))
	}))
	api.Set("library", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 0 {
			return analyzer.Library("")
		}
		return analyzer.Library(str(args[0]))
	}))
	api.Set("warmUp", js.FuncOf(func(_ js.Value, args []js.Value) any {
		rounds, papers := 1, bridge.WarmUpPapers
		if len(args) > 0 && args[0].Type() == js.TypeNumber {
			rounds = args[0].Int()
		}
		if len(args) > 1 && args[1].Type() == js.TypeNumber {
			papers = args[1].Int()
		}
		return analyzer.WarmUp(rounds, papers)
	}))
	js.Global().Set("papergist", api)
	if ready := js.Global().Get("papergistReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {} // keep the exported functions alive for the engine's life
}

// request reads the AnalyzeRequest object; a missing or mistyped field is left empty (the bridge reports it).
func request(args []js.Value) bridge.AnalyzeRequest {
	var req bridge.AnalyzeRequest
	if len(args) == 0 || args[0].Type() != js.TypeObject {
		return req
	}
	o := args[0]
	req.HTML = str(o.Get("html"))
	req.URL = str(o.Get("url"))
	req.AbstractsFailed = o.Get("abstracts_failed").Truthy()
	req.ForYou = o.Get("for_you").Truthy()
	if feeds := o.Get("abstracts"); feeds.Type() == js.TypeObject && feeds.Get("length").Type() == js.TypeNumber {
		for i := range feeds.Length() {
			req.Abstracts = append(req.Abstracts, str(feeds.Index(i)))
		}
	}
	if papers := o.Get("papers"); papers.Type() == js.TypeObject {
		req.PapersJSON = js.Global().Get("JSON").Call("stringify", papers).String()
	}
	return req
}

// encodeInto is the host's string writer (see str), set before the module starts; undefined elsewhere (Node).
var encodeInto = js.Global().Get("papergistEncodeInto")

// str reads a JavaScript string, "" for another type. The host's encodeInto (see instantiate in
// extension/offscreen/wasm.js) writes its UTF-8 straight into a Go buffer, where syscall/js's String makes a
// Uint8Array of it and copies it twice more. Reading a 300 KB page took 17-78 ms (median 24) of the first page's
// Go call in Chromium, and 4-54 ms (median 11) so (first 200-paper page after browser start, 7 starts each).
func str(v js.Value) string {
	if v.Type() != js.TypeString {
		return ""
	}
	if encodeInto.Type() != js.TypeFunction {
		return v.String()
	}
	n := -1 - encodeInto.Invoke(v, 0, 0).Int() // what it answers for a string that does not fit: -1 - its length
	if n <= 0 {
		return ""
	}
	// Most pages are mostly ASCII: one UTF-8 byte per UTF-16 unit, and never more than three.
	for _, size := range [...]int{n + n/8 + 64, 3 * n} {
		b := make([]byte, size)
		if w := encodeInto.Invoke(v, unsafe.Pointer(unsafe.SliceData(b)), size).Int(); w >= 0 {
			return unsafe.String(unsafe.SliceData(b), w)
		}
	}
	return v.String()
}
