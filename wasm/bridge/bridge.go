// Package bridge is what the extension calls in the wasm module: one call per page state, Analyze, which
// takes the page as the content script sent it and returns one JSON envelope, so that wasm/main.go only
// converts js.Value to Go values and back.
package bridge

import (
	"errors"
	"fmt"
	"sync"
	"unsafe"

	"github.com/papergist/papergist/shared/syncproto"
	"github.com/papergist/papergist/wasm/extract"
)

// Envelope is the JSON every bridge function returns: {ok: true, data} or {ok: false, error: {code, message}},
// the same shape as every runtime message reply of the extension; codes are the server's (shared/syncproto).
type Envelope struct {
	OK    bool             `json:"ok"`
	Data  any              `json:"data,omitempty"`
	Error *syncproto.Error `json:"error,omitempty"`
}

// ErrBadRequest marks input that is not what a function expects.
var ErrBadRequest = errors.New("bad request")

// guard returns the envelope f made, or the error envelope of its error. A panic becomes an error envelope too: in wasm an
// unrecovered panic ends the Go program, and every later call from the extension would then fail until the
// engine restarts, so one page that trips a bug must not take extraction down for every tab.
func guard(f func() (string, error)) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = envelope(nil, fmt.Errorf("internal error (please report): %v", r))
		}
	}()
	out, err := f()
	if err != nil {
		return envelope(nil, err)
	}
	return out
}

func envelope(v any, err error) string {
	e := Envelope{OK: err == nil, Data: v}
	if err != nil {
		e = Envelope{Error: errorOf(err)}
	}
	buf := answerBufs.Get().(*[]byte)
	if n := answerSize(v); cap(*buf) < n {
		*buf = make([]byte, 0, n) // grown by append, the buffer cost twice the answer in copies
	}
	b, merr := appendEnvelope((*buf)[:0], e)
	if merr != nil {
		b, _ = appendEnvelope(b[:0], Envelope{Error: syncproto.Errorf(syncproto.CodeInternal, "encode result: %v", merr)})
	}
	out := asciiJSON(b)
	if unsafe.StringData(out) == unsafe.SliceData(b) {
		b = nil // the answer is b's bytes, and the next one needs a buffer of its own
	}
	*buf = b
	answerBufs.Put(buf)
	return out
}

// answerBufs keeps the buffers of answers that went escaped (asciiJSON), as encoding/json keeps its own: a
// 200-paper answer is about 400 KB. An answer that goes as it is keeps its buffer, which saves copying it.
var answerBufs = sync.Pool{New: func() any { return new([]byte) }}

// errorOf gives err its code: the extractor's input errors are the caller's ("invalid", "too_large"),
// anything else is "internal".
func errorOf(err error) *syncproto.Error {
	switch {
	case errors.Is(err, extract.ErrTooLarge):
		return &syncproto.Error{Code: syncproto.CodeTooLarge, Message: err.Error()}
	case errors.Is(err, ErrBadRequest), errors.Is(err, extract.ErrBadURL), errors.Is(err, extract.ErrEmptyPage):
		return &syncproto.Error{Code: syncproto.CodeInvalid, Message: err.Error()}
	default:
		return &syncproto.Error{Code: syncproto.CodeInternal, Message: err.Error()}
	}
}
