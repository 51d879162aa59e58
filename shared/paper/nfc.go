//go:build !(js && wasm)

package paper

import "golang.org/x/text/unicode/norm"

// nfc composes s (Unicode NFC): an accent written as a letter and a combining mark becomes one character.
func nfc(s string) string { return norm.NFC.String(s) }
