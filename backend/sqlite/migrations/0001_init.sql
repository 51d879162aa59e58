-- papergist schema. Runs on SQLite (modernc) and on Cloudflare D1: every statement is idempotent (IF NOT EXISTS)
-- so that a migration interrupted half-way can simply run again; times are unix milliseconds (INTEGER), never
-- bound as time values, and every integer stays below 2^53.

CREATE TABLE IF NOT EXISTS users (
	id            TEXT PRIMARY KEY,      -- random, opaque
	email         TEXT NOT NULL UNIQUE,  -- lower-cased
	password_hash TEXT NOT NULL,         -- PHC string, see backend/auth
	created_at    INTEGER NOT NULL
);

-- A device is one login session; its refresh tokens and its access tokens die with it.
CREATE TABLE IF NOT EXISTS devices (
	id           TEXT PRIMARY KEY,
	user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name         TEXT NOT NULL,
	created_at   INTEGER NOT NULL,
	last_seen_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS devices_user ON devices (user_id);

-- Refresh tokens are stored hashed. A used token is kept (used_at set) so that presenting it again is detected as
-- reuse, which deletes the device and with it every token of that login.
CREATE TABLE IF NOT EXISTS refresh_tokens (
	token_hash TEXT PRIMARY KEY,
	device_id  TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
	expires_at INTEGER NOT NULL,
	used_at    INTEGER
);
CREATE INDEX IF NOT EXISTS refresh_tokens_device ON refresh_tokens (device_id);

-- Saved items and their tombstones. The library version of a user is max(version) over their rows, so a write
-- that stores its rows also advances the library version, in one statement (see store.go). Tombstones
-- (deleted = 1) are kept so that pulls can report deletions.
CREATE TABLE IF NOT EXISTS items (
	user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	id      TEXT NOT NULL,               -- canonical paper ID
	version INTEGER NOT NULL,            -- library version of the item's last write
	deleted INTEGER NOT NULL DEFAULT 0,
	data    TEXT NOT NULL,               -- the item as JSON (syncproto.Item), or {"id","version"} for a tombstone
	fields  TEXT NOT NULL,               -- JSON: version of the last write of each field and each tag
	PRIMARY KEY (user_id, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS items_version ON items (user_id, version);

-- The first answer to each Idempotency-Key of a user, replayed for retries.
CREATE TABLE IF NOT EXISTS idempotency_keys (
	user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	key          TEXT NOT NULL,
	request_hash TEXT NOT NULL,
	status       INTEGER NOT NULL,
	body         TEXT NOT NULL,
	created_at   INTEGER NOT NULL,
	PRIMARY KEY (user_id, key)
) WITHOUT ROWID;

-- Fixed-window counters for rate limits, keyed like "login:acct:<email>" or "login:addr:<ip>".
CREATE TABLE IF NOT EXISTS rate_limits (
	key          TEXT PRIMARY KEY,
	window_start INTEGER NOT NULL,
	count        INTEGER NOT NULL
) WITHOUT ROWID;
