package bridge

import (
	"unicode/utf8"
	"unsafe"

	"github.com/papergist/papergist/wasm/internal/jsontree"
)

// asciiJSON returns json (as jsontree writes it: valid UTF-8) as a string, with every character from U+0080 up
// written as a \u escape when the browser's composition (NFC) would leave the text as it is; otherwise, or if
// json is all ASCII, as it is. The answer reaches JavaScript through a UTF-8 decode (syscall/js), which for text
// that is all ASCII gives a one-byte string, and is then composed by the host only if it holds a character from
// U+0300 up (extension/lib/nfc.js). One curly quote made the whole answer a two-byte string: for 200-paper
// listings of real abstracts (400 KB of answer, about 100 characters of it not ASCII; 6 in 11 pages have no
// character that NFC may change), under Node, the answer's UTF-8 decode took a median 3.7 ms against 1.8 in
// ASCII (a 793 KB two-byte string against 397 KB), composing 0.4 ms against 0, and the reply's serialization and
// two parses 11.0 ms against 7.1. The scan costs the other pages, which go as they are, about 0.3-1 ms.
// The escapes are the JSON of the same text, so JSON.parse gives the same strings. A json that goes as it is
// is returned without a copy: the caller must not write to it again.
func asciiJSON(json []byte) string {
	var b []byte // json so far, escaped; nil until the first character to escape
	start := 0   // json[start:] is not yet in b
	for i := 0; i < len(json); {
		if i+8 <= len(json) {
			if w := json[i : i+8 : i+8]; w[0]|w[1]|w[2]|w[3]|w[4]|w[5]|w[6]|w[7] < utf8.RuneSelf {
				i += 8 // eight ASCII bytes at a time: a byte at a time took 1.7-3.0 ms of a 400 KB answer
				continue
			}
		}
		if json[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(json[i:])
		if r == utf8.RuneError && n == 1 || r >= 0x300 && !nfcInert(r) {
			return unsafe.String(unsafe.SliceData(json), len(json))
		}
		if b == nil {
			b = make([]byte, 0, len(json)+len(json)/64) // \uXXXX is 3 or 4 bytes more than the character
		}
		b = append(b, json[start:i]...)
		const hex = jsontree.HexDigits
		b = append(b, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
		i += n
		start = i
	}
	if b == nil {
		return unsafe.String(unsafe.SliceData(json), len(json))
	}
	b = append(b, json[start:]...)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// nfcInertRanges are the characters of the blocks papers' text uses most from U+0300 up (Greek, Cyrillic,
// punctuation, super- and subscripts, currency, letterlike symbols, number forms, arrows, mathematical
// operators) that NFC leaves as they are wherever they stand: assigned, combining class 0, composing with no
// character before them, and their own composition. A character after one of them may compose with it (α and
// U+0301), but such a character is not in this table. TestNFCInertRangesAreWhatNFCLeavesAlone derives the
// table from x/text's Unicode data.
var nfcInertRanges = [...][2]uint16{
	{0x0370, 0x0373}, {0x0375, 0x0377}, {0x037a, 0x037d}, {0x037f, 0x037f}, {0x0384, 0x0386}, {0x0388, 0x038a},
	{0x038c, 0x038c}, {0x038e, 0x03a1}, {0x03a3, 0x0482}, {0x0488, 0x04ff}, {0x2002, 0x2027}, {0x202a, 0x2064},
	{0x2066, 0x2071}, {0x2074, 0x208e}, {0x2090, 0x209c}, {0x20a0, 0x20c0}, {0x20dd, 0x20e0}, {0x20e2, 0x20e4},
	{0x2100, 0x2125}, {0x2127, 0x2129}, {0x212c, 0x218b}, {0x2190, 0x22ff},
}

// nfcInert reports whether r is in nfcInertRanges.
func nfcInert(r rune) bool {
	for _, rg := range nfcInertRanges {
		if r < rune(rg[0]) {
			return false
		}
		if r <= rune(rg[1]) {
			return true
		}
	}
	return false
}
