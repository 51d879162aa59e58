package main

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/papergist/papergist/shared/syncproto"
)

// This file is the platform-free half of the worker's request glue (glue_js.go is the syscall/js half): a request
// arrives from JavaScript as plain values, and its response goes back as plain values, never as JS streams. With
// one Go runtime per isolate, a goroutine may run while another request's JavaScript is on the stack, and workerd
// refuses I/O objects (streams, bodies) used from a request other than their own; so glue.mjs reads the request
// body and builds the Response in the request's own handler, and Go only ever sees bytes.

// header is a header as glue.mjs passes it: [[name, value], ...], the form `[...request.headers]` gives and the
// Headers constructor takes.
type header [][2]string

// serveRequest runs h for one request and returns the response's status, headers (as header JSON) and body. A
// panic that escapes h becomes a JSON 500 instead of ending the runtime, which serves the whole isolate.
func serveRequest(h http.Handler, method, rawURL, headerJSON string, body []byte) (status int, headers string, out []byte) {
	req, err := toRequest(method, rawURL, headerJSON, body)
	if err != nil {
		return http.StatusBadRequest, jsonHeader, errorBody(syncproto.CodeInvalid, err.Error())
	}
	w := &recorder{header: http.Header{}}
	func() {
		defer func() {
			if p := recover(); p != nil {
				w = &recorder{header: http.Header{}, status: http.StatusInternalServerError}
				w.body.Write(errorBody(syncproto.CodeInternal, "internal error"))
				w.header.Set("Content-Type", "application/json")
				fmt.Printf("worker: panic serving %s %s: %v\n", method, req.URL.Path, p)
			}
		}()
		h.ServeHTTP(w, req)
	}()
	var pairs header
	for name, values := range w.header {
		for _, v := range values {
			pairs = append(pairs, [2]string{name, v})
		}
	}
	hj, _ := json.Marshal(pairs)
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.status, string(hj), w.body.Bytes()
}

const jsonHeader = `[["Content-Type","application/json"]]`

// healthz is the answer to GET /healthz (its headers as header JSON, and its body), which glue_js.go gives as
// soon as the request enters Go, before any per-request state is built (an *http.Request, a goroutine, the Echo
// middleware): a health check only says that the runtime serves, and it is the request a monitor sends most. The
// app's own /healthz gives the same status, body and headers, its request id included.
func healthz() (headers, body string) {
	return `[["Content-Type","application/json"],["X-Content-Type-Options","nosniff"],["X-Request-Id","` +
		rand.Text() + `"]]`, `{"status":"ok"}` + "\n"
}

// isHealthz reports whether a request is GET /healthz (any query): rawURL is the absolute URL workerd gives.
func isHealthz(method, rawURL string) bool {
	if method != http.MethodGet {
		return false
	}
	rest, ok := strings.CutPrefix(rawURL, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(rawURL, "http://"); !ok {
			return false
		}
	}
	_, path, _ := strings.Cut(rest, "/")
	path, _, _ = strings.Cut(path, "?")
	return path == "healthz"
}

// errorBody is the API's error shape, for the answers the worker gives without the app.
func errorBody(code, message string) []byte {
	b, _ := json.Marshal(syncproto.ErrorBody{Error: syncproto.Error{Code: code, Message: message}})
	return b
}

// toRequest builds the *http.Request the way net/http's server would: RemoteAddr is the client address Cloudflare
// puts in CF-Connecting-IP, which the app's rate limits key on.
func toRequest(method, rawURL, headerJSON string, body []byte) (*http.Request, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("request URL: %w", err)
	}
	var pairs header
	if err := json.Unmarshal([]byte(headerJSON), &pairs); err != nil {
		return nil, fmt.Errorf("request headers: %w", err)
	}
	h := make(http.Header, len(pairs))
	for _, p := range pairs {
		h.Add(p[0], p[1])
	}
	req, err := http.NewRequest(method, u.String(), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header = h
	req.Host = u.Host
	req.RequestURI = u.RequestURI()
	req.RemoteAddr = h.Get("Cf-Connecting-Ip")
	if body == nil {
		// No body, or one glue.mjs did not read because its Content-Length is over the limit: the app refuses it
		// from that length, before reading.
		req.Body, req.ContentLength = http.NoBody, 0
		if n, err := strconv.ParseInt(h.Get("Content-Length"), 10, 64); err == nil && n > 0 {
			req.ContentLength = n
		}
	}
	return req, nil
}

// recorder buffers a response: the app's answers are small JSON documents, and a buffered body can be handed to
// JavaScript in one piece.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (w *recorder) Header() http.Header { return w.header }

func (w *recorder) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}

func (w *recorder) Write(b []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return w.body.Write(b)
}

// Flush is a no-op: the whole body is sent at the end.
func (w *recorder) Flush() {}
