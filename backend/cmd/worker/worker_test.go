//go:build !js

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/httpapi"
	"github.com/papergist/papergist/shared/syncproto"
)

// TestWorker checks the Workers build end to end, in workerd through `wrangler dev --local` with a local D1 and
// no network: the bundle fits Cloudflare's size limit, the backend's API contract tests (the convergence test among
// them) pass against it, 32 clients at once on its one Go runtime lose nothing, and what one wrangler run stored
// (accounts, sessions, rate limits, idempotency keys, items) is there after a restart.
func TestWorker(t *testing.T) {
	wranglerBin(t) // skips here when wrangler is not installed
	if testing.Short() {
		t.Skip("builds the worker and runs it under wrangler: not in -short")
	}
	bundle := t.TempDir()
	out := runScript(t, "worker-build.sh", bundle)
	out += runScript(t, "worker-size.sh", bundle) // fails above Cloudflare's 64 MiB
	t.Log(strings.TrimSpace(out))

	pkgs := contractPackages(t)
	t.Run("contract", func(t *testing.T) {
		if len(pkgs) == 0 {
			t.Skip("no backend package has contract tests (tests using backend/internal/apitest) yet")
		}
		// Every test shares one address (127.0.0.1) and one database here, unlike in-process where each test gets a
		// fresh server: so the address limit is lifted, and the test that exhausts it runs on its own server below.
		dev := startDev(t, bundle, migratedState(t), "PAPERGIST_LOGIN_PER_ACCOUNT:5", "PAPERGIST_LOGIN_PER_ADDRESS:100000",
			"PAPERGIST_REGISTER_PER_ADDRESS:100000")
		runContract(t, pkgs, dev.URL, []string{"PAPERGIST_LOGIN_PER_ACCOUNT=5", "PAPERGIST_LOGIN_PER_ADDRESS=100000",
			"PAPERGIST_REGISTER_PER_ADDRESS=100000"}, "-skip", "^TestLoginRateLimits$")
	})
	t.Run("contract login rate limits", func(t *testing.T) {
		if len(pkgs) == 0 {
			t.Skip("no backend package has contract tests yet")
		}
		dev := startDev(t, bundle, migratedState(t), "PAPERGIST_LOGIN_PER_ACCOUNT:5", "PAPERGIST_LOGIN_PER_ADDRESS:20",
			"PAPERGIST_LOGIN_WINDOW:24h") // a window that turns over mid-test would reset the counts
		runContract(t, pkgs, dev.URL, []string{"PAPERGIST_LOGIN_PER_ACCOUNT=5", "PAPERGIST_LOGIN_PER_ADDRESS=20",
			"PAPERGIST_TEST_RATE_LIMITS=1"}, "-run", "^TestLoginRateLimits$")
	})
	t.Run("concurrent clients", func(t *testing.T) {
		dev := startDev(t, bundle, migratedState(t), "PAPERGIST_REGISTER_PER_ADDRESS:1000")
		testConcurrentClients(t, dev.URL, 32, loadDuration(t))
	})
	t.Run("persistence across a restart", func(t *testing.T) { testPersistence(t, bundle) })
}

// migratedState returns a fresh wrangler state folder whose local D1 has the backend's migrations applied, the way
// make worker-dev and make deploy apply them.
func migratedState(tb testing.TB) string {
	tb.Helper()
	state := tb.TempDir()
	out := wrangler(tb, "d1", "migrations", "apply", "papergist", "--local", "--persist-to", state)
	require.Contains(tb, out, "0001_init.sql")
	return state
}

// contractPackages lists the backend packages whose tests use apitest, the harness that targets
// PAPERGIST_BASE_URL when it is set; not this one, whose tests use apitest's client against wrangler themselves.
func contractPackages(tb testing.TB) []string {
	tb.Helper()
	cmd := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .TestImports " "}} {{join .XTestImports " "}}`, "./backend/...")
	cmd.Dir = moduleRoot(tb)
	out, err := cmd.Output()
	require.NoError(tb, err)
	var pkgs []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) > 1 && strings.Contains(line, "/backend/internal/apitest") && !strings.HasSuffix(fields[0], "/apitest") &&
			!strings.HasSuffix(fields[0], "/backend/cmd/worker") {
			pkgs = append(pkgs, fields[0])
		}
	}
	return pkgs
}

// runContract runs the contract tests of pkgs against base with `go test`, with env (the server's limits, which
// tests to enable) added to the environment, and fails if any fails or none ran.
func runContract(t *testing.T, pkgs []string, base string, env []string, args ...string) {
	t.Helper()
	// A wrangler that stops answering fails here, with output (make test runs go test with a longer -timeout).
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", append(append([]string{"test", "-count=1", "-timeout=14m", "-v"}, args...), pkgs...)...)
	cmd.Dir = moduleRoot(t)
	cmd.Env = append(append(os.Environ(), "PAPERGIST_BASE_URL="+base, "PAPERGIST_JWT_SECRET="+devSecret), env...)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	passed := len(regexp.MustCompile(`(?m)^--- PASS: `).FindAll(out, -1))
	skipped := len(regexp.MustCompile(`(?m)^\s*--- SKIP: `).FindAll(out, -1))
	require.NoError(t, err, "contract tests against %s failed:\n%s\n--- the end of the output:\n%s", base, failures(out, 8000), tail(out, 4000))
	require.Positive(t, passed, "no contract test ran:\n%s", tail(out, 4000))
	t.Logf("contract tests against wrangler dev: %d passed, %d tests or subtests skipped, in %s (%s)", passed, skipped,
		time.Since(start).Round(time.Second), strings.Join(pkgs, " "))
}

// testPersistence stores state through one wrangler run, restarts wrangler on the same local D1, and checks that
// the second run sees all of it: nothing lives in worker memory, so this is what a Workers deployment relies on
// between any two requests.
func testPersistence(t *testing.T, bundle string) {
	state := migratedState(t)
	vars := []string{"PAPERGIST_LOGIN_PER_ACCOUNT:3", "PAPERGIST_LOGIN_PER_ADDRESS:50", "PAPERGIST_LOGIN_WINDOW:24h"}
	dev := startDev(t, bundle, state, vars...)
	c := &client{t: t, base: dev.URL}

	assert.Equal(t, http.StatusOK, c.do("GET", "/readyz", "", nil).status, "ready: D1 is bound and migrated")

	email, password := "persist@example.org", "correct horse battery"
	r := c.do("POST", "/v1/auth/register", "", map[string]string{"email": email, "password": password})
	require.Equal(t, http.StatusCreated, r.status, r)
	var first httpapi.Session
	r.decode(t, &first)
	rotated := c.refresh(first.RefreshToken)
	require.Equal(t, http.StatusOK, rotated.status, rotated)
	var session httpapi.Session
	rotated.decode(t, &session)

	title := "Attention Is All You Need"
	push := syncproto.PushRequest{Changes: []syncproto.Change{{ID: "arxiv:1706.03762", Title: &title, Tags: &[]string{"nlp"}}}}
	pushed := c.do("POST", "/v1/sync", session.AccessToken, push, syncproto.HeaderIdempotencyKey, "persist-push-1")
	require.Equal(t, http.StatusOK, pushed.status, pushed)

	// Lock another account out of login: 3 failures, then even the right password is refused.
	locked := "locked@example.org"
	require.Equal(t, http.StatusCreated, c.do("POST", "/v1/auth/register", "", map[string]string{"email": locked, "password": password}).status)
	for range 3 {
		require.Equal(t, http.StatusUnauthorized, c.login(locked, "a wrong password").status)
	}
	require.Equal(t, http.StatusTooManyRequests, c.login(locked, password).status)
	lockedWindow := time.Now().Truncate(24 * time.Hour)

	dev.Stop(t)
	dev = startDev(t, bundle, state, vars...)
	c.base = dev.URL

	me := c.do("GET", "/v1/me", session.AccessToken, nil)
	require.Equal(t, http.StatusOK, me.status, "an access token from before the restart: %s", me)
	assert.Contains(t, string(me.body), email)

	var pull syncproto.PullResponse
	pulled := c.do("GET", "/v1/sync?since=0", session.AccessToken, nil)
	require.Equal(t, http.StatusOK, pulled.status, pulled)
	pulled.decode(t, &pull)
	require.Len(t, pull.Items, 1)
	assert.Equal(t, title, pull.Items[0].Title)
	assert.Equal(t, []string{"nlp"}, pull.Items[0].Tags)
	assert.Equal(t, int64(1), pull.Version)

	replay := c.do("POST", "/v1/sync", session.AccessToken, push, syncproto.HeaderIdempotencyKey, "persist-push-1")
	require.Equal(t, http.StatusOK, replay.status, replay)
	assert.JSONEq(t, string(pushed.body), string(replay.body), "the replay answers like the first push")
	assert.Equal(t, "true", replay.header.Get("Idempotent-Replayed"))
	pulled = c.do("GET", "/v1/sync?since=0", session.AccessToken, nil)
	pulled.decode(t, &pull)
	assert.Equal(t, int64(1), pull.Version, "and writes nothing")

	// Refresh-token rotation goes on across the restart, and reuse of a token whose successor was used is still
	// detected (within a minute, a retired token whose successor is unused gets that successor again).
	next := c.refresh(session.RefreshToken)
	require.Equal(t, http.StatusOK, next.status, "rotation goes on: %s", next)
	var third httpapi.Session
	next.decode(t, &third)
	assert.Equal(t, http.StatusUnauthorized, c.refresh(first.RefreshToken).status, "reuse after its successor was used")
	assert.Equal(t, http.StatusUnauthorized, c.refresh(third.RefreshToken).status, "the reuse revoked the whole login")
	relogin := c.login(email, password)
	require.Equal(t, http.StatusOK, relogin.status, "the password hash survived: %s", relogin)
	var again httpapi.Session
	relogin.decode(t, &again)
	next = c.refresh(again.RefreshToken)
	require.Equal(t, http.StatusOK, next.status, next)
	var retried httpapi.Session
	c.refresh(again.RefreshToken).decode(t, &retried)
	next.decode(t, &third)
	assert.Equal(t, third.RefreshToken, retried.RefreshToken, "a retry within the grace gets the same successor")

	if time.Now().Truncate(24 * time.Hour).Equal(lockedWindow) {
		assert.Equal(t, http.StatusTooManyRequests, c.login(locked, password).status, "the login limit survived the restart")
	} else {
		t.Log("the rate-limit window turned over during the test: not checking the lock-out")
	}
}

// client is a small JSON client for the persistence scenario.
type client struct {
	t    *testing.T
	base string
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func (r *response) String() string { return strconv.Itoa(r.status) + " " + string(r.body) }

// decode reads the JSON body into v, failing the test if it is not JSON of that shape.
func (r *response) decode(t *testing.T, v any) {
	t.Helper()
	require.NoError(t, json.Unmarshal(r.body, v), "body: %s", r.body)
}

// do sends body as JSON (when not nil) with an optional bearer token and extra header name, value pairs.
func (c *client) do(method, path, token string, body any, headers ...string) *response {
	c.t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		require.NoError(c.t, err)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.base+path, rd)
	require.NoError(c.t, err)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	require.NoError(c.t, err, "%s %s", method, path)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(c.t, err)
	return &response{status: resp.StatusCode, header: resp.Header, body: b}
}

func (c *client) login(email, password string) *response {
	c.t.Helper()
	return c.do("POST", "/v1/auth/login", "", map[string]string{"email": email, "password": password})
}

func (c *client) refresh(token string) *response {
	c.t.Helper()
	return c.do("POST", "/v1/auth/refresh", "", map[string]string{"refresh_token": token})
}

// moduleRoot is the repository root, three levels above this package.
func moduleRoot(tb testing.TB) string {
	tb.Helper()
	root := filepath.Join(workerDir(tb), "..", "..", "..")
	_, err := os.Stat(filepath.Join(root, "go.mod"))
	require.NoError(tb, err)
	return root
}

// tail keeps the end of long output, where go test reports failures.
// failures returns what each failing test of a `go test -v` run logged (the lines after its === RUN line up to
// the next one) under its --- FAIL line, so that a failure deep in a long run is not cut off; at most n bytes.
func failures(out []byte, n int) string {
	logged := map[string][]string{}
	current := ""
	var b strings.Builder
	for _, line := range strings.Split(string(out), "\n") {
		trimmed := strings.TrimSpace(line)
		if name, ok := strings.CutPrefix(trimmed, "=== RUN"); ok {
			current = strings.TrimSpace(name)
			continue
		}
		if rest, ok := strings.CutPrefix(trimmed, "--- FAIL: "); ok {
			name, _, _ := strings.Cut(rest, " ")
			b.WriteString(trimmed + "\n" + strings.Join(logged[name], "\n") + "\n")
			continue
		}
		if current != "" && !strings.HasPrefix(trimmed, "--- ") {
			logged[current] = append(logged[current], line)
		}
	}
	if b.Len() == 0 {
		return "(no --- FAIL line: the run itself failed)"
	}
	return tail([]byte(b.String()), n)
}

func tail(b []byte, n int) string {
	if len(b) <= n {
		return string(b)
	}
	return "…" + string(b[len(b)-n:])
}
