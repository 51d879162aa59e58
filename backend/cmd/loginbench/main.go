// Command loginbench starts the real server (backend/cmd/server, built here unless -server names a binary) with
// its default password hashing and limits, sends -n logins at once from one address, and prints the server's
// peak resident memory and the answers it gave.
//
//	loginbench [-n 50] [-rounds 1] [-server path/to/server]
//
// Each round is n logins at once: one account's password right, a few wrong, the rest for unknown emails (which
// cost a password hash too). Peak memory is the kernel's high-water mark (VmHWM in /proc/<pid>/status, Linux).
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "loginbench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("loginbench", flag.ContinueOnError)
	n := fs.Int("n", 50, "logins at once")
	rounds := fs.Int("rounds", 1, "rounds of n logins, each after the previous one (past 50 in 5 minutes, the per-address limit answers 429)")
	bin := fs.String("server", "", "server binary (default: go build ./backend/cmd/server)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "loginbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if *bin == "" {
		*bin = filepath.Join(dir, "server")
		build := exec.CommandContext(ctx, "go", "build", "-o", *bin, "./backend/cmd/server")
		build.Stderr = os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("build the server: %w", err)
		}
	}
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	srv := exec.CommandContext(ctx, *bin, "-addr", addr, "-db", filepath.Join(dir, "data", "papergist.db"))
	srv.Env = append(os.Environ(), "PAPERGIST_JWT_SECRET="+strings.Repeat("k", 40))
	srv.Stderr = io.Discard
	if err := srv.Start(); err != nil {
		return err
	}
	defer func() { _ = srv.Process.Kill(); _ = srv.Wait() }()
	base := "http://" + addr
	if err := waitReady(base); err != nil {
		return err
	}
	client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: *n}}
	post := func(path string, body any) (int, time.Duration, error) {
		b, _ := json.Marshal(body)
		start := time.Now()
		resp, err := client.Post(base+path, "application/json", bytes.NewReader(b))
		if err != nil {
			return 0, 0, err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode, time.Since(start), nil
	}
	idle, err := rss(srv.Process.Pid, "VmRSS")
	if err != nil {
		return err
	}
	email, pw := "owner@example.org", "correct horse battery"
	if st, _, err := post("/v1/auth/register", map[string]string{"email": email, "password": pw}); err != nil || st != http.StatusCreated {
		return fmt.Errorf("register: %d %v", st, err)
	}
	statuses := map[int]int{}
	var lat []time.Duration
	var mu sync.Mutex
	for round := range *rounds {
		var wg sync.WaitGroup
		for i := range *n {
			body := map[string]string{"email": fmt.Sprintf("nobody-%d-%d@example.org", round, i), "password": "some password"}
			switch {
			case i == 0:
				body = map[string]string{"email": email, "password": pw}
			case i < 3:
				body = map[string]string{"email": email, "password": "wrong password"}
			}
			wg.Go(func() {
				st, d, err := post("/v1/auth/login", body)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					statuses[-1]++
					return
				}
				statuses[st]++
				lat = append(lat, d)
			})
		}
		wg.Wait()
	}
	peak, err := rss(srv.Process.Pid, "VmHWM")
	if err != nil {
		return err
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[int(p*float64(len(lat)-1))]
	}
	codes := make([]string, 0, len(statuses))
	for st, k := range statuses {
		name := fmt.Sprint(st)
		if st == -1 {
			name = "transport error"
		}
		codes = append(codes, fmt.Sprintf("%s×%d", name, k))
	}
	slices.Sort(codes)
	fmt.Fprintf(out, "logins: %d rounds of %d at once from one address (default argon2id 19 MiB, default limits)\n", *rounds, *n)
	fmt.Fprintf(out, "server RSS: idle %.1f MiB, peak %.1f MiB (goal: < 400 MiB)\n", float64(idle)/1024, float64(peak)/1024)
	fmt.Fprintf(out, "answers: %s (goal: no 500)\n", strings.Join(codes, " "))
	fmt.Fprintf(out, "latency: p50 %v, p90 %v, max %v\n", pct(0.5).Round(time.Millisecond), pct(0.9).Round(time.Millisecond), pct(1).Round(time.Millisecond))
	return nil
}

// rss reads a memory field of /proc/<pid>/status, in KiB.
func rss(pid int, field string) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("read memory use (Linux only): %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			var kib int64
			_, err := fmt.Sscanf(strings.TrimSpace(rest), "%d kB", &kib)
			return kib, err
		}
	}
	return 0, errors.New(field + " not in /proc status")
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

func waitReady(base string) error {
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if r, err := http.Get(base + "/readyz"); err == nil {
			r.Body.Close()
			if r.StatusCode == http.StatusOK {
				return nil
			}
		}
	}
	return errors.New("server not ready after 30s")
}
