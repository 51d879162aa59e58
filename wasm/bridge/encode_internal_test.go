package bridge

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/shared/syncproto"
	"github.com/papergist/papergist/wasm/summarize"
)

// fill sets every field reachable from v: strings to s, numbers to n, booleans to true, slices to two
// elements, maps to one entry, so that a field the writers or readers miss shows as a difference from
// encoding/json. A kind it does not know fails the test, naming the field, rather than being left zero (and,
// being omitempty, left out on both sides).
func fill(t testing.TB, v reflect.Value, name, s string, n float64) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Int:
		v.SetInt(int64(n))
	case reflect.Float64:
		v.SetFloat(n)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(t, v.Index(i), fmt.Sprintf("%s[%d]", name, i), s, n)
		}
	case reflect.Map:
		key, elem := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(t, key, name+" key", s, n)
		fill(t, elem, name+"[key]", s, n)
		v.Set(reflect.MakeMap(v.Type()))
		v.SetMapIndex(key, elem)
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				fill(t, v.Field(i), name+"."+f.Name, s, n)
			}
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, v.Elem(), "*"+name, s, n)
	default:
		t.Fatalf("fill: %s is a %s: add a case for it to fill, and check the hand writer and reader handle it", name, v.Type())
	}
}

func full[T any](t testing.TB, s string, n float64) T {
	t.Helper()
	var v T
	fill(t, reflect.ValueOf(&v).Elem(), reflect.TypeFor[T]().String(), s, n)
	return v
}

func checkEnvelope(t *testing.T, e Envelope) {
	t.Helper()
	want, err := json.Marshal(e)
	require.NoError(t, err)
	got, err := appendEnvelope(nil, e)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
}

var texts = []string{"", "plain", `quote " backslash \ slash /`, "<b>&amp;</b>", "tab\tnl\nret\r\b\f\x00\x1f\x7f",
	"é ✓ \U0001F600", "\u2028\u2029", "bad \xff\xfe utf-8 \xe2\x82", "ǅ ſ \u212a"}

var numbers = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1.0 / 3, 1e-6, 9.99e-7, 1e-7, 123456.789, 1e20, 1e21,
	-1e21, 1.5e300, 5e-324, 12.000001, 3}

func TestAppendEnvelopeWritesAsMarshal(t *testing.T) {
	for _, s := range texts {
		for _, n := range numbers {
			checkEnvelope(t, Envelope{OK: true, Data: full[Analysis](t, s, n)})
			checkEnvelope(t, Envelope{OK: true, Data: full[LibraryState](t, s, n)})
			checkEnvelope(t, Envelope{Error: full[*syncproto.Error](t, s, n)})
		}
	}
	// Zero and nil values: omitempty fields left out, nil slices null, empty ones [].
	checkEnvelope(t, Envelope{})
	checkEnvelope(t, Envelope{OK: true, Data: Analysis{}})
	checkEnvelope(t, Envelope{OK: true, Data: LibraryState{}})
	checkEnvelope(t, Envelope{OK: true, Data: Analysis{Entries: []Entry{{}}, Topics: []summarize.Topic{{}}, ForYou: []Pick{}}})
	checkEnvelope(t, Envelope{OK: true, Data: Analysis{Entries: []Entry{{
		Paper:   paper.Paper{Authors: []string{}, Categories: []string{}, Locator: paper.Locator{Link: -1}},
		Summary: summarize.Summary{KeyPhrases: []string{}},
	}}, Topics: []summarize.Topic{{PaperIDs: []string{}}}}})
}

func TestAppendPicksWritesAsMarshal(t *testing.T) {
	for _, picks := range [][]Pick{nil, {}, full[[]Pick](t, "p <1>", 2), {{PaperID: "a", More: -3}}} {
		want, err := json.Marshal(picks)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(appendPicks(nil, picks)))
	}
}

func TestAppendEnvelopeRefusesWhatMarshalRefuses(t *testing.T) {
	for _, e := range []Envelope{
		{OK: true, Data: Analysis{Timing: Timing{Rank: math.NaN()}}},
		{OK: true, Data: Analysis{Timing: Timing{Extract: math.Inf(1)}}},
		{OK: true, Data: struct{ X int }{1}}, // no writer: never sent, and an internal error if it were
	} {
		_, err := appendEnvelope(nil, e)
		assert.Error(t, err)
	}
	out := envelope(Analysis{Timing: Timing{Digest: math.Inf(-1)}}, nil)
	var e Envelope
	require.NoError(t, json.Unmarshal([]byte(out), &e))
	assert.False(t, e.OK)
	assert.Equal(t, syncproto.CodeInternal, e.Error.Code)
}

func FuzzAppendEnvelope(f *testing.F) {
	for i, s := range texts {
		f.Add(s, numbers[i])
	}
	f.Fuzz(func(t *testing.T, s string, n float64) {
		if math.IsNaN(n) || math.IsInf(n, 0) {
			return
		}
		checkEnvelope(t, Envelope{OK: true, Data: full[Analysis](t, s, n)})
		checkEnvelope(t, Envelope{Error: &syncproto.Error{Code: s, Message: s + s}})
	})
}

// benchAnalysis is a 200-paper listing's answer, each paper with every field set.
func benchAnalysis(t testing.TB) Analysis {
	a := Analysis{Site: "arxiv", Topics: full[[]summarize.Topic](t, "topic", 1)}
	for i := range 200 {
		p := full[paper.Paper](t, fmt.Sprintf("field of paper %d with <html> & \"quotes\"", i), float64(i))
		p.Abstract = strings.Repeat("We study how models scale with data; results improve by 3.5%. ", 20)
		a.Entries = append(a.Entries, Entry{Paper: p, Summary: full[summarize.Summary](t, "a tl;dr of about a line", 0), Abstract: AbstractPage})
	}
	a.Timing = Timing{Extract: 12.5, Abstracts: 0.1, Summarize: 80.25, Digest: 3, Rank: 1e-7}
	return a
}

// BenchmarkAppendEnvelope and BenchmarkMarshalEnvelope write the same answer as a string: the bridge's
// envelope, then encoding/json, in one process (in the wasm too: GOOS=js GOARCH=wasm go test -c).
func BenchmarkAppendEnvelope(b *testing.B) {
	a := benchAnalysis(b)
	b.ReportAllocs()
	for b.Loop() {
		envelope(a, nil)
	}
}

func BenchmarkMarshalEnvelope(b *testing.B) {
	e := Envelope{OK: true, Data: benchAnalysis(b)}
	b.ReportAllocs()
	for b.Loop() {
		out, err := json.Marshal(e)
		if err != nil {
			b.Fatal(err)
		}
		_ = string(out) // as envelope returns it
	}
}

// TestAnswerSizeCoversAnAnswer holds envelope's first buffer to its answer: at least as large, so that append
// does not copy it, and for papers of abstracts' length not much larger.
func TestAnswerSizeCoversAnAnswer(t *testing.T) {
	for _, s := range []string{"", "x", "Attention is all you need", strings.Repeat("We study “attention” in α-nets. ", 40)} {
		a := full[Analysis](t, s, 123456.789)
		a.Entries = append(a.Entries, a.Entries...) // four papers
		got, err := appendEnvelope(nil, Envelope{OK: true, Data: a})
		require.NoError(t, err)
		assert.GreaterOrEqual(t, answerSize(a), len(got), "%q", s)
		if len(s) > 1000 {
			assert.LessOrEqual(t, answerSize(a), len(got)*21/20, "%q", s)
		}
	}
	assert.Zero(t, answerSize(LibraryState{}), "only an Analysis is sized")
}
