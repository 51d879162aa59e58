// Package pdfbridge is what the extension calls in its second wasm module, the one loaded only when a PDF
// or a paper URL is saved (wasm/pdfwasm): URL resolution, first-page reading, and the metadata answers.
// Each function returns one JSON envelope {ok, data} or {ok: false, error}, like package bridge, so that the
// glue only converts values.
package pdfbridge

import (
	"encoding/json"
	"fmt"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/lookup"
	"github.com/papergist/papergist/wasm/pdfmeta"
)

// Read is what the first page of a PDF gives: the header as printed, the paper it makes with the URL
// (nil when the page has no title), and where that paper's metadata comes from.
type Read struct {
	Header   pdfmeta.Header  `json:"header"`
	Paper    *paper.Paper    `json:"paper"`
	Resolved *paper.Resolved `json:"resolved,omitempty"`
}

// Resolve maps a URL to its paper and metadata source (paper.Resolve); data is null when the URL names none.
func Resolve(pageURL string) string {
	return envelope(func() (any, error) {
		if r, ok := paper.Resolve(pageURL); ok {
			return r, nil
		}
		return nil, nil
	})
}

// ReadPDF reads the first page of the PDF at pdfURL. Resolved is set when the page prints an arXiv ID or
// DOI (the arXiv ID wins), or the URL names the paper.
func ReadPDF(data []byte, pdfURL string) string {
	return envelope(func() (any, error) {
		h, err := pdfmeta.Read(data)
		if err != nil {
			return nil, err
		}
		out := Read{Header: h}
		if p, err := pdfmeta.Paper(h, pdfURL); err == nil {
			out.Paper = &p
		}
		switch r, ok := paper.Resolve(pdfURL); {
		case h.ArxivID != "":
			a := paper.ArxivResolved(h.ArxivID, h.Version, true)
			out.Resolved = &a
		case ok:
			out.Resolved = &r
		case h.DOI != "":
			d := paper.DOIResolved(h.DOI, true)
			out.Resolved = &d
		}
		return out, nil
	})
}

// Metadata turns a metadata answer (source is paper.SourceCrossref or paper.SourceOpenReviewAPI) into a
// paper. For a Crossref title search, title is the title the PDF showed, and only a close match is taken.
func Metadata(source, body, title string) string {
	return envelope(func() (any, error) {
		switch source {
		case paper.SourceCrossref:
			if title != "" {
				return lookup.CrossrefSearch([]byte(body), title)
			}
			return lookup.Crossref([]byte(body))
		case paper.SourceOpenReviewAPI:
			return lookup.OpenReview([]byte(body))
		}
		return nil, fmt.Errorf("unknown metadata source %q", source)
	})
}

// SameTitle reports whether two titles name the same paper (lookup.SameTitle).
func SameTitle(a, b string) string {
	return envelope(func() (any, error) { return lookup.SameTitle(a, b), nil })
}

type result struct {
	OK    bool   `json:"ok"`
	Data  any    `json:"data,omitempty"`
	Error string `json:"error,omitempty"`
}

// envelope runs f and encodes its answer; a panic is an error answer too, since an unrecovered panic would
// end the Go program and every later call from the extension would fail.
func envelope(f func() (any, error)) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = encode(result{Error: fmt.Sprintf("internal error (please report): %v", r)})
		}
	}()
	v, err := f()
	if err != nil {
		return encode(result{Error: err.Error()})
	}
	return encode(result{OK: true, Data: v})
}

func encode(r result) string {
	b, err := json.Marshal(r)
	if err != nil {
		b, _ = json.Marshal(result{Error: "encode result: " + err.Error()})
	}
	return string(b)
}
