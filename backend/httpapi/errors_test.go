package httpapi_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/auth"
	"github.com/papergist/papergist/backend/httpapi"
	"github.com/papergist/papergist/backend/internal/apitest"
	"github.com/papergist/papergist/backend/sqlite"
	"github.com/papergist/papergist/shared/syncproto"
)

// TestInternalErrorsDoNotLeak breaks the database under a running app: errors are logged with their request id
// and answered as a bare "internal" (or "unavailable" for readiness), never with the cause.
func TestInternalErrorsDoNotLeak(t *testing.T) {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "broken.db"))
	require.NoError(t, err)
	var logs bytes.Buffer
	e, err := httpapi.New(db, httpapi.Config{JWTKey: []byte(auth.RandomToken(32)), Argon2: auth.Argon2Params{Time: 1, MemoryKiB: 64, Threads: 1},
		Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	require.NoError(t, err)
	require.NoError(t, db.Close())

	req := httptest.NewRequest("POST", "/v1/auth/login", strings.NewReader(`{"email":"a@b.org","password":"some password"}`))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	e.ServeHTTP(w, req)
	assert.Equal(t, http.StatusInternalServerError, w.Code)
	assert.JSONEq(t, `{"error":{"code":"internal","message":"internal error"}}`, w.Body.String())
	id := w.Header().Get("X-Request-Id")
	require.NotEmpty(t, id)
	assert.Contains(t, logs.String(), `"request_id":"`+id+`"`, "the cause is logged under the request id")
	assert.Contains(t, logs.String(), "database is closed")

	w = httptest.NewRecorder()
	e.ServeHTTP(w, httptest.NewRequest("GET", "/readyz", nil))
	assert.Equal(t, http.StatusServiceUnavailable, w.Code)
	assert.NotContains(t, w.Body.String(), "closed")
}

// TestStorageThatCannotWriteIs503: a full database or a read-only one is answered 503 with Retry-After (the
// client keeps its changes and retries), never 500, and /readyz reports a database that cannot write.
func TestStorageThatCannotWriteIs503(t *testing.T) {
	path := filepath.Join(t.TempDir(), "full.db")
	db, err := sqlite.Open(context.Background(), path)
	require.NoError(t, err)
	key := []byte(auth.RandomToken(32))
	cfg := httpapi.Config{JWTKey: key, Argon2: auth.Argon2Params{Time: 1, MemoryKiB: 64, Threads: 1}, Logger: slog.New(slog.DiscardHandler)}
	serve := func(db *sql.DB) *apitest.Client {
		e, err := httpapi.New(db, cfg)
		require.NoError(t, err)
		ts := httptest.NewServer(e)
		t.Cleanup(ts.Close)
		return &apitest.Client{URL: ts.URL, HTTP: ts.Client()}
	}
	c := serve(db)
	s, pw := c.Register(t)
	var pages int
	require.NoError(t, db.QueryRow(`PRAGMA page_count`).Scan(&pages))
	require.NoError(t, db.Close())

	// reopen opens the same file with one more pragma on every connection.
	reopen := func(pragma string) *apitest.Client {
		db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)&_pragma=foreign_keys(ON)&_pragma="+url.QueryEscape(pragma))
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		return serve(db)
	}
	requireUnavailable := func(t *testing.T, r *apitest.Response) {
		t.Helper()
		requireError(t, r, http.StatusServiceUnavailable, syncproto.CodeUnavailable)
		assert.NotEmpty(t, r.Header.Get("Retry-After"))
		assert.NotContains(t, string(r.Body), "SQLITE")
	}
	bigPush := syncproto.PushRequest{Changes: []syncproto.Change{
		{ID: "arxiv:2401.00001", Title: ptr("Big"), Note: ptr(strings.Repeat("n", 60000))},
		{ID: "arxiv:2401.00002", Title: ptr("Big"), Note: ptr(strings.Repeat("m", 60000))},
	}}

	t.Run("disk full", func(t *testing.T) {
		// max_page_count at the file's size: SQLite answers SQLITE_FULL as soon as a write needs one more page,
		// as on a full disk.
		c := reopen(fmt.Sprintf("max_page_count(%d)", pages))
		requireUnavailable(t, c.Do(t, "POST", "/v1/sync", s.AccessToken, bigPush, syncproto.HeaderIdempotencyKey, auth.RandomToken(12)))
		requireUnavailable(t, c.Do(t, "PUT", "/v1/items/arxiv:2401.00003", s.AccessToken, map[string]any{"title": "Big", "note": strings.Repeat("x", 60000)}))
		r := c.Do(t, "GET", "/v1/sync", s.AccessToken, nil)
		assert.Equal(t, http.StatusOK, r.Status, "reads still work: %s", r.String())
	})
	t.Run("read-only database", func(t *testing.T) {
		c := reopen("query_only(1)")
		requireUnavailable(t, c.Do(t, "POST", "/v1/auth/login", "", map[string]string{"email": s.User.Email, "password": pw}))
		requireUnavailable(t, c.Do(t, "POST", "/v1/sync", s.AccessToken, bigPush, syncproto.HeaderIdempotencyKey, auth.RandomToken(12)))
		requireUnavailable(t, c.Do(t, "GET", "/readyz", "", nil))
		assert.Equal(t, http.StatusOK, c.Do(t, "GET", "/healthz", "", nil).Status)
	})
	t.Run("the same file, writable again", func(t *testing.T) {
		c := reopen("synchronous(NORMAL)")
		assert.Equal(t, http.StatusOK, c.Do(t, "GET", "/readyz", "", nil).Status)
		r := c.Do(t, "POST", "/v1/sync", s.AccessToken, bigPush, syncproto.HeaderIdempotencyKey, auth.RandomToken(12))
		assert.Equal(t, http.StatusOK, r.Status, r.String())
	})
}
