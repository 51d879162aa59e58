//go:build !js

package main

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/httpapi"
	"github.com/papergist/papergist/backend/sqlite"
)

// newApp returns the API over a fresh SQLite file, as the worker builds it over D1.
func newApp(t *testing.T, logger *slog.Logger) http.Handler {
	t.Helper()
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "p.db"))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	e, err := httpapi.New(db, httpapi.Config{JWTKey: []byte(secret), Logger: logger})
	require.NoError(t, err)
	return e
}

// The worker logs refused and failed requests, not the ones Cloudflare's invocation log already tells in full.
func TestQuietRequestsLogsOnlyRefusedRequests(t *testing.T) {
	var out bytes.Buffer
	e := newApp(t, slog.New(quietRequests{slog.NewJSONHandler(&out, nil)}))

	for _, r := range []struct {
		path string
		want int
	}{{"/healthz", http.StatusOK}, {"/v1/me", http.StatusUnauthorized}, {"/readyz", http.StatusOK}} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, r.path, nil)
		req.Header.Set("Authorization", "Bearer not-a-token")
		e.ServeHTTP(rec, req)
		require.Equal(t, r.want, rec.Code, r.path)
	}
	var lines []map[string]any
	for _, l := range bytes.Split(bytes.TrimSpace(out.Bytes()), []byte("\n")) {
		var m map[string]any
		require.NoError(t, json.Unmarshal(l, &m), string(l))
		lines = append(lines, m)
	}
	require.Len(t, lines, 1, out.String())
	assert.Equal(t, "/v1/me", lines[0]["path"])
	assert.EqualValues(t, http.StatusUnauthorized, lines[0]["status"])
	assert.NotEmpty(t, lines[0]["auth_error"], "why the token was refused")
	assert.NotEmpty(t, lines[0]["request_id"])
}
