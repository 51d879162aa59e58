// Package bridge is what the extension calls in the wasm module: each function takes the strings the
// JavaScript side has (page HTML, URLs, JSON) and returns one JSON envelope, so that wasm/main.go only
// converts js.Value to string and back.
package bridge

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/extract"
	"github.com/papergist/papergist/wasm/summarize"
)

// Envelope is the JSON every bridge function returns: Data on success, Error otherwise, never both.
type Envelope struct {
	OK    bool   `json:"ok"`
	Data  any    `json:"data,omitempty"`
	Error string `json:"error,omitempty"`
}

// ErrBadRequest marks input that is not the JSON a function expects.
var ErrBadRequest = errors.New("bad request")

// SummaryRequest is one paper to summarize; ID is echoed back so the caller can match answers.
type SummaryRequest struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Abstract string `json:"abstract"`
}

// SummaryResult is the summary of one SummaryRequest.
type SummaryResult struct {
	ID string `json:"id"`
	summarize.Summary
}

// Extract runs the extractor on a page (HTML, or the Atom of the arXiv API) and returns extract.Result.
func Extract(page, pageURL string) string {
	return call(func() (any, error) { return extract.Extract([]byte(page), pageURL) })
}

// Summarize summarizes a JSON array of SummaryRequest and returns the SummaryResults in the same order.
func Summarize(requestJSON string) string {
	return call(func() (any, error) {
		var reqs []SummaryRequest
		if err := json.Unmarshal([]byte(requestJSON), &reqs); err != nil {
			return nil, fmt.Errorf("%w: summarize wants a JSON array of {id, title, abstract}: %v", ErrBadRequest, err)
		}
		out := make([]SummaryResult, len(reqs))
		for i, r := range reqs {
			out[i] = SummaryResult{ID: r.ID, Summary: summarize.Summarize(r.Title, r.Abstract)}
			if out[i].KeyPhrases == nil {
				out[i].KeyPhrases = []string{}
			}
		}
		return out, nil
	})
}

// Digest groups a JSON array of papers into topics.
func Digest(papersJSON string) string {
	return call(func() (any, error) {
		var papers []paper.Paper
		if err := json.Unmarshal([]byte(papersJSON), &papers); err != nil {
			return nil, fmt.Errorf("%w: digest wants a JSON array of papers: %v", ErrBadRequest, err)
		}
		topics := summarize.Digest(papers)
		if topics == nil {
			topics = []summarize.Topic{}
		}
		return topics, nil
	})
}

// call runs f and wraps its answer in an envelope. A panic becomes an error envelope too: in wasm an
// unrecovered panic ends the Go program, and every later call from the extension would then fail until the
// service worker restarts, so one page that trips a bug must not take extraction down for every tab.
func call(f func() (any, error)) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = envelope(nil, fmt.Errorf("internal error (please report): %v", r))
		}
	}()
	v, err := f()
	return envelope(v, err)
}

func envelope(v any, err error) string {
	e := Envelope{OK: err == nil, Data: v}
	if err != nil {
		e = Envelope{Error: err.Error()}
	}
	b, merr := json.Marshal(e)
	if merr != nil {
		b, _ = json.Marshal(Envelope{Error: "encode result: " + merr.Error()})
	}
	return string(b)
}
