//go:build js

package main

import "errors"

func compare(wasm, execNode, data string, seconds float64, rounds, gogc int) error {
	return errors.New("-wasm: run the native build")
}
