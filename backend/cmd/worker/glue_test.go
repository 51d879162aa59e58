package main

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestServeRequest(t *testing.T) {
	var seen *http.Request
	var seenBody []byte
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = r
		seenBody, _ = io.ReadAll(r.Body)
		switch r.URL.Path {
		case "/panic":
			panic("boom")
		case "/empty":
			w.WriteHeader(http.StatusNoContent)
		default:
			w.Header().Add("Set-Cookie", "a=1")
			w.Header().Add("Set-Cookie", "b=2")
			w.WriteHeader(http.StatusCreated)
			_, _ = w.Write([]byte(`{"ok":true}`))
			w.WriteHeader(http.StatusTeapot) // too late: ignored, as net/http does
		}
	})
	headers := `[["content-type","application/json"],["cf-connecting-ip","203.0.113.7"],["x-multi","1"],["x-multi","2"]]`

	status, hdr, body := serveRequest(h, "POST", "https://w.example.workers.dev/v1/sync?since=3", headers, []byte(`{"a":1}`))
	assert.Equal(t, http.StatusCreated, status)
	assert.JSONEq(t, `{"ok":true}`, string(body))
	var pairs [][2]string
	require.NoError(t, json.Unmarshal([]byte(hdr), &pairs))
	assert.ElementsMatch(t, [][2]string{{"Set-Cookie", "a=1"}, {"Set-Cookie", "b=2"}}, pairs, "repeated headers stay apart")
	require.NotNil(t, seen)
	assert.Equal(t, "POST", seen.Method)
	assert.Equal(t, "/v1/sync", seen.URL.Path)
	assert.Equal(t, "since=3", seen.URL.RawQuery)
	assert.Equal(t, "w.example.workers.dev", seen.Host)
	assert.Equal(t, "/v1/sync?since=3", seen.RequestURI)
	assert.Equal(t, "203.0.113.7", seen.RemoteAddr, "the client address the rate limits key on")
	assert.Equal(t, []string{"1", "2"}, seen.Header.Values("X-Multi"))
	assert.Equal(t, int64(7), seen.ContentLength)
	assert.Equal(t, `{"a":1}`, string(seenBody))

	status, _, body = serveRequest(h, "GET", "https://w.example/empty", `[]`, nil)
	assert.Equal(t, http.StatusNoContent, status)
	assert.Empty(t, body)
	assert.Equal(t, int64(0), seen.ContentLength)
	assert.Equal(t, http.NoBody, seen.Body)

	_, _, _ = serveRequest(h, "POST", "https://w.example/", `[["content-length","5000000"]]`, nil)
	assert.Equal(t, int64(5000000), seen.ContentLength, "a body too large to read keeps its declared length")

	status, hdr, body = serveRequest(h, "GET", "https://w.example/panic", `[]`, nil)
	assert.Equal(t, http.StatusInternalServerError, status, "a panic is a 500, not the end of the runtime")
	assert.JSONEq(t, `{"error":{"code":"internal","message":"internal error"}}`, string(body))
	assert.JSONEq(t, `[["Content-Type","application/json"]]`, hdr)

	status, _, body = serveRequest(h, "GET", "https://w.example/", `not json`, nil)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Contains(t, string(body), `"invalid"`)
}
