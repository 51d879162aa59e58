//go:build js && wasm

// Command papergist-pdf.wasm is the extension's second module, loaded only when a paper is saved from a
// PDF or by its URL, so that listing pages never load the PDF reader. It sets globalThis.papergistPDF =
// {resolve(url), read(bytes, url), metadata(source, body, title), sameTitle(a, b)}, each returning a JSON
// envelope string (see package pdfbridge). Glue only.
package main

import (
	"syscall/js"

	"github.com/papergist/papergist/wasm/pdfbridge"
)

func main() {
	api := js.Global().Get("Object").New()
	api.Set("resolve", js.FuncOf(func(_ js.Value, args []js.Value) any { return pdfbridge.Resolve(str(args, 0)) }))
	api.Set("read", js.FuncOf(func(_ js.Value, args []js.Value) any { return pdfbridge.ReadPDF(bytesArg(args, 0), str(args, 1)) }))
	api.Set("metadata", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return pdfbridge.Metadata(str(args, 0), str(args, 1), str(args, 2))
	}))
	api.Set("sameTitle", js.FuncOf(func(_ js.Value, args []js.Value) any { return pdfbridge.SameTitle(str(args, 0), str(args, 1)) }))
	js.Global().Set("papergistPDF", api)
	if ready := js.Global().Get("papergistPDFReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}

func str(args []js.Value, i int) string {
	if i >= len(args) || args[i].Type() != js.TypeString {
		return ""
	}
	return args[i].String()
}

// bytesArg copies a Uint8Array argument into Go memory; anything else is empty (the reader says "not a PDF").
func bytesArg(args []js.Value, i int) []byte {
	if i >= len(args) || args[i].Type() != js.TypeObject || !args[i].InstanceOf(js.Global().Get("Uint8Array")) {
		return nil
	}
	b := make([]byte, args[i].Get("length").Int())
	js.CopyBytesToGo(b, args[i])
	return b
}
