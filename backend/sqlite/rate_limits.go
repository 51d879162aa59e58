package sqlite

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// Allow counts one event against key and reports whether at most limit events happened in the last window
// (this one included); when not, retry is how long until one more would be allowed, if none came meanwhile.
//
// It is a sliding window: the count of the current fixed window plus the previous window's count weighted by how
// much of it the sliding window still covers. So there is no boundary at which twice the limit gets through.
// Counting is one upsert, so the counters live in the database (no process memory survives a Workers request)
// and concurrent events never lose increments. Refused events count too: hammering keeps a key refused.
func (s *Store) Allow(ctx context.Context, key string, limit int, window time.Duration) (ok bool, retry time.Duration, err error) {
	now := s.now()
	start := now.Truncate(window)
	var count, prev int
	err = s.writeRow(ctx, `INSERT INTO rate_windows (key, window_start, count, prev_count) VALUES (?1, ?2, 1, 0)
		ON CONFLICT (key) DO UPDATE SET
			prev_count = CASE WHEN window_start = excluded.window_start THEN prev_count
				WHEN window_start = excluded.window_start - ?3 THEN count ELSE 0 END,
			count = CASE WHEN window_start = excluded.window_start THEN count + 1 ELSE 1 END,
			window_start = excluded.window_start
		RETURNING count, prev_count`, []any{key, ms(start), window.Milliseconds()}, &count, &prev)
	if err != nil {
		return false, 0, fmt.Errorf("rate limit %s: %w", key, err)
	}
	if rand.IntN(64) == 0 { // now and then, forget counters idle for a day
		if _, err := s.exec(ctx, `DELETE FROM rate_windows WHERE window_start < ?`, ms(now.Add(-24*time.Hour))); err != nil {
			return false, 0, fmt.Errorf("purge rate limits: %w", err)
		}
	}
	elapsed := now.Sub(start)
	if slidingCount(prev, count, elapsed, window) <= float64(limit) {
		return true, 0, nil
	}
	return false, retryAfter(prev, count, limit, elapsed, window), nil
}

// slidingCount estimates the events in the window ending now, elapsed into the current fixed window.
func slidingCount(prev, count int, elapsed, window time.Duration) float64 {
	return float64(prev)*(1-float64(elapsed)/float64(window)) + float64(count)
}

// retryAfter is how long until one more event fits under limit, if none comes meanwhile.
func retryAfter(prev, count, limit int, elapsed, window time.Duration) time.Duration {
	room := float64(limit - 1) // what the estimate must fall to for one more event to fit
	var wait time.Duration
	if float64(count) <= room && prev > 0 {
		// Still in this window: the previous window's share must shrink.
		at := float64(window) * (1 - (room-float64(count))/float64(prev))
		wait = time.Duration(at) - elapsed
	} else {
		// In the next window, this window's count is the one that shrinks.
		at := 0.0
		if count > 0 {
			at = float64(window) * math.Max(0, 1-room/float64(count))
		}
		wait = window - elapsed + time.Duration(at)
	}
	return max(wait+time.Millisecond, time.Millisecond) // +1 ms: the float math rounds down
}
