//go:build !js

package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/internal/apitest"
	"github.com/papergist/papergist/shared/syncproto"
)

// loadDuration is how long the concurrent-clients test runs: 10 s by default, PAPERGIST_WORKER_LOAD (e.g. 60s) to
// change.
func loadDuration(tb testing.TB) time.Duration {
	tb.Helper()
	if s := os.Getenv("PAPERGIST_WORKER_LOAD"); s != "" {
		d, err := time.ParseDuration(s)
		require.NoError(tb, err, "PAPERGIST_WORKER_LOAD")
		return d
	}
	return 10 * time.Second
}

// testConcurrentClients runs clients accounts at once against one wrangler dev, that is one isolate and so one Go
// runtime, for d: each pushes new papers (with an Idempotency-Key) and pulls its library in a loop. No request may
// fail, hang or get a 5xx, and afterwards every acknowledged write must be in its account's library: requests
// running together on one runtime neither deadlock nor mix state.
func testConcurrentClients(t *testing.T, base string, clients int, d time.Duration) {
	srv := &apitest.Server{URL: base}
	type result struct {
		acked    map[string]string // id → title of every acknowledged push
		token    string
		statuses map[int]int
		latency  []time.Duration
		retries  int
		err      error
	}
	results := make([]*result, clients)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := &result{acked: map[string]string{}, statuses: map[int]int{}}
			results[i] = r
			c := srv.NewClient()
			do := func(method, path string, body any, headers ...string) *apitest.Response {
				t0 := time.Now()
				resp, err := c.Try(method, path, r.token, body, headers...)
				// wrangler dev's own proxy answers this when its connection to the worker fails, with the old glue as
				// with the new; the worker never saw the request or its answer was lost. A client resends, with the
				// same Idempotency-Key.
				for try := 0; err == nil && try < 5 && resp.Status == http.StatusServiceUnavailable &&
					strings.Contains(string(resp.Body), "Your worker restarted mid-request"); try++ {
					r.retries++
					resp, err = c.Try(method, path, r.token, body, headers...)
				}
				if err != nil {
					r.err = fmt.Errorf("%s %s: %w", method, path, err)
					return nil
				}
				r.latency = append(r.latency, time.Since(t0))
				r.statuses[resp.Status]++
				return resp
			}
			reg := do("POST", "/v1/auth/register", map[string]string{"email": apitest.NewEmail(), "password": "correct horse battery"})
			if reg == nil || reg.Status != http.StatusCreated {
				r.err = fmt.Errorf("register: %v %v", reg, r.err)
				return
			}
			var s apitest.Session
			if r.err = json.Unmarshal(reg.Body, &s); r.err != nil {
				return
			}
			r.token = s.AccessToken
			for n := 0; time.Since(start) < d && r.err == nil; n++ {
				if n%3 == 2 {
					if p := do("GET", "/v1/sync?since=0&limit=5", nil); p != nil && p.Status != http.StatusOK {
						r.err = fmt.Errorf("pull: %s", p)
					}
					continue
				}
				title := fmt.Sprintf("client %d paper %d", i, n)
				id := fmt.Sprintf("arxiv:2409.%05d", n+1)
				push := syncproto.PushRequest{Changes: []syncproto.Change{{ID: id, Title: &title}}}
				p := do("POST", "/v1/sync", push, syncproto.HeaderIdempotencyKey, fmt.Sprintf("load-%d-%d", i, n))
				if p == nil {
					return
				}
				var pr syncproto.PushResponse
				if p.Status != http.StatusOK {
					r.err = fmt.Errorf("push: %s", p)
				} else if r.err = json.Unmarshal(p.Body, &pr); r.err == nil && len(pr.Results) == 1 &&
					pr.Results[0].Status == syncproto.StatusApplied {
					r.acked[id] = title
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)

	statuses := map[int]int{}
	var latency []time.Duration
	acked, retries := 0, 0
	for i, r := range results {
		require.NoError(t, r.err, "client %d", i)
		for s, n := range r.statuses {
			statuses[s] += n
		}
		latency = append(latency, r.latency...)
		acked += len(r.acked)
		retries += r.retries
	}
	slices.Sort(latency)
	require.NotEmpty(t, latency)
	t.Logf("%d clients for %s: %d requests (%.0f/s), p50 %s, p99 %s, max %s; statuses %v; %d writes acknowledged; "+
		"%d resent after wrangler's proxy lost them",
		clients, elapsed.Round(time.Second), len(latency), float64(len(latency))/elapsed.Seconds(),
		latency[len(latency)/2].Round(time.Millisecond), latency[len(latency)*99/100].Round(time.Millisecond),
		latency[len(latency)-1].Round(time.Millisecond), statuses, acked, retries)
	for s := range statuses {
		assert.Less(t, s, 500, "no 5xx under load")
	}

	// Every acknowledged write is there, in its own account and nowhere else.
	c := srv.NewClient()
	for i, r := range results {
		got := map[string]string{}
		for since := int64(0); ; {
			resp := c.Do(t, "GET", "/v1/sync?limit=1000&since="+strconv.FormatInt(since, 10), r.token, nil)
			require.Equal(t, http.StatusOK, resp.Status, resp.String())
			var page syncproto.PullResponse
			resp.JSON(t, &page)
			for _, it := range page.Items {
				got[it.ID] = it.Title
			}
			since = page.Version
			if !page.More {
				break
			}
		}
		assert.Equal(t, r.acked, got, "client %d: the library holds exactly its acknowledged writes", i)
	}
}
