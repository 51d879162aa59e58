//go:build !js

package main

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIsHealthz(t *testing.T) {
	for _, tt := range []struct {
		method, url string
		want        bool
	}{
		{"GET", "https://papergist.example.workers.dev/healthz", true},
		{"GET", "http://127.0.0.1:8787/healthz?probe=1", true},
		{"HEAD", "http://127.0.0.1:8787/healthz", false},
		{"POST", "http://127.0.0.1:8787/healthz", false},
		{"GET", "http://127.0.0.1:8787/healthz/", false},
		{"GET", "http://127.0.0.1:8787/readyz", false},
		{"GET", "http://127.0.0.1:8787/v1/healthz", false},
		{"GET", "http://127.0.0.1:8787/", false},
		{"GET", "http://127.0.0.1:8787", false},
	} {
		assert.Equal(t, tt.want, isHealthz(tt.method, tt.url), "%s %s", tt.method, tt.url)
	}
}

// The answer the glue gives on entry is the app's own, so a monitor cannot tell which one it got.
func TestHealthzAnswersLikeTheApp(t *testing.T) {
	rec := httptest.NewRecorder()
	newApp(t, slog.New(slog.DiscardHandler)).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	headers, body := healthz()
	assert.Equal(t, rec.Body.String(), body)

	var pairs header
	require.NoError(t, json.Unmarshal([]byte(headers), &pairs))
	got := http.Header{}
	for _, p := range pairs {
		got.Add(p[0], p[1])
	}
	require.Len(t, got, len(rec.Header()), "the same headers: %v, %v", got, rec.Header())
	for name := range rec.Header() {
		if name == "X-Request-Id" {
			assert.Len(t, got.Values(name), 1)
			assert.NotEmpty(t, got.Get(name))
			continue
		}
		assert.Equal(t, rec.Header().Values(name), got.Values(name), name)
	}
	other, _ := healthz()
	assert.NotEqual(t, headers, other, "each answer has its own request id")
}
