-- Open long polls of GET /v1/sync/wait, as leases: a row per waiting request, deleted when it answers. A request
-- that dies without deleting its row (a killed process, a dropped Workers request) only holds its lease until
-- expires_at, so the limits on open waits per account and per address never stay used up.
CREATE TABLE IF NOT EXISTS sync_waits (
	id         TEXT PRIMARY KEY,
	user_id    TEXT NOT NULL,
	address    TEXT NOT NULL,
	expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sync_waits_user ON sync_waits (user_id, expires_at);
CREATE INDEX IF NOT EXISTS sync_waits_address ON sync_waits (address, expires_at);
