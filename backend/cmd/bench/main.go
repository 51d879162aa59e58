// Command bench loads the sync API on loopback and prints requests/s and latency percentiles for authenticated
// GET /v1/sync and POST /v1/sync of 50 items, next to a bare Echo hello handler measured in the same run.
//
//	bench [-duration 3s] [-concurrency 8] [-items 200]
//
// The API runs in-process over a temporary SQLite file exactly as the server builds it, except that request
// logs go nowhere (the hello handler logs nothing either).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/papergist/papergist/backend/auth"
	"github.com/papergist/papergist/backend/httpapi"
	"github.com/papergist/papergist/backend/sqlite"
	"github.com/papergist/papergist/shared/syncproto"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	duration := fs.Duration("duration", 3*time.Second, "load time per scenario")
	conc := fs.Int("concurrency", 8, "concurrent clients (each its own user and connection)")
	libSize := fs.Int("items", 200, "items in each user's library before the pull benchmark")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	dir, err := os.MkdirTemp("", "papergist-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	db, err := sqlite.Open(ctx, filepath.Join(dir, "bench.db"))
	if err != nil {
		return err
	}
	defer db.Close()
	api, err := httpapi.New(db, httpapi.Config{JWTKey: []byte(auth.RandomToken(32)),
		Logger: slog.New(slog.DiscardHandler), RegisterPerAddress: 1 << 30})
	if err != nil {
		return err
	}
	hello := echo.New()
	hello.GET("/", func(c echo.Context) error { return c.String(http.StatusOK, "Hello, World!") })
	apiURL, stopAPI, err := serve(api)
	if err != nil {
		return err
	}
	defer stopAPI()
	helloURL, stopHello, err := serve(hello)
	if err != nil {
		return err
	}
	defer stopHello()

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *conc * 2, MaxConnsPerHost: *conc * 2}}
	users, err := seedUsers(client, apiURL, *conc, *libSize)
	if err != nil {
		return err
	}

	fmt.Fprintf(out, "backend bench: %d concurrent clients (one user each), %s per scenario, %d CPUs, loopback, %d items per library\n",
		*conc, *duration, runtime.GOMAXPROCS(0), *libSize)
	fmt.Fprintf(out, "%-44s %10s %9s %9s\n", "scenario", "req/s", "p50", "p99")
	// The hello handler and the sync poll are measured in alternating slices, so that the noise of a shared
	// machine falls on both alike.
	var helloRes, pollRes result
	const slices = 6
	for r := 0; r < slices; r++ {
		h, err := load(*conc, *duration/slices, func(i, n int) error {
			return call(client, "GET", helloURL+"/", "", nil, nil, nil)
		})
		if err != nil {
			return fmt.Errorf("hello: %w", err)
		}
		p, err := load(*conc, *duration/slices, func(i, n int) error {
			var p syncproto.PullResponse
			return call(client, "GET", apiURL+"/v1/sync?since="+strconv.FormatInt(users[i].version, 10), users[i].token, nil, &p, nil)
		})
		if err != nil {
			return fmt.Errorf("pull: %w", err)
		}
		helloRes, pollRes = helloRes.add(h), pollRes.add(p)
	}
	helloRes.print(out, "GET / (bare Echo hello handler)")
	pollRes.print(out, "GET /v1/sync?since=<current> (authenticated)")
	fullRes, err := load(*conc, *duration, func(i, n int) error {
		var p syncproto.PullResponse
		err := call(client, "GET", apiURL+"/v1/sync?since=0&limit=50", users[i].token, nil, &p, nil)
		if err == nil && len(p.Items) < 50 {
			err = fmt.Errorf("pulled %d items", len(p.Items))
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("full pull: %w", err)
	}
	fullRes.print(out, "GET /v1/sync?since=0&limit=50 (50 items)")
	pushRes, err := load(*conc, *duration, func(i, n int) error {
		var resp syncproto.PushResponse
		err := call(client, "POST", apiURL+"/v1/sync", users[i].token, push(0, 50, fmt.Sprint("edit ", n)), &resp,
			map[string]string{syncproto.HeaderIdempotencyKey: auth.RandomToken(12)})
		if err == nil && (len(resp.Results) != 50 || resp.Results[0].Status != syncproto.StatusApplied) {
			err = fmt.Errorf("push not applied: %+v", resp.Results)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("push: %w", err)
	}
	pushRes.print(out, "POST /v1/sync (50 changed items)")
	st := db.Stats()
	fmt.Fprintf(out, "db pool: open %d, idle closed %d, wait %d (%s)\n", st.OpenConnections, st.MaxIdleClosed, st.WaitCount, st.WaitDuration)
	fmt.Fprintf(out, "sync pull / hello = %.2f (goal ≥ 0.50)\n", pollRes.rps()/helloRes.rps())
	return nil
}

// benchUser is one client's account: its access token and its library version after seeding.
type benchUser struct {
	token   string
	version int64
}

// seedUsers registers n users, each with a library of libSize items, so that the pull benchmark polls for news.
func seedUsers(client *http.Client, apiURL string, n, libSize int) ([]benchUser, error) {
	users := make([]benchUser, n)
	for i := range users {
		var s httpapi.Session
		if err := call(client, "POST", apiURL+"/v1/auth/register", "", map[string]string{
			"email": fmt.Sprintf("bench%d@example.org", i), "password": "benchmark password"}, &s, nil); err != nil {
			return nil, err
		}
		users[i].token = s.AccessToken
		for start := 0; start < libSize; start += 50 {
			var resp syncproto.PushResponse
			if err := call(client, "POST", apiURL+"/v1/sync", s.AccessToken, push(start, min(50, libSize-start), "seed"), &resp,
				map[string]string{syncproto.HeaderIdempotencyKey: auth.RandomToken(12)}); err != nil {
				return nil, err
			}
			users[i].version = resp.Version
		}
	}
	return users, nil
}

// push builds a change of n items (ids start…start+n-1) whose note is tag, based on the current version (the
// bench always overwrites: base_version ≥ server version, no conflicts).
func push(start, n int, tag string) syncproto.PushRequest {
	var req syncproto.PushRequest
	for i := start; i < start+n; i++ {
		title, note := fmt.Sprintf("Benchmark paper %d", i), tag
		req.Changes = append(req.Changes, syncproto.Change{ID: fmt.Sprintf("arxiv:2410.%05d", i), BaseVersion: 1 << 40,
			Title: &title, Note: &note, Tags: &[]string{"bench", "ml"}})
	}
	return req
}

func serve(h http.Handler) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h}
	go func() { _ = srv.Serve(ln) }()
	return "http://" + ln.Addr().String(), func() { _ = srv.Close() }, nil
}

func call(c *http.Client, method, url, token string, body, out any, headers map[string]string) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = strings.NewReader(string(b))
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: %d %s", method, url, resp.StatusCode, b)
	}
	if out != nil {
		return json.Unmarshal(b, out)
	}
	return nil
}

type result struct {
	lat     []time.Duration // sorted
	elapsed time.Duration
}

func (r result) rps() float64 { return float64(len(r.lat)) / r.elapsed.Seconds() }

func (r result) pct(p int) time.Duration { return r.lat[len(r.lat)*p/100].Round(time.Microsecond) }

func (r result) add(o result) result {
	lat := append(slices.Clone(r.lat), o.lat...)
	slices.Sort(lat)
	return result{lat: lat, elapsed: r.elapsed + o.elapsed}
}

func (r result) print(out io.Writer, name string) {
	fmt.Fprintf(out, "%-44s %10.0f %9s %9s\n", name, r.rps(), r.pct(50), r.pct(99))
}

// load runs f from conc goroutines for d and measures each call.
func load(conc int, d time.Duration, f func(client, n int) error) (result, error) {
	var mu sync.Mutex
	var lat []time.Duration
	var firstErr error
	var wg sync.WaitGroup
	deadline := time.Now().Add(d)
	begin := time.Now()
	for i := 0; i < conc; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine := make([]time.Duration, 0, 4096)
			for n := 0; time.Now().Before(deadline); n++ {
				t0 := time.Now()
				if err := f(i, n); err != nil {
					mu.Lock()
					firstErr = errors.Join(firstErr, err)
					mu.Unlock()
					return
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(begin)
	if firstErr != nil {
		return result{}, firstErr
	}
	if len(lat) == 0 {
		return result{}, errors.New("no requests completed")
	}
	slices.Sort(lat)
	return result{lat: lat, elapsed: elapsed}, nil
}
