// Package apitest runs the papergist API for tests: in-process on a free port over a temporary SQLite file, or,
// when PAPERGIST_BASE_URL is set, against that server (e.g. `wrangler dev`), so the same contract tests check
// both. It also has a small JSON client.
package apitest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/auth"
	"github.com/papergist/papergist/backend/httpapi"
	"github.com/papergist/papergist/backend/sqlite"
)

// Clock is a settable clock for the in-process server.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock set to t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

// Advance moves the clock forward.
func (c *Clock) Advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// Server is a running API under test.
type Server struct {
	URL string
	// Secret is the JWT key, to forge tokens; nil when unknown (an external server without PAPERGIST_JWT_SECRET).
	Secret []byte
	// Clock is the server's clock; nil for an external server.
	Clock *Clock
	// LoginPerAccount and LoginPerAddress are the server's login limits per window, LoginAccountBudget per
	// hour. The in-process server trusts X-Forwarded-For from loopback, so a test can speak from any address.
	LoginPerAccount, LoginPerAddress, LoginAccountBudget int
	// DBPath is the SQLite file of an in-process server.
	DBPath string

	mu       sync.Mutex
	srv      *http.Server
	db       interface{ Close() error }
	addr     string
	restarts atomic.Int64
}

// External reports whether the server runs elsewhere (PAPERGIST_BASE_URL).
func (s *Server) External() bool { return s.Clock == nil }

// Start returns the server to test: PAPERGIST_BASE_URL if set, else a fresh in-process one, stopped at cleanup.
// Login limits of an external server are read from PAPERGIST_LOGIN_PER_ACCOUNT / _PER_ADDRESS / _ACCOUNT_BUDGET
// (default 10/50/300).
func Start(t testing.TB) *Server {
	t.Helper()
	if base := os.Getenv("PAPERGIST_BASE_URL"); base != "" {
		s := &Server{URL: base, LoginPerAccount: envInt("PAPERGIST_LOGIN_PER_ACCOUNT", 10), LoginPerAddress: envInt("PAPERGIST_LOGIN_PER_ADDRESS", 50),
			LoginAccountBudget: envInt("PAPERGIST_LOGIN_ACCOUNT_BUDGET", 300)}
		if k := os.Getenv("PAPERGIST_JWT_SECRET"); k != "" {
			s.Secret = []byte(k)
		}
		return s
	}
	s := &Server{
		Secret: []byte(auth.RandomToken(32)), Clock: &Clock{t: time.Now().UTC().Truncate(time.Second)},
		LoginPerAccount: 5, LoginPerAddress: 40, LoginAccountBudget: 12, DBPath: filepath.Join(t.TempDir(), "papergist.db"),
	}
	s.start(t, "127.0.0.1:0")
	t.Cleanup(func() { s.stop() })
	return s
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func (s *Server) start(t testing.TB, addr string) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, s.DBPath)
	require.NoError(t, err)
	logger := slog.New(slog.DiscardHandler)
	if os.Getenv("PAPERGIST_TEST_LOG") != "" {
		logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	e, err := httpapi.New(db, httpapi.Config{
		JWTKey: s.Secret, Now: s.Clock.Now, Logger: logger,
		Argon2:          auth.Argon2Params{Time: 1, MemoryKiB: 256, Threads: 1}, // cheap: tests are not about hash cost
		LoginPerAccount: s.LoginPerAccount, LoginPerAddress: s.LoginPerAddress, LoginAccountBudget: s.LoginAccountBudget,
		RegisterPerAddress: 100000, TrustedProxies: []*net.IPNet{{IP: net.IPv4(127, 0, 0, 1), Mask: net.CIDRMask(32, 32)}},
		BodyLimit: 1 << 20,
	})
	require.NoError(t, err)
	var ln net.Listener
	for i := 0; ; i++ { // rebinding the same port right after a restart can briefly fail
		if ln, err = net.Listen("tcp", addr); err == nil || i == 50 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	require.NoError(t, err)
	srv := &http.Server{Handler: e, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	s.mu.Lock()
	s.srv, s.db, s.addr = srv, db, ln.Addr().String()
	s.URL = "http://" + s.addr
	s.mu.Unlock()
}

func (s *Server) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_ = s.srv.Shutdown(ctx)
		cancel()
		_ = s.db.Close()
		s.srv = nil
	}
}

// Restart stops the in-process server (closing the database) and starts a new one on the same file and port,
// as a deploy or crash-restart would. It fails the test for an external server.
func (s *Server) Restart(t testing.TB) {
	t.Helper()
	require.False(t, s.External(), "cannot restart an external server")
	s.stop()
	s.start(t, s.addr)
	s.restarts.Add(1)
}

// Restarts counts restarts so far.
func (s *Server) Restarts() int64 { return s.restarts.Load() }

// Response is a finished HTTP exchange.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// Client talks JSON to the server.
type Client struct {
	URL  string
	HTTP *http.Client
}

// NewClient returns a client of s with its own connection pool.
func (s *Server) NewClient() *Client {
	return &Client{URL: s.URL, HTTP: &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 16}}}
}

// Do sends a request. body is JSON-encoded unless it is []byte or string (sent as is); headers are name, value
// pairs. A transport error fails the test.
func (c *Client) Do(t testing.TB, method, path, token string, body any, headers ...string) *Response {
	t.Helper()
	r, err := c.Try(method, path, token, body, headers...)
	require.NoError(t, err, "%s %s", method, path)
	return r
}

// Try is Do that returns transport errors, for fault-injection loops.
func (c *Client) Try(method, path, token string, body any, headers ...string) (*Response, error) {
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	case string:
		rd = bytes.NewReader([]byte(b))
	default:
		j, err := json.Marshal(b)
		if err != nil {
			return nil, err
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, c.URL+path, rd)
	if err != nil {
		return nil, err
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if len(headers)%2 != 0 {
		return nil, errors.New("headers must be name, value pairs")
	}
	for i := 0; i < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return &Response{Status: resp.StatusCode, Header: resp.Header, Body: b}, nil
}

// JSON decodes the body into v, failing the test if it is not JSON.
func (r *Response) JSON(t testing.TB, v any) {
	t.Helper()
	require.NoError(t, json.Unmarshal(r.Body, v), "body: %s", r.Body)
}

func (r *Response) String() string { return fmt.Sprintf("%d %s", r.Status, r.Body) }

// Session is what register and login return.
type Session = httpapi.Session

var seq atomic.Int64

// NewEmail returns an email no other test used.
func NewEmail() string {
	return strings.ToLower(fmt.Sprintf("u%d-%s@example.org", seq.Add(1), auth.RandomToken(4)))
}

// Register creates an account with a fresh email and returns its session and password.
func (c *Client) Register(t testing.TB) (Session, string) {
	t.Helper()
	email, pw := NewEmail(), "correct horse battery"
	r := c.Do(t, http.MethodPost, "/v1/auth/register", "", map[string]string{"email": email, "password": pw})
	require.Equal(t, http.StatusCreated, r.Status, r.String())
	var s Session
	r.JSON(t, &s)
	return s, pw
}

// Login starts another device session.
func (c *Client) Login(t testing.TB, email, password, device string) Session {
	t.Helper()
	r := c.Do(t, http.MethodPost, "/v1/auth/login", "", map[string]string{"email": email, "password": password, "device_name": device})
	require.Equal(t, http.StatusOK, r.Status, r.String())
	var s Session
	r.JSON(t, &s)
	return s
}
