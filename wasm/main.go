//go:build js && wasm

// Command papergist.wasm exposes the extractor and the summarizer to the extension's service worker as
// globalThis.papergist = {extract(html, url), summarize(json), digest(json)}, each returning a JSON
// envelope string (see package bridge). Glue only: the logic lives in bridge, extract and summarize.
package main

import (
	"syscall/js"

	"github.com/papergist/papergist/wasm/bridge"
)

func main() {
	api := js.Global().Get("Object").New()
	api.Set("extract", fn2(bridge.Extract))
	api.Set("summarize", fn1(bridge.Summarize))
	api.Set("digest", fn1(bridge.Digest))
	js.Global().Set("papergist", api)
	if ready := js.Global().Get("papergistReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {} // keep the exported functions alive for the worker's life
}

func fn1(f func(string) string) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) any { return f(arg(args, 0)) })
}

func fn2(f func(string, string) string) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) any { return f(arg(args, 0), arg(args, 1)) })
}

// arg is the i-th argument as a string, "" when absent or not a string (the bridge reports the error).
func arg(args []js.Value, i int) string {
	if i >= len(args) || args[i].Type() != js.TypeString {
		return ""
	}
	return args[i].String()
}
