package httpapi_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

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

// lockedBuffer is a log sink the server's goroutines and the test share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestClientGoneIsNotAnError: a long poll whose client leaves (a browser stopping its worker mid-wait, every few
// minutes for every signed-in browser) is logged at info with status 499, not as an internal error and a 500.
func TestClientGoneIsNotAnError(t *testing.T) {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "gone.db"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	var logs lockedBuffer
	e, err := httpapi.New(db, httpapi.Config{JWTKey: []byte(auth.RandomToken(32)), Argon2: auth.Argon2Params{Time: 1, MemoryKiB: 64, Threads: 1},
		Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	require.NoError(t, err)
	ts := httptest.NewServer(e)
	t.Cleanup(ts.Close)
	c := &apitest.Client{URL: ts.URL, HTTP: ts.Client()}
	s, _ := c.Register(t)

	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", ts.URL+"/v1/sync/wait?since=0&timeout=20", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+s.AccessToken)
	_, err = ts.Client().Do(req)
	require.ErrorIs(t, err, context.DeadlineExceeded, "the client left before the answer")

	var line map[string]any
	require.Eventually(t, func() bool {
		for _, l := range strings.Split(logs.String(), "\n") {
			if strings.Contains(l, `"path":"/v1/sync/wait"`) {
				return json.Unmarshal([]byte(l), &line) == nil
			}
		}
		return false
	}, 10*time.Second, 20*time.Millisecond, "the wait's request line: %s", logs.String())
	assert.Equal(t, float64(499), line["status"])
	assert.Equal(t, "INFO", line["level"])
	assert.NotContains(t, logs.String(), "internal error")
	assert.NotContains(t, logs.String(), `"status":500`)
}
