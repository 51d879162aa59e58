//go:build js && wasm

package paper

// nfc leaves s as it is in the wasm modules: Unicode's composition tables would cost them about 55 KB gzipped,
// and the browser has them. The extension's wasm host composes every answer of the modules once, with
// String.prototype.normalize("NFC") (extension/offscreen/wasm.js and pdf.js), so what reaches cards, the library
// and the server is composed as the native build composes it; text inside one call (summaries' word splitting)
// may see an accent as a letter and a combining mark.
func nfc(s string) string { return s }
