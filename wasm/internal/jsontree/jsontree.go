// Package jsontree reads JSON as encoding/json does, without its reflection: reading and writing with it in place
// of encoding/json took the listing wasm from 1,496,840 to 1,423,840 bytes gzip -9 (-73 KB), and one json.Unmarshal
// call put back alone adds about 110 KB, over issue 15's 1.5 MB limit (README). Parse gives what json.Unmarshal
// puts in an any; Values reads a stream as successive json.Decoder.Decode calls do; ParseOrdered and the setters
// (String, Slice, Fields, ...) decode into a struct field by field with Unmarshal's rules: keys match field names
// case-insensitively (FoldKey), null leaves a field as it is, a value of the wrong type is an error that does not
// stop the rest. The tests hold every function to encoding/json on the same input.
package jsontree

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Object is a JSON object in ParseOrdered's trees: its members in document order, repeated keys included.
type Object struct {
	Keys   []string
	Values []any
}

// Number is a number in ParseOrdered's trees, as written: a field decides how to read it (Int, Float).
type Number string

// maxDepth is encoding/json's limit on nested arrays and objects.
const maxDepth = 10000

// SyntaxError is malformed JSON; Offset is the byte where it was found.
type SyntaxError struct {
	Msg    string
	Offset int
}

func (e *SyntaxError) Error() string { return "JSON: " + e.Msg + " at byte " + strconv.Itoa(e.Offset) }

// Parse reads data, one JSON value with white space around it, into what json.Unmarshal stores in an any:
// map[string]any, []any, string, float64, bool or nil. A number beyond float64 is an error, as there.
func Parse(data string) (any, error) {
	p := parser{s: data}
	v, err := p.document()
	if err == nil {
		err = p.rangeErr
	}
	if err != nil {
		return nil, err
	}
	return v, nil
}

// ParseOrdered reads data as Parse does, but objects are *Object and numbers Number, for the setters below.
func ParseOrdered(data string) (any, error) {
	p := parser{s: data, ordered: true}
	return p.document()
}

// Values calls fn with each value of a stream of JSON values, as successive json.Decoder.Decode calls (into
// an any) return them, and stops at the first that does not decode: a syntax error or a number beyond float64.
func Values(data string, fn func(any)) {
	p := parser{s: data}
	for {
		p.space()
		if p.i == len(p.s) {
			return
		}
		v, err := p.value()
		if err != nil || p.rangeErr != nil {
			return
		}
		fn(v) // a value ends where its syntax does: "1x" is 1, then an error
	}
}

type parser struct {
	s        string
	i        int
	depth    int
	ordered  bool
	rangeErr error // a number beyond float64 (Parse): reported after the syntax is checked, as encoding/json does
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (p *parser) space() {
	for p.i < len(p.s) && isSpace(p.s[p.i]) {
		p.i++
	}
}

func (p *parser) fail(msg string) error { return &SyntaxError{Msg: msg, Offset: p.i} }

func (p *parser) unexpected() error {
	if p.i >= len(p.s) {
		return p.fail("unexpected end of input")
	}
	return p.fail("unexpected character " + strconv.QuoteRune(rune(p.s[p.i])))
}

func (p *parser) document() (any, error) {
	p.space()
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i < len(p.s) {
		return nil, p.fail("unexpected character " + strconv.QuoteRune(rune(p.s[p.i])) + " after the value")
	}
	return v, nil
}

func (p *parser) value() (any, error) {
	if p.i >= len(p.s) {
		return nil, p.unexpected()
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		return p.str()
	case c == '-' || '0' <= c && c <= '9':
		return p.number()
	case c == 't':
		return p.literal("true", true)
	case c == 'f':
		return p.literal("false", false)
	case c == 'n':
		return p.literal("null", nil)
	}
	return nil, p.unexpected()
}

func (p *parser) literal(word string, v any) (any, error) {
	for k := 0; k < len(word); k++ {
		if p.i >= len(p.s) || p.s[p.i] != word[k] {
			return nil, p.unexpected()
		}
		p.i++
	}
	return v, nil
}

func (p *parser) enter() error {
	if p.depth++; p.depth > maxDepth {
		return p.fail("nested too deep")
	}
	return nil
}

func (p *parser) object() (any, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	p.i++ // {
	var m map[string]any
	var o *Object
	if p.ordered {
		o = &Object{}
	} else {
		m = map[string]any{}
	}
	p.space()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		p.depth--
		if p.ordered {
			return o, nil
		}
		return m, nil
	}
	for {
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			return nil, p.unexpected()
		}
		k, err := p.str()
		if err != nil {
			return nil, err
		}
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return nil, p.unexpected()
		}
		p.i++
		p.space()
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		if p.ordered {
			o.Keys = append(o.Keys, k.(string))
			o.Values = append(o.Values, v)
		} else {
			m[k.(string)] = v
		}
		p.space()
		if p.i < len(p.s) && p.s[p.i] == ',' {
			p.i++
			p.space()
			continue
		}
		if p.i < len(p.s) && p.s[p.i] == '}' {
			p.i++
			p.depth--
			if p.ordered {
				return o, nil
			}
			return m, nil
		}
		return nil, p.unexpected()
	}
}

func (p *parser) array() (any, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	p.i++ // [
	a := make([]any, 0)
	p.space()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		p.depth--
		return a, nil
	}
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		a = append(a, v)
		p.space()
		if p.i < len(p.s) && p.s[p.i] == ',' {
			p.i++
			p.space()
			continue
		}
		if p.i < len(p.s) && p.s[p.i] == ']' {
			p.i++
			p.depth--
			return a, nil
		}
		return nil, p.unexpected()
	}
}

func digits(s string, i int) int {
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i
}

// number reads -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *parser) number() (any, error) {
	s, start := p.s, p.i
	i := start
	if s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && '1' <= s[i] && s[i] <= '9':
		i = digits(s, i+1)
	default:
		p.i = i
		return nil, p.unexpected()
	}
	if i < len(s) && s[i] == '.' {
		if j := digits(s, i+1); j > i+1 {
			i = j
		} else {
			p.i = i + 1
			return nil, p.unexpected()
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if j := digits(s, i); j > i {
			i = j
		} else {
			p.i = i
			return nil, p.unexpected()
		}
	}
	p.i = i
	lit := s[start:i]
	if p.ordered {
		return Number(lit), nil
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil {
		if p.rangeErr == nil {
			p.rangeErr = errors.New("JSON: number " + lit + " does not fit a float64")
		}
		return nil, nil
	}
	return f, nil
}

// str reads a string as encoding/json unquotes it: escapes decoded, a UTF-16 surrogate that is not half of a
// pair and every byte that is not UTF-8 read as U+FFFD. The result never shares memory with the input.
func (p *parser) str() (any, error) {
	s := p.s
	start := p.i + 1
	i := start
	for i < len(s) {
		c := s[i]
		if c == '"' {
			p.i = i + 1
			return strings.Clone(s[start:i]), nil
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		i++
	}
	b := make([]byte, 0, i-start+16)
	b = append(b, s[start:i]...)
	for {
		if i >= len(s) {
			p.i = i
			return nil, p.unexpected()
		}
		c := s[i]
		switch {
		case c == '"':
			p.i = i + 1
			return string(b), nil
		case c < 0x20:
			p.i = i
			return nil, p.fail("control character in a string")
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				b = utf8.AppendRune(b, unicode.ReplacementChar)
			} else {
				b = append(b, s[i:i+n]...)
			}
			i += n
		case c != '\\':
			b = append(b, c)
			i++
		default:
			if i+1 >= len(s) {
				p.i = i + 1
				return nil, p.unexpected()
			}
			switch e := s[i+1]; e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r := hex4(s, i+2)
				if r < 0 {
					p.i = i + 2
					return nil, p.fail("bad \\u escape")
				}
				i += 6
				if utf16.IsSurrogate(r) {
					if r2 := hex4(s, i+2); i+1 < len(s) && s[i] == '\\' && s[i+1] == 'u' && r2 >= 0 {
						if d := utf16.DecodeRune(r, r2); d != unicode.ReplacementChar {
							b = utf8.AppendRune(b, d)
							i += 6
							continue
						}
					}
					r = unicode.ReplacementChar
				}
				b = utf8.AppendRune(b, r)
				continue
			default:
				p.i = i + 1
				return nil, p.fail("bad escape")
			}
			i += 2
		}
	}
}

// hex4 reads the four hex digits at s[i:], or returns -1.
func hex4(s string, i int) rune {
	if i+4 > len(s) {
		return -1
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// FoldKey is the form in which encoding/json compares an object's key with a field's name: ASCII letters
// upper-cased, other letters as the smallest rune of their case-folding orbit (so "ſ" matches "s"). A key
// names a field when the two fold alike; for an ASCII name that is strings.ToUpper(name).
func FoldKey(key string) string {
	for i := 0; i < len(key); i++ {
		if c := key[i]; 'a' <= c && c <= 'z' || c >= utf8.RuneSelf {
			return foldFrom(key, i)
		}
	}
	return key
}

func foldFrom(key string, i int) string {
	b := append(make([]byte, 0, len(key)), key[:i]...)
	for i < len(key) {
		c := key[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(key[i:])
		for {
			r2 := unicode.SimpleFold(r)
			if r2 <= r {
				r = r2
				break
			}
			r = r2
		}
		b = utf8.AppendRune(b, r)
		i += n
	}
	return string(b)
}

// TypeError is a value of the wrong type for the field it names; decoding goes on without it.
type TypeError struct {
	Value string // "string", "number", "object", ...
	Want  string
}

func (e *TypeError) Error() string { return "JSON: a " + e.Value + " where " + e.Want + " belongs" }

func kind(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case float64, Number:
		return "number"
	case bool:
		return "boolean"
	case []any:
		return "array"
	case map[string]any, *Object:
		return "object"
	}
	return "null"
}

// typeError is the error path of every reader (String, Bool, Strings…), so it stays out of line: inlined, its
// copy of kind's type switch in each caller cost the listing wasm 6,943 bytes gzip -9 (session 27).
//
//go:noinline
func typeError(v any, want string) error { return &TypeError{Value: kind(v), Want: want} }

// String sets *dst from a string; null leaves it.
func String(v any, dst *string) error {
	switch v := v.(type) {
	case string:
		*dst = v
	case nil:
	default:
		return typeError(v, "a string")
	}
	return nil
}

// Bool sets *dst from true or false; null leaves it.
func Bool(v any, dst *bool) error {
	switch v := v.(type) {
	case bool:
		*dst = v
	case nil:
	default:
		return typeError(v, "a boolean")
	}
	return nil
}

// Int sets *dst from a number written as an integer; null leaves it.
func Int(v any, dst *int) error {
	switch v := v.(type) {
	case Number:
		n, err := strconv.ParseInt(string(v), 10, 0)
		if err != nil {
			return &TypeError{Value: "number " + string(v), Want: "an integer"}
		}
		*dst = int(n)
	case float64: // from a map (Parse): as json.Marshal writes it, then Unmarshal reads it
		if v != math.Trunc(v) || math.Abs(v) >= 1e21 || v < -(1<<63) || v >= 1<<63 {
			return &TypeError{Value: "number " + strconv.FormatFloat(v, 'g', -1, 64), Want: "an integer"}
		}
		*dst = int(v)
	case nil:
	default:
		return typeError(v, "an integer")
	}
	return nil
}

// Float sets *dst from a number; null leaves it.
func Float(v any, dst *float64) error {
	switch v := v.(type) {
	case Number:
		f, err := strconv.ParseFloat(string(v), 64)
		if err != nil {
			return &TypeError{Value: "number " + string(v), Want: "a float64"}
		}
		*dst = f
	case float64:
		*dst = v
	case nil:
	default:
		return typeError(v, "a number")
	}
	return nil
}

// Slice sets *dst from an array, each element with elem, reusing the elements *dst has as encoding/json does;
// null sets it to nil. An element's error does not stop the others; the first is returned.
func Slice[T any](v any, dst *[]T, elem func(any, *T) error) error {
	switch v := v.(type) {
	case []any:
		s := *dst
		var first error
		for i, e := range v {
			switch {
			case i < len(s):
			case i < cap(s): // as encoding/json: what the array held beyond its length is decoded into again
				s = s[:i+1]
			default:
				var zero T
				s = append(s, zero)
			}
			if err := elem(e, &s[i]); err != nil && first == nil {
				first = err
			}
		}
		if len(v) == 0 {
			s = make([]T, 0)
		}
		*dst = s[:len(v)]
		return first
	case nil:
		*dst = nil
		return nil
	}
	return typeError(v, "an array")
}

// Strings sets *dst from an array of strings, as Slice.
func Strings(v any, dst *[]string) error { return Slice(v, dst, String) }

// FloatMap sets the members of an object of numbers in *dst (made if nil), a null member as 0; null sets *dst
// to nil.
func FloatMap(v any, dst *map[string]float64) error {
	switch v.(type) {
	case *Object, map[string]any:
	case nil:
		*dst = nil
		return nil
	default:
		return typeError(v, "an object")
	}
	if *dst == nil {
		*dst = map[string]float64{}
	}
	m := *dst
	return Fields(v, func(k string, e any) error {
		var f float64
		err := Float(e, &f)
		m[k] = f
		return err
	})
}

// Fields calls set with each member of an object in turn: an *Object's in document order, a map's in sorted
// key order (the order json.Marshal writes them, so that a map decodes as its JSON would); null calls nothing.
// A member's error does not stop the others; the first is returned.
func Fields(v any, set func(key string, v any) error) error {
	var first error
	note := func(err error) {
		if err != nil && first == nil {
			first = err
		}
	}
	switch v := v.(type) {
	case *Object:
		for i, k := range v.Keys {
			note(set(k, v.Values[i]))
		}
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			note(set(k, v[k]))
		}
	case nil:
	default:
		return typeError(v, "an object")
	}
	return first
}
