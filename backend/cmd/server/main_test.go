package main

import (
	"context"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/internal/apitest"
)

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	return ln.Addr().String()
}

func waitReady(t *testing.T, url string, alive func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if r, err := http.Get(url + "/readyz"); err == nil {
			r.Body.Close()
			if r.StatusCode == http.StatusOK {
				return
			}
		}
		require.True(t, alive(), "server exited before it was ready")
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("server not ready after 30s")
}

// env is a getenv over a map; cheap password hashing keeps the tests fast.
func env(m map[string]string) func(string) string {
	return func(k string) string {
		if k == "PAPERGIST_ARGON2" && m[k] == "" {
			return "1,256,1"
		}
		return m[k]
	}
}

// TestRun drives run end to end: it creates and migrates the database, keeps a generated JWT key beside it
// across restarts, serves, and stops when its context ends.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "nested", "papergist.db")
	addr := freeAddr(t)
	url := "http://" + addr
	start := func() (context.CancelFunc, chan error) {
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- run(ctx, []string{"-addr", addr, "-db", dbPath}, env(nil)) }()
		waitReady(t, url, func() bool { return len(done) == 0 })
		return cancel, done
	}
	cancel, done := start()
	c := &apitest.Client{URL: url, HTTP: http.DefaultClient}
	s, _ := c.Register(t)
	key, err := os.ReadFile(filepath.Join(dir, "nested", "jwt.key"))
	require.NoError(t, err, "a generated key is kept beside the database")
	assert.GreaterOrEqual(t, len(strings.TrimSpace(string(key))), 32)
	info, err := os.Stat(filepath.Join(dir, "nested", "jwt.key"))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	cancel()
	require.NoError(t, <-done)

	cancel, done = start()
	assert.Equal(t, http.StatusOK, c.Do(t, "GET", "/v1/me", s.AccessToken, nil).Status, "tokens survive a restart")
	cancel()
	require.NoError(t, <-done)

	t.Run("secret from the environment", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			done <- run(ctx, []string{"-addr", addr, "-db", dbPath}, env(map[string]string{"PAPERGIST_JWT_SECRET": strings.Repeat("k", 40)}))
		}()
		waitReady(t, url, func() bool { return len(done) == 0 })
		assert.Equal(t, http.StatusUnauthorized, c.Do(t, "GET", "/v1/me", s.AccessToken, nil).Status, "signed with the other key")
		cancel()
		require.NoError(t, <-done)
	})

	bad := []struct {
		name string
		args []string
		env  map[string]string
	}{
		{"unknown flag", []string{"-nope"}, nil},
		{"short secret", []string{"-db", dbPath, "-addr", freeAddr(t)}, map[string]string{"PAPERGIST_JWT_SECRET": "short"}},
		{"bad argon2", []string{"-db", dbPath, "-addr", freeAddr(t)}, map[string]string{"PAPERGIST_ARGON2": "fast"}},
		{"argon2 with zero rounds", []string{"-db", dbPath, "-addr", freeAddr(t)}, map[string]string{"PAPERGIST_ARGON2": "0,1024,1"}},
		{"bad login window", []string{"-db", dbPath, "-addr", freeAddr(t)}, map[string]string{"PAPERGIST_LOGIN_WINDOW": "300"}},
		{"bad login limit", []string{"-db", dbPath, "-addr", freeAddr(t)}, map[string]string{"PAPERGIST_LOGIN_PER_ACCOUNT": "0"}},
		{"bad trusted proxy flag", []string{"-db", dbPath, "-addr", freeAddr(t), "-trusted-proxies", "10.0.0.0/33"}, nil},
		{"bad trusted proxies", []string{"-db", dbPath, "-addr", freeAddr(t)}, map[string]string{"PAPERGIST_TRUSTED_PROXIES": "proxy.local"}},
		{"bad address", []string{"-db", dbPath, "-addr", "256.0.0.1:99999"}, nil},
		{"database is a folder", []string{"-db", dir, "-addr", freeAddr(t)}, nil},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			assert.Error(t, run(context.Background(), tt.args, env(tt.env)))
		})
	}
}

// TestTrustedProxies: behind a trusted proxy each client address has its own login budget, read from
// X-Forwarded-For; from any other peer the header is ignored, so a client cannot pick its own address.
func TestTrustedProxies(t *testing.T) {
	dir := t.TempDir()
	// serve runs the server with args and a login budget of 2 per address, and returns a login function.
	serve := func(t *testing.T, args []string, m map[string]string) func(forwardedFor string) int {
		addr := freeAddr(t)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		m["PAPERGIST_LOGIN_PER_ADDRESS"] = "2"
		args = append([]string{"-addr", addr, "-db", filepath.Join(dir, t.Name(), "p.db")}, args...)
		go func() { done <- run(ctx, args, env(m)) }()
		t.Cleanup(func() { cancel(); require.NoError(t, <-done) })
		url := "http://" + addr
		waitReady(t, url, func() bool { return len(done) == 0 })
		c := &apitest.Client{URL: url, HTTP: http.DefaultClient}
		return func(forwardedFor string) int {
			body := map[string]string{"email": apitest.NewEmail(), "password": "some password"}
			return c.Do(t, "POST", "/v1/auth/login", "", body, "X-Forwarded-For", forwardedFor).Status
		}
	}
	t.Run("flag", func(t *testing.T) {
		login := serve(t, []string{"-trusted-proxies", "10.1.2.3, 127.0.0.0/8"}, map[string]string{})
		assert.Equal(t, []int{401, 401, 429}, []int{login("203.0.113.7"), login("203.0.113.7"), login("203.0.113.7")})
		assert.Equal(t, 401, login("198.51.100.1"), "another client behind the same proxy has its own budget")
		assert.Equal(t, 429, login("198.51.100.9, 203.0.113.7"), "only what the trusted proxy added counts")
	})
	t.Run("environment", func(t *testing.T) {
		login := serve(t, nil, map[string]string{"PAPERGIST_TRUSTED_PROXIES": "127.0.0.1"})
		assert.Equal(t, []int{401, 401, 429}, []int{login("203.0.113.7"), login("203.0.113.7"), login("203.0.113.7")})
		assert.Equal(t, 401, login("198.51.100.1"))
	})
	t.Run("no trusted proxies", func(t *testing.T) {
		login := serve(t, nil, map[string]string{})
		assert.Equal(t, []int{401, 401, 429}, []int{login("203.0.113.1"), login("203.0.113.2"), login("203.0.113.3")},
			"a header from an untrusted peer is ignored: every request is this peer")
	})
}
