package sqlite_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allowed counts how many of n events on key the store lets through now.
func allowed(t *testing.T, allow func(string) (bool, time.Duration), key string, n int) int {
	t.Helper()
	got := 0
	for range n {
		if ok, _ := allow(key); ok {
			got++
		}
	}
	return got
}

func TestRateLimitsSlide(t *testing.T) {
	s, c := mustOpenStore(t)
	ctx := context.Background()
	const limit, window = 20, time.Minute
	allow := func(key string) (bool, time.Duration) {
		ok, retry, err := s.Allow(ctx, key, limit, window)
		require.NoError(t, err)
		return ok, retry
	}
	// Just before a window boundary, then just after it: a fixed window would let 40 through.
	c.Advance(c.Now().Truncate(window).Add(window - time.Millisecond).Sub(c.Now()))
	assert.Equal(t, limit, allowed(t, allow, "register:a", limit))
	c.Advance(2 * time.Millisecond)
	assert.Equal(t, 0, allowed(t, allow, "register:a", limit), "the boundary lets nothing more through")
	assert.Equal(t, 1, allowed(t, allow, "register:b", 1), "keys count apart")

	// Refused, the caller hears when to come back, and then one more fits.
	ok, retry := allow("register:a")
	require.False(t, ok)
	assert.Greater(t, retry, window-time.Second)
	assert.LessOrEqual(t, retry, 2*window)
	c.Advance(retry - time.Second)
	ok, _ = allow("register:a")
	assert.False(t, ok, "not yet")
	_, retry = allow("register:a")
	c.Advance(retry)
	ok, _ = allow("register:a")
	assert.True(t, ok, "after Retry-After")

	// An idle key is forgotten: a full budget after two windows.
	c.Advance(2 * window)
	assert.Equal(t, limit, allowed(t, allow, "register:a", limit+5))
}

func TestRateLimitsRetryAfterSpreadsOut(t *testing.T) {
	s, c := mustOpenStore(t)
	ctx := context.Background()
	// 5 per minute, used evenly: once the budget is spent, the next slot opens as the oldest events slide out.
	for range 5 {
		ok, _, err := s.Allow(ctx, "k", 5, time.Minute)
		require.NoError(t, err)
		require.True(t, ok)
		c.Advance(12 * time.Second)
	}
	ok, retry, err := s.Allow(ctx, "k", 5, time.Minute)
	require.NoError(t, err)
	assert.False(t, ok)
	assert.Greater(t, retry, time.Duration(0))
	assert.Less(t, retry, 2*time.Minute)
}
