package httpapi

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/papergist/papergist/backend/auth"
	"github.com/papergist/papergist/backend/sqlite"
	"github.com/papergist/papergist/shared/syncproto"
)

// Why a long poll, and not Server-Sent Events or a WebSocket: it is one ordinary request that ends by itself,
// so it needs nothing beyond what both homes of the app already serve. On Workers it holds no CPU while it waits
// (time.Sleep in Go/wasm awaits a JS timer) and needs no Durable Object; in an MV3 extension a fetch that
// answers within 30 s keeps the service worker alive, where an event stream would be cut when the worker stops.
// An idle browser costs one request per wait (25 s), and a change reaches it in one round trip.

// SyncWaitConfig sets the long polls of GET /v1/sync/wait. Zero values take the defaults noted.
type SyncWaitConfig struct {
	// PerAccount and PerAddress cap the waits open at once; default 10 and 40. A browser holds one.
	PerAccount, PerAddress int
	// Poll is how often a waiting request re-reads the library version (one indexed query): default 5 s on the
	// native server, where this process's own writes wake it at once, and 1 s on Workers, where a write lands in
	// another isolate and only the database tells.
	Poll time.Duration
}

func (c SyncWaitConfig) withDefaults() SyncWaitConfig {
	if c.PerAccount == 0 {
		c.PerAccount = 10
	}
	if c.PerAddress == 0 {
		c.PerAddress = 40
	}
	if c.Poll == 0 {
		c.Poll = defaultWaitPoll
	}
	return c
}

// leaseGrace is how long past its timeout a wait's lease lives, should the request die without closing it.
const leaseGrace = 5 * time.Second

// syncWait answers GET /v1/sync/wait?since=V[&timeout=S]: 200 {"version"} as soon as the library version is
// above V (at once if it already is), else 204 after S seconds (default 25, at most 50), both with
// Last-Modified-Version. The client then pulls as usual and waits again. Like pull, its route leaves the device
// check to the store, which makes it in each version read: a login revoked meanwhile ends the wait with 401.
func (a *app) syncWait(c echo.Context) error {
	since, err := queryInt(c, "since", 0, 0, syncproto.MaxVersion)
	if err != nil {
		return err
	}
	secs, err := queryInt(c, "timeout", syncproto.DefaultWaitSeconds, 0, syncproto.MaxWaitSeconds)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	p := who(c)
	cfg := a.cfg.SyncWait.withDefaults()
	watch := a.store.Watch(p.userID) // before the first read: a write between the two still wakes us
	defer watch.Close()
	v, err := a.store.LibraryVersion(ctx, p.userID, p.deviceID)
	if err != nil || v > since || secs == 0 {
		return a.waitAnswer(c, v, since, err)
	}
	timeout := time.Duration(secs) * time.Second
	lease := auth.RandomToken(12)
	ok, err := a.store.OpenWait(ctx, lease, p.userID, c.RealIP(), a.cfg.Now().Add(timeout+leaseGrace),
		sqlite.WaitLimits{PerAccount: cfg.PerAccount, PerAddress: cfg.PerAddress})
	if err != nil {
		return err
	}
	if !ok {
		c.Response().Header().Set("Retry-After", strconv.Itoa(int((timeout+leaseGrace)/time.Second)))
		return apiError(syncproto.CodeRateLimited, "too many waits open for this account or address; retry later")
	}
	defer func() {
		if err := a.store.CloseWait(context.WithoutCancel(ctx), lease); err != nil {
			a.cfg.Logger.Warn("close sync wait", "error", err) // its lease expires by itself
		}
	}()
	deadline := time.Now().Add(timeout)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			return a.waitAnswer(c, v, since, nil)
		}
		t := time.NewTimer(min(left, cfg.Poll))
		select {
		case <-watch.C:
		case <-t.C:
		case <-ctx.Done(): // the client went away
			t.Stop()
			return ctx.Err()
		}
		t.Stop()
		if v, err = a.store.LibraryVersion(ctx, p.userID, p.deviceID); err != nil || v > since {
			return a.waitAnswer(c, v, since, err)
		}
	}
}

func (a *app) waitAnswer(c echo.Context, v, since int64, err error) error {
	if err != nil {
		return err
	}
	c.Response().Header().Set(syncproto.HeaderLastModifiedVersion, strconv.FormatInt(v, 10))
	if v > since {
		return c.JSON(http.StatusOK, syncproto.WaitResponse{Version: v})
	}
	return c.NoContent(http.StatusNoContent)
}
