//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main exists so that the package builds natively, where its configuration is tested; the worker itself only
// runs as WebAssembly on Workers.
func main() {
	fmt.Fprintln(os.Stderr, "worker: build it for Cloudflare Workers with `make worker-build` (GOOS=js GOARCH=wasm), run it with `make worker-dev`")
	os.Exit(2)
}
