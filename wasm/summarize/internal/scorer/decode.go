package scorer

import (
	"encoding/json"
	"errors"
	"strconv"
	"unicode/utf8"
)

// Decode reads a weights file (the JSON form of Model) into a prepared Model. Weights files are an object of
// objects of numbers, and Decode reads that shape itself: encoding/json took 102-104 ms for the 42 KB file on a
// fresh wasm module's first call (reflection, in V8's baseline code; under Node), this 22-30 ms. The engine pays
// it at every browser start, when the first page may be waiting.
// Anything else in the file (another shape, an unknown field, a syntax error) is left to encoding/json, so that
// the result is always what json.Unmarshal makes of the file.
func Decode(data []byte) (*Model, error) {
	m := new(Model)
	if err := decodeWeights(data, m); err != nil {
		m = new(Model)
		if err := json.Unmarshal(data, m); err != nil {
			return nil, err
		}
	}
	m.Prepare()
	return m, nil
}

var errShape = errors.New("scorer: not a plain weights file")

// decodeWeights fills m from data when data is a JSON object whose members are Model's fields, spelled as in
// its tags, each an object of numbers (or null); any other input is errShape.
func decodeWeights(data []byte, m *Model) error {
	d := jsonReader{data: data}
	fields := map[string]*map[string]float64{
		"dense": &m.Dense, "words": &m.Words, "starts": &m.Starts, "bigrams": &m.Bigrams, "token": &m.Token,
		"token_words": &m.TokenWords, "candidate": &m.Candidate, "trailing": &m.Trailing,
	}
	err := d.object(func(name string) error {
		field := fields[name]
		if field == nil {
			return errShape
		}
		if d.null() {
			*field = nil
			return nil
		}
		if *field == nil {
			*field = map[string]float64{}
		}
		return d.object(func(key string) error {
			x, err := d.number()
			if err == nil {
				(*field)[key] = x
			}
			return err
		})
	})
	if err != nil {
		return err
	}
	if d.space(); d.i != len(d.data) {
		return errShape
	}
	return nil
}

// jsonReader reads the JSON that weights files are made of: objects, strings, numbers and null.
type jsonReader struct {
	data []byte
	i    int
}

func (d *jsonReader) space() {
	for d.i < len(d.data) {
		switch d.data[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// next skips white space and reports whether the next byte is c, consuming it if so.
func (d *jsonReader) next(c byte) bool {
	d.space()
	if d.i < len(d.data) && d.data[d.i] == c {
		d.i++
		return true
	}
	return false
}

func (d *jsonReader) null() bool {
	d.space()
	if len(d.data)-d.i >= 4 && string(d.data[d.i:d.i+4]) == "null" {
		d.i += 4
		return true
	}
	return false
}

// object reads {"key": value, ...}, calling member for each key with the reader at its value.
func (d *jsonReader) object(member func(key string) error) error {
	if !d.next('{') {
		return errShape
	}
	if d.next('}') {
		return nil
	}
	for {
		key, err := d.str()
		if err != nil {
			return err
		}
		if !d.next(':') {
			return errShape
		}
		if err := member(key); err != nil {
			return err
		}
		if d.next('}') {
			return nil
		}
		if !d.next(',') {
			return errShape
		}
	}
}

// str reads a string. One with escapes is handed to encoding/json, which unescapes it (weights files have a few:
// encoding/json writes "<" as \u003c); invalid UTF-8 is errShape (encoding/json would replace it).
func (d *jsonReader) str() (string, error) {
	if !d.next('"') {
		return "", errShape
	}
	start, escaped := d.i, false
	for d.i < len(d.data) {
		switch c := d.data[d.i]; {
		case c == '"':
			s := d.data[start:d.i]
			d.i++
			if escaped {
				var out string
				if json.Unmarshal(d.data[start-1:d.i], &out) != nil {
					return "", errShape
				}
				return out, nil
			}
			if !utf8.Valid(s) {
				return "", errShape
			}
			return string(s), nil
		case c == '\\':
			escaped = true
			d.i += 2
		case c < 0x20:
			return "", errShape
		default:
			d.i++
		}
	}
	return "", errShape
}

// number reads a JSON number as encoding/json does (strconv.ParseFloat of its text); null is errShape, since
// encoding/json leaves a map's element out for it, which is not worth a second path here.
func (d *jsonReader) number() (float64, error) {
	d.space()
	start := d.i
	if d.i < len(d.data) && d.data[d.i] == '-' {
		d.i++
	}
	switch {
	case d.i < len(d.data) && d.data[d.i] == '0':
		d.i++
	case d.i < len(d.data) && d.data[d.i] >= '1' && d.data[d.i] <= '9':
		d.digits()
	default:
		return 0, errShape
	}
	if d.i < len(d.data) && d.data[d.i] == '.' {
		d.i++
		if d.digits() == 0 {
			return 0, errShape
		}
	}
	if d.i < len(d.data) && (d.data[d.i] == 'e' || d.data[d.i] == 'E') {
		d.i++
		if d.i < len(d.data) && (d.data[d.i] == '+' || d.data[d.i] == '-') {
			d.i++
		}
		if d.digits() == 0 {
			return 0, errShape
		}
	}
	x, err := strconv.ParseFloat(string(d.data[start:d.i]), 64)
	if err != nil {
		return 0, errShape
	}
	return x, nil
}

func (d *jsonReader) digits() int {
	n := 0
	for d.i < len(d.data) && d.data[d.i] >= '0' && d.data[d.i] <= '9' {
		d.i++
		n++
	}
	return n
}
