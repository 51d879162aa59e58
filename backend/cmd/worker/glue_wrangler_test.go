//go:build !js

package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWorkerGlue checks glue.mjs and glue_js.go under wrangler dev, on a bundle built with the workertest routes
// (testroutes_js.go): one Go runtime serves the isolate's requests; a request that waits on a timer holds up no
// other; a runtime that dies answers its requests in flight with a JSON 500 and the next request gets a new one.
func TestWorkerGlue(t *testing.T) {
	wranglerBin(t)
	if testing.Short() {
		t.Skip("builds the worker and runs it under wrangler: not in -short")
	}
	bundle := t.TempDir()
	t.Setenv("PAPERGIST_WORKER_TAGS", "workertest")
	runScript(t, "worker-build.sh", bundle)
	const recycle = 40
	dev := startDev(t, bundle, migratedState(t), fmt.Sprintf("PAPERGIST_WORKER_RECYCLE:%d", recycle))
	c := &client{t: t, base: dev.URL}

	type runtimeInfo struct {
		Runtime   string `json:"runtime"`
		Served    int    `json:"served"`
		SysBytes  int64  `json:"sys_bytes"`
		HeapBytes int64  `json:"heap_bytes"`
	}
	info := func() runtimeInfo {
		r := c.do("GET", "/__test/runtime", "", nil)
		require.Equal(t, http.StatusOK, r.status, r)
		var v runtimeInfo
		r.decode(t, &v)
		return v
	}

	first := info()
	require.Equal(t, http.StatusOK, c.do("GET", "/readyz", "", nil).status, "a D1 query")
	require.Equal(t, http.StatusOK, c.do("GET", "/v1/openapi.json", "", nil).status, "no D1 query")
	again := info()
	assert.Equal(t, first.Runtime, again.Runtime, "one runtime serves every request")
	assert.Equal(t, first.Served+3, again.Served, "and it counted each of them")

	t.Run("a sleeping request holds up no other", func(t *testing.T) {
		var wg sync.WaitGroup
		slept := make([]*response, 8)
		woke := make([]time.Time, len(slept))
		for i := range slept {
			wg.Add(1)
			go func() {
				defer wg.Done()
				slept[i] = c.do("GET", "/__test/sleep?ms=4000", "", nil)
				woke[i] = time.Now()
			}()
		}
		time.Sleep(500 * time.Millisecond) // let them start sleeping
		for range 5 {
			r := c.do("GET", "/readyz", "", nil)
			assert.Equal(t, http.StatusOK, r.status, r)
		}
		quickDone := time.Now()
		wg.Wait()
		for i, r := range slept {
			assert.Equal(t, http.StatusOK, r.status, "each sleeper wakes, not cancelled as hung: %s", r)
			assert.Contains(t, string(r.body), first.Runtime, "on the same runtime")
			// Ordering, not speed: the D1 requests were answered while every sleeper still slept.
			assert.True(t, quickDone.Before(woke[i]), "readyz waited for a sleeper")
		}
	})

	t.Run("a dead runtime answers 500 and is replaced", func(t *testing.T) {
		held := make(chan *response)
		go func() { held <- c.do("GET", "/__test/hold", "", nil) }()
		time.Sleep(500 * time.Millisecond) // in flight before the crash
		crashed := c.do("GET", "/__test/exit", "", nil)
		var h *response
		select {
		case h = <-held:
		case <-time.After(30 * time.Second):
			t.Fatal("a request in flight on the dead runtime hangs")
		}
		for _, r := range []*response{crashed, h} {
			assert.Equal(t, http.StatusInternalServerError, r.status, r)
			var body struct {
				Error struct{ Code string } `json:"error"`
			}
			require.NoError(t, json.Unmarshal(r.body, &body), "a JSON error: %s", r)
			assert.Equal(t, "internal", body.Error.Code)
		}
		next := info()
		assert.NotEqual(t, first.Runtime, next.Runtime, "a new runtime")
		assert.Equal(t, 1, next.Served)
		assert.Equal(t, http.StatusOK, c.do("GET", "/readyz", "", nil).status, "that serves D1 too")
	})

	t.Run("a runtime is retired after PAPERGIST_WORKER_RECYCLE requests", func(t *testing.T) {
		last := info()
		for range recycle {
			now := info()
			if now.Runtime != last.Runtime {
				assert.Equal(t, recycle, last.Served, "the old runtime served exactly its share")
				assert.Equal(t, 1, now.Served)
				t.Logf("memory of the retired runtime after %d requests: %d bytes from the system, %d bytes of heap",
					last.Served, last.SysBytes, last.HeapBytes)
				return
			}
			last = now
		}
		t.Fatalf("still the same runtime after %d requests: %+v", last.Served, last)
	})
}
