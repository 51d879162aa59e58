-- One live refresh token per login (device), rotated in place by one UPDATE (see Store.RotateRefreshToken): the
-- current token's hash, the hash of the one it replaced and when, so that a retry of a refresh whose answer was
-- lost gets the same successor. refresh_tokens now only keeps retired tokens (used_at set), so that presenting
-- one again is seen as theft.
CREATE TABLE IF NOT EXISTS refresh_chains (
	device_id     TEXT PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
	token_hash    TEXT NOT NULL UNIQUE,
	previous_hash TEXT,
	rotated_at    INTEGER NOT NULL,
	expires_at    INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS refresh_chains_previous ON refresh_chains (previous_hash);
INSERT INTO refresh_chains (device_id, token_hash, previous_hash, rotated_at, expires_at)
	SELECT device_id, token_hash, NULL, 0, expires_at FROM refresh_tokens WHERE used_at IS NULL
	ON CONFLICT DO NOTHING;
DELETE FROM refresh_tokens WHERE used_at IS NULL;
