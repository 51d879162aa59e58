//go:build js && wasm

// Command papergist.wasm exposes the page analysis to the extension's wasm host (extension/offscreen/wasm.js)
// as globalThis.papergist = {analyze(request), library(json), warmUp(rounds)}: analyze takes {html, url,
// abstracts?, abstracts_failed?, for_you?} or {papers}, library a bridge.LibraryRequest as JSON; both return a JSON
// envelope string (see package bridge). Glue only: the logic lives in bridge, extract, summarize and rank.
package main

import (
	"syscall/js"

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
		rounds := 1
		if len(args) > 0 && args[0].Type() == js.TypeNumber {
			rounds = args[0].Int()
		}
		return bridge.WarmUp(rounds)
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

func str(v js.Value) string {
	if v.Type() != js.TypeString {
		return ""
	}
	return v.String()
}
