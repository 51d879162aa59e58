-- Sliding-window rate limits (see Store.Allow): per key, the count of the current fixed window and of the one
-- before it, from which the count over the last window length is estimated. They replace the fixed-window
-- counters, which let twice the limit through around a window boundary.
CREATE TABLE IF NOT EXISTS rate_windows (
	key          TEXT PRIMARY KEY,
	window_start INTEGER NOT NULL, -- unix ms, a multiple of the key's window length
	count        INTEGER NOT NULL,
	prev_count   INTEGER NOT NULL
) WITHOUT ROWID;
DROP TABLE IF EXISTS rate_limits;
