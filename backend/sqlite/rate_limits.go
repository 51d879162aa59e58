package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"
)

// Hit counts one event against a fixed-window rate limit and returns the count in the current window, in one
// upsert, so the counter lives in the database (no process memory survives a Workers request) and concurrent
// hits never lose increments.
func (s *Store) Hit(ctx context.Context, key string, window time.Duration) (int, error) {
	start := ms(s.now().Truncate(window))
	var n int
	err := s.writeRow(ctx, `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
		ON CONFLICT (key) DO UPDATE SET
			count = CASE WHEN window_start = excluded.window_start THEN count + 1 ELSE 1 END,
			window_start = excluded.window_start
		RETURNING count`, []any{key, start}, &n)
	if err != nil {
		return 0, fmt.Errorf("rate limit %s: %w", key, err)
	}
	if rand.IntN(64) == 0 { // now and then, forget counters of windows long past
		if _, err := s.exec(ctx, `DELETE FROM rate_limits WHERE window_start < ?`, ms(s.now().Add(-24*time.Hour))); err != nil {
			return 0, fmt.Errorf("purge rate limits: %w", err)
		}
	}
	return n, nil
}
