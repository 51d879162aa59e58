//go:build !js

package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// healthPath answers 200 once the worker serves; it does not touch D1.
const healthPath = "/healthz"

// devSecret is the JWT secret of the test's wrangler runs: the same for both runs, so that what one run issued the
// next one accepts.
const devSecret = "worker-test-secret-not-for-production-0123456789"

// workerDir is this package's folder, where wrangler.toml and the pinned wrangler live.
func workerDir(tb testing.TB) string {
	tb.Helper()
	dir, err := filepath.Abs(".")
	require.NoError(tb, err)
	return dir
}

// wranglerBin returns the pinned wrangler, skipping the test when `npm ci` has not installed it here. CI installs
// it (.ci/run runs `npm ci` for every package-lock.json), so there a missing wrangler fails instead.
func wranglerBin(tb testing.TB) string {
	tb.Helper()
	bin := filepath.Join(workerDir(tb), "node_modules", ".bin", "wrangler")
	if _, err := os.Stat(bin); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("wrangler is not installed in %s: run npm ci there", workerDir(tb))
		}
		tb.Skipf("wrangler is not installed: run `npm ci` in backend/cmd/worker to test the Workers build")
	}
	return bin
}

// wranglerEnv keeps wrangler local and quiet: no telemetry, no prompts, no fetches of Cloudflare's request data.
func wranglerEnv() []string {
	return append(os.Environ(), "WRANGLER_SEND_METRICS=false", "WRANGLER_SEND_ERROR_REPORTS=false",
		"CLOUDFLARE_CF_FETCH_ENABLED=false", "WRANGLER_HIDE_BANNER=true")
}

// runScript runs one of the repository's scripts/worker-*.sh and returns its output, failing the test if it fails.
func runScript(tb testing.TB, name string, args ...string) string {
	tb.Helper()
	cmd := exec.Command("bash", append([]string{filepath.Join(workerDir(tb), "..", "..", "..", "scripts", name)}, args...)...)
	cmd.Env = wranglerEnv()
	out, err := cmd.CombinedOutput()
	require.NoError(tb, err, "%s:\n%s", name, out)
	return string(out)
}

// wrangler runs one short wrangler command in the worker's folder.
func wrangler(tb testing.TB, args ...string) string {
	tb.Helper()
	cmd := exec.Command(wranglerBin(tb), args...)
	cmd.Dir = workerDir(tb)
	cmd.Env = wranglerEnv()
	out, err := cmd.CombinedOutput()
	require.NoError(tb, err, "wrangler %s:\n%s", strings.Join(args, " "), out)
	return string(out)
}

// freePort returns a loopback port that is free now.
func freePort(tb testing.TB) int {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(tb, err)
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// devServer is one `wrangler dev --local` process over a persisted local D1.
type devServer struct {
	URL  string
	cmd  *exec.Cmd
	log  *bytes.Buffer
	done chan error
}

// startDev serves the worker built into bundle with wrangler dev on a free loopback port, persisting D1 under state, with
// the given Worker vars, and waits until it answers. bundle is the test's own build: wrangler dev reloads when its
// bundle changes, and hangs if that happens mid-build, so it must not serve backend/cmd/worker/build, which other
// builds rewrite. It is stopped when the test ends, if not before.
func startDev(tb testing.TB, bundle, state string, vars ...string) *devServer {
	tb.Helper()
	port, inspector := freePort(tb), freePort(tb)
	args := []string{"dev", filepath.Join(bundle, "worker.mjs"), "--config", filepath.Join(workerDir(tb), "wrangler.toml"), "--local", "--ip", "127.0.0.1", "--port", fmt.Sprint(port),
		"--inspector-ip", "127.0.0.1", "--inspector-port", fmt.Sprint(inspector), "--persist-to", state,
		"--show-interactive-dev-session=false", "--var", "PAPERGIST_JWT_SECRET:" + devSecret}
	for _, v := range vars {
		args = append(args, "--var", v)
	}
	cmd := exec.Command(wranglerBin(tb), args...)
	cmd.Dir = workerDir(tb)
	cmd.Env = wranglerEnv()
	// Its own process group, so that stopping it also stops the workerd it starts.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	d := &devServer{URL: fmt.Sprintf("http://127.0.0.1:%d", port), cmd: cmd, log: &bytes.Buffer{}, done: make(chan error, 1)}
	cmd.Stdout, cmd.Stderr = d.log, d.log
	require.NoError(tb, cmd.Start())
	go func() { d.done <- cmd.Wait() }()
	tb.Cleanup(func() { d.Stop(tb) })

	deadline := time.Now().Add(90 * time.Second)
	for {
		select {
		case err := <-d.done:
			d.done <- err
			tb.Fatalf("wrangler dev exited before it was ready (%v):\n%s", err, d.log)
		default:
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, d.URL+healthPath, nil)
		resp, err := http.DefaultClient.Do(req)
		cancel()
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return d
			}
		}
		if time.Now().After(deadline) {
			tb.Fatalf("wrangler dev did not answer %s with 200 within 90s (last: %v):\n%s", healthPath, err, d.log)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// Stop ends wrangler and its workerd, politely first.
func (d *devServer) Stop(tb testing.TB) {
	tb.Helper()
	if d.cmd.Process == nil {
		return
	}
	_ = syscall.Kill(-d.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case err := <-d.done:
		d.done <- err
	case <-time.After(15 * time.Second):
		_ = syscall.Kill(-d.cmd.Process.Pid, syscall.SIGKILL)
		d.done <- <-d.done
	}
	// A second Stop (the cleanup after an explicit Stop) finds the group gone and returns at once.
	_ = syscall.Kill(-d.cmd.Process.Pid, syscall.SIGKILL)
}
