package jsontree_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/internal/jsontree"
)

// documents are inputs on which encoding/json and jsontree must agree: values, errors, and the edges of both.
var documents = []string{
	`{"a": 1, "b": [true, false, null, "x"], "c": {"d": -0.5e+3}}`,
	`  [1, 2.5, -0, 0.1, 1E2, 1e-2, 123456789012345678901234567890]  `,
	`{}`, `[]`, `""`, `0`, `-1`, `null`, `true`, `false`, ` {"a":{}} `,
	`{"a": 1, "a": 2, "A": 3}`,
	`"escapes \" \\ \/ \b \f \n \r \t \u00e9 \u00E9 \u0000 \u2028"`,
	`"pair \ud83d\ude00, lone high \ud83d, lone low \ude00, high then letter \ud83d\u0041, high at end \ud83d"`,
	`"high then high \ud83d\ud83d\ude00"`,
	"\"bytes \xff\xfe and \xe2\x82 cut, valid é ✓ \xf0\x9f\x98\x80\"",
	"\"\x7f delete is allowed\"",
	"\"a tab \t inside\"", "\"a newline \n inside\"",
	`"bad escape \x"`, `"bad \u12"`, `"bad \u12g4"`, `"open`, `"\`,
	`01`, `1.`, `-`, `-a`, `1e`, `1e+`, `.5`, `+1`, `1.5e3.2`, `0x10`, `NaN`, `Infinity`,
	`1e400`, `-1e400`, `[1e400, "after"]`, `{"a": 1e400, "b": }`,
	`tru`, `nul`, `truex`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `{a:1}`, `{"a":1}}`, `[1 2]`, `{"a":1} x`, ``, `   `,
	`[`, `{`, `{"a"`, `{"a":`, `[1,`, "\ufeff{}", `{"a":"b"}` + "\x00",
	strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
	strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	strings.Repeat(`{"a":`, 3) + `1` + strings.Repeat("}", 3),
}

func unmarshalAny(s string) (any, error) {
	var v any
	err := json.Unmarshal([]byte(s), &v)
	return v, err
}

func checkParse(t *testing.T, doc string) {
	t.Helper()
	want, wantErr := unmarshalAny(doc)
	got, err := jsontree.Parse(doc)
	if wantErr != nil {
		assert.Error(t, err, "encoding/json: %v", wantErr)
		assert.Nil(t, got)
		return
	}
	require.NoError(t, err)
	assert.Equal(t, want, got)
}

func TestParseReadsAsUnmarshal(t *testing.T) {
	for _, doc := range documents {
		t.Run(short(doc), func(t *testing.T) { checkParse(t, doc) })
	}
}

func FuzzParse(f *testing.F) {
	for _, doc := range documents {
		f.Add(doc)
	}
	f.Fuzz(checkParse)
}

// decoderValues is what a json.Decoder loop reads from s, as extract's JSON-LD reader used it.
func decoderValues(s string) []any {
	dec := json.NewDecoder(strings.NewReader(s))
	var out []any
	for {
		var v any
		if dec.Decode(&v) != nil {
			return out
		}
		out = append(out, v)
	}
}

func checkValues(t *testing.T, stream string) {
	t.Helper()
	var got []any
	jsontree.Values(stream, func(v any) { got = append(got, v) })
	assert.Equal(t, decoderValues(stream), got)
}

var streams = []string{
	`{"a": 1} {"b": 2}`, `{"a":1}{"b":2}`, `[1][2] [3]`, `{"a":1}x{"b":2}`, `{"a":1} junk`, `{"a": 1} {"b":`,
	`1 2 {"c": 3}`, `1x {"a": 1}`, `1{"a": 1}`, `"s"{"a": 1}`, `"s" {"a": 1}`, `true{"a":1}`, `null {"a":1}`,
	`{"a": 1e400} {"b": 2}`, `[1, 2] 1e400 [3]`, "\n\t{\"a\": 1}\r\n", ``, ` `, `5`, `"x"`, `{"a":1}]`,
}

func TestValuesReadsAsDecoder(t *testing.T) {
	for _, s := range append(streams, documents...) {
		t.Run(short(s), func(t *testing.T) { checkValues(t, s) })
	}
}

func FuzzValues(f *testing.F) {
	for _, s := range append(streams, documents...) {
		f.Add(s)
	}
	f.Fuzz(checkValues)
}

// record exercises every setter the way bridge and summarize decode their structs.
type record struct {
	Name  string             `json:"name"`
	List  []string           `json:"list"`
	N     int                `json:"n_count"`
	OK    bool               `json:"ok"`
	M     map[string]float64 `json:"m"`
	F     float64            `json:"f"`
	Items []item             `json:"items"`
	Loc   item               `json:"loc"`
}

type item struct {
	Name string `json:"name"`
	X    int    `json:"x"`
}

func decodeItem(v any, it *item) error {
	return jsontree.Fields(v, func(k string, v any) error {
		switch jsontree.FoldKey(k) {
		case "NAME":
			return jsontree.String(v, &it.Name)
		case "X":
			return jsontree.Int(v, &it.X)
		}
		return nil
	})
}

func decodeRecord(v any, r *record) error {
	return jsontree.Fields(v, func(k string, v any) error {
		switch jsontree.FoldKey(k) {
		case "NAME":
			return jsontree.String(v, &r.Name)
		case "LIST":
			return jsontree.Strings(v, &r.List)
		case "N_COUNT":
			return jsontree.Int(v, &r.N)
		case "OK":
			return jsontree.Bool(v, &r.OK)
		case "M":
			return jsontree.FloatMap(v, &r.M)
		case "F":
			return jsontree.Float(v, &r.F)
		case "ITEMS":
			return jsontree.Slice(v, &r.Items, decodeItem)
		case "LOC":
			return decodeItem(v, &r.Loc)
		}
		return nil
	})
}

var records = []string{
	`{"name": "a", "list": ["x", "y"], "n_count": 3, "ok": true, "m": {"p": 1.5, "q": -2}, "f": 0.25,
	  "items": [{"name": "i", "x": 1}, {"x": 2}], "loc": {"name": "l"}, "other": [1, {"z": null}]}`,
	`{"NAME": "upper", "List": ["mixed"], "N_Count": 1, "Ok": false, "ITEMS": [], "LoC": {"NaMe": "m"}}`,
	`{"nam\u0065": "escaped key", "ſ": 1, "name": "last", "Name": "later still"}`,
	"{\"n_count\": 1, \"\u212a\": 2, \"x\": 3}", // Kelvin sign folds with k, not with x
	`{"name": null, "list": null, "n_count": null, "ok": null, "m": null, "items": null, "loc": null}`,
	`{"name": 5}`, `{"list": "x"}`, `{"list": [1, "b"]}`, `{"n_count": 1.5}`, `{"n_count": 1e2}`, `{"n_count": -0}`,
	`{"n_count": 99999999999999999999}`, `{"ok": "true"}`, `{"m": []}`, `{"m": {"a": "x", "b": 2, "c": null}}`,
	`{"f": 1e400}`, `{"f": "1"}`, `{"items": {}}`, `{"items": [1, {"name": "ok"}, null, []]}`, `{"loc": 3}`,
	`{"loc": {"x": "no"}, "name": "kept"}`, `{"items": [{"name": "a"}], "items": [{"x": 7}, {}]}`,
	`{"list": ["a", "b", "c"], "list": [null, "z"]}`, `{"m": {"a": 1}, "m": {"b": 2}, "M": {"a": null}}`,
	`null`, `[]`, `"s"`, `3`, `{"name": "a"`, `{"name": "x", "name": 3}`,
}

func checkRecord(t *testing.T, doc string) {
	t.Helper()
	// Start from a filled record, so that what a field keeps (null, a wrong type, a reused element) shows.
	start := func() record {
		return record{Name: "n0", List: []string{"l0", "l1", "l2"}, N: 9, OK: true, M: map[string]float64{"old": 1},
			F: 7, Items: []item{{Name: "i0", X: 5}, {Name: "i1"}, {Name: "i2"}}, Loc: item{Name: "loc0", X: 4}}
	}
	want := start()
	wantErr := json.Unmarshal([]byte(doc), &want)
	var syntax *json.SyntaxError

	got := start()
	tree, err := jsontree.ParseOrdered(doc)
	if errors.As(wantErr, &syntax) {
		assert.Error(t, err)
		return
	}
	require.NoError(t, err)
	err = decodeRecord(tree, &got)
	if wantErr != nil {
		assert.Error(t, err, "encoding/json: %v", wantErr)
	} else {
		assert.NoError(t, err)
	}
	assert.Equal(t, want, got)

	// A map decodes as its JSON would (json.Marshal, then Unmarshal), which is how extract reads a JSON-LD
	// object into a struct: keys in sorted order.
	anyTree, err := jsontree.Parse(doc)
	if err != nil {
		return // a number beyond float64 (nothing to compare: Parse refuses the document)
	}
	raw, err := json.Marshal(anyTree)
	require.NoError(t, err)
	want, got = start(), start()
	wantErr = json.Unmarshal(raw, &want)
	err = decodeRecord(anyTree, &got)
	assert.Equal(t, wantErr != nil, err != nil, "encoding/json: %v, jsontree: %v", wantErr, err)
	assert.Equal(t, want, got)
}

func TestSettersDecodeAsUnmarshal(t *testing.T) {
	for _, doc := range records {
		t.Run(short(doc), func(t *testing.T) { checkRecord(t, doc) })
	}
}

func FuzzSetters(f *testing.F) {
	for _, doc := range records {
		f.Add(doc)
	}
	f.Fuzz(checkRecord)
}

func TestFoldKey(t *testing.T) {
	for key, want := range map[string]string{
		"title": "TITLE", "Title": "TITLE", "TITLE": "TITLE", "pdf_url": "PDF_URL", "ſ": "S", "\u212a": "K",
		"é": "É", "": "", "a\xffb": "A\ufffdB",
	} {
		assert.Equal(t, want, jsontree.FoldKey(key), key)
	}
}

func TestSyntaxErrorSaysWhere(t *testing.T) {
	_, err := jsontree.Parse(`{"a": tru}`)
	var syntax *jsontree.SyntaxError
	require.ErrorAs(t, err, &syntax)
	assert.Equal(t, 9, syntax.Offset)
	assert.Contains(t, err.Error(), "at byte 9")
}

func short(s string) string {
	if len(s) > 40 {
		s = s[:40]
	}
	return strings.NewReplacer("/", "_", "\n", " ").Replace(s)
}
