package httpapi

import (
	"context"
	"time"

	"github.com/papergist/papergist/backend/auth"
	"github.com/papergist/papergist/shared/syncproto"
)

// hashLimiter bounds the password hashes computing at once. Each argon2id run holds Argon2.MemoryKiB (19 MiB by
// default) and a core for tens of milliseconds: unbounded, 50 logins at once took a server to 1.3 GiB and every
// answer to seconds. A hash waits up to wait for a slot; past that the request is answered 503 with
// Retry-After, which costs nothing.
type hashLimiter struct {
	slots chan struct{}
	wait  time.Duration
}

func newHashLimiter(n int, wait time.Duration) *hashLimiter {
	return &hashLimiter{slots: make(chan struct{}, n), wait: wait}
}

// errHashBusy answers a request that found every hash slot taken for too long.
var errHashBusy = apiError(syncproto.CodeUnavailable, "the server is busy checking other passwords; retry in a moment")

// do runs fn in a slot.
func (h *hashLimiter) do(ctx context.Context, fn func() error) error {
	select {
	case h.slots <- struct{}{}:
	default:
		t := time.NewTimer(h.wait)
		defer t.Stop()
		select {
		case h.slots <- struct{}{}:
		case <-t.C:
			return errHashBusy
		case <-ctx.Done():
			return errHashBusy
		}
	}
	defer func() { <-h.slots }()
	return fn()
}

// hashPassword is auth.HashPassword in a hash slot.
func (a *app) hashPassword(ctx context.Context, password string) (hash string, err error) {
	err = a.hashes.do(ctx, func() error {
		hash, err = auth.HashPassword(password, a.cfg.Argon2)
		return err
	})
	return hash, err
}

// verifyPassword is auth.VerifyPassword in a hash slot.
func (a *app) verifyPassword(ctx context.Context, password, hash string) error {
	return a.hashes.do(ctx, func() error { return auth.VerifyPassword(password, hash) })
}
