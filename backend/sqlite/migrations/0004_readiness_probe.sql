-- One row that readiness checks rewrite (see Store.Ping), so that /readyz notices a database that cannot write.
CREATE TABLE IF NOT EXISTS readiness_probe (
	id INTEGER PRIMARY KEY,
	at INTEGER NOT NULL
);
