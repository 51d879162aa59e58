//go:build unix

package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/auth"
	"github.com/papergist/papergist/backend/internal/apitest"
	"github.com/papergist/papergist/shared/syncproto"
)

// TestKill9 kills the server process with SIGKILL while clients write, restarts it, and checks that every write
// the server acknowledged is there and the database is intact. Three rounds.
func TestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills a server process")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "server")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())
	dbPath := filepath.Join(dir, "data", "papergist.db")
	addr := freeAddr(t)
	url := "http://" + addr

	start := func() *exec.Cmd {
		cmd := exec.Command(bin, "-addr", addr, "-db", dbPath)
		cmd.Env = append(os.Environ(), "PAPERGIST_ARGON2=1,256,1")
		require.NoError(t, cmd.Start())
		var exited atomic.Bool
		go func() { _ = cmd.Wait(); exited.Store(true) }()
		waitReady(t, url, func() bool { return !exited.Load() })
		return cmd
	}
	cmd := start()
	c := &apitest.Client{URL: url, HTTP: &http.Client{Timeout: 10 * time.Second}}
	s, _ := c.Register(t)

	type acked struct{ id, title string }
	var mu sync.Mutex
	var acks []acked
	var seq atomic.Int64
	for round := 0; round < 3; round++ {
		stop := make(chan struct{})
		var wg sync.WaitGroup
		var attempts atomic.Int64
		for w := 0; w < 4; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
					n := seq.Add(1)
					var req syncproto.PushRequest
					for i := 0; i < 5; i++ {
						title := fmt.Sprintf("paper %d-%d", n, i)
						req.Changes = append(req.Changes, syncproto.Change{ID: fmt.Sprintf("arxiv:2409.%05d", (n*5+int64(i))%100000), Title: &title})
					}
					attempts.Add(1)
					r, err := c.Try("POST", "/v1/sync", s.AccessToken, req, syncproto.HeaderIdempotencyKey, auth.RandomToken(12))
					if err != nil || r.Status != http.StatusOK {
						continue // not acknowledged: the server died under it
					}
					var resp syncproto.PushResponse
					if json.Unmarshal(r.Body, &resp) != nil {
						continue
					}
					mu.Lock()
					for i, res := range resp.Results {
						if res.Status == syncproto.StatusApplied {
							acks = append(acks, acked{res.ID, *req.Changes[i].Title})
						}
					}
					mu.Unlock()
				}
			}()
		}
		time.Sleep(700 * time.Millisecond)
		require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
		time.Sleep(50 * time.Millisecond)
		close(stop)
		wg.Wait()
		t.Logf("round %d: %d pushes attempted, %d item writes acknowledged so far", round, attempts.Load(), len(acks))
		cmd = start()
	}
	defer func() { _ = cmd.Process.Signal(os.Interrupt) }()

	// Every acknowledged write is there (later writes to the same id win, ids are unique per write here).
	require.NotEmpty(t, acks)
	for _, a := range acks {
		r := c.Do(t, "GET", "/v1/items/"+a.id, s.AccessToken, nil)
		require.Equal(t, http.StatusOK, r.Status, "acknowledged %s lost: %s", a.id, r.String())
		var it syncproto.Item
		r.JSON(t, &it)
		assert.Equal(t, a.title, it.Title)
	}
	db, err := sql.Open("sqlite", "file:"+dbPath+"?mode=ro") // the modernc driver, registered by backend/sqlite
	require.NoError(t, err)
	defer db.Close()
	var check string
	require.NoError(t, db.QueryRow("PRAGMA integrity_check").Scan(&check))
	assert.Equal(t, "ok", check)
	var fk int
	rows, err := db.Query("PRAGMA foreign_key_check")
	require.NoError(t, err)
	for rows.Next() {
		fk++
	}
	rows.Close()
	assert.Zero(t, fk, "no dangling foreign keys")
}
