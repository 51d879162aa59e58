package jsontree

import (
	"errors"
	"math"
	"strconv"
	"unicode/utf8"
)

// The Append functions write JSON as json.Marshal writes the same Go value, byte for byte, so that a struct's
// writer can be a few appends instead of encoding/json's reflection (see the package comment for what that costs).

// HexDigits are the lower-case hex digits json.Marshal writes in a \u escape, indexed by a 4-bit value
// (HexDigits[c>>4], HexDigits[c&0xf]); the bridge's asciiJSON writes its escapes with them too.
const HexDigits = "0123456789abcdef"

// plain marks the bytes AppendString copies as they are: printable ASCII but the quote, backslash, <, > and &.
var plain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// AppendString appends s as a JSON string as json.Marshal writes it: <, > and & escaped (\u003c), as are
// U+2028 and U+2029, control bytes and the bytes that are not UTF-8 (\ufffd).
func AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if plain[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', HexDigits[c>>4], HexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', HexDigits[r&0xf])
		default:
			i += n
			continue
		}
		i += n
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// AppendStrings appends a []string as json.Marshal writes it: null for a nil slice.
func AppendStrings(b []byte, s []string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, e := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendString(b, e)
	}
	return append(b, ']')
}

// ErrNotFinite is AppendFloat's error: JSON has no NaN or infinity (json.Marshal refuses them too).
var ErrNotFinite = errors.New("JSON: unsupported value: NaN or infinity")

// AppendFloat appends a float64 as json.Marshal writes it: the shortest decimal that reads back, in
// exponent form (1e-7, 1e+21) below 1e-6 and from 1e21 on.
func AppendFloat(b []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b, ErrNotFinite
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' { // e-07 → e-7
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

// AppendBool appends true or false.
func AppendBool(b []byte, v bool) []byte { return strconv.AppendBool(b, v) }

// AppendInt appends an integer.
func AppendInt(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }

// AppendKey appends a member's key and colon, with the comma before it unless it opens the object ('{' last).
func AppendKey(b []byte, key string) []byte {
	if n := len(b); n > 0 && b[n-1] != '{' {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, key...) // the writers' keys are plain ASCII, as their json tags
	return append(b, '"', ':')
}
