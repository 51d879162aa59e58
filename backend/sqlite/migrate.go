// Package sqlite stores papergist users, device sessions and synced libraries over a *sql.DB.
//
// The SQL runs unchanged on SQLite (modernc.org/sqlite, the native server) and on Cloudflare D1 (the worker),
// whose driver has no transactions. So every write is ONE statement: single-row upserts with RETURNING, and a
// push of many items as one INSERT … SELECT FROM json_each(?) guarded by the library version it was computed
// from. A statement is atomic on both, which is the whole crash-safety argument (see Store.PushOnce).
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// Migrations are the ordered schema files; wrangler's migrations_dir can point at this same folder.
//
//go:embed migrations/*.sql
var Migrations embed.FS

// Migrate applies the migrations that are not yet recorded in schema_migrations, in name order. Each file is
// split into statements and run one by one (D1 runs one statement per call); every statement is idempotent, so
// a migration interrupted by a crash is simply run again, and only recorded once all of it has run.
func Migrate(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL DEFAULT (unixepoch()))`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	names, err := fs.Glob(Migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	slices.Sort(names)
	for _, name := range names {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE name = ?`, name).Scan(&n); err != nil {
			return fmt.Errorf("read schema_migrations: %w", err)
		}
		if n > 0 {
			continue
		}
		src, err := Migrations.ReadFile(name)
		if err != nil {
			return err
		}
		for _, stmt := range statements(string(src)) {
			if _, err := db.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("migration %s: %w", name, err)
			}
		}
		if _, err := db.ExecContext(ctx, `INSERT INTO schema_migrations (name) VALUES (?) ON CONFLICT DO NOTHING`, name); err != nil {
			return fmt.Errorf("record migration %s: %w", name, err)
		}
	}
	return nil
}

// statements splits a migration file at semicolons that end a line, dropping comment-only lines. Our migrations
// hold no triggers or string literals with ";\n", which keeps this simple.
func statements(src string) []string {
	var out []string
	var b strings.Builder
	for _, line := range strings.Split(src, "\n") {
		if t := strings.TrimSpace(line); t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
		if strings.HasSuffix(strings.TrimSpace(line), ";") {
			out = append(out, strings.TrimSpace(b.String()))
			b.Reset()
		}
	}
	if s := strings.TrimSpace(b.String()); s != "" {
		out = append(out, s)
	}
	return out
}
