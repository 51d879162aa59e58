package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/papergist/papergist/shared/syncproto"
)

// Store is the papergist storage over a *sql.DB opened by the caller (modernc SQLite or D1).
type Store struct {
	db    *sql.DB
	now   func() time.Time
	stmts sync.Map // query → *sql.Stmt: a cache of prepared statements, nothing that must outlive a request
	// writeMu queues this process's writes in Go. SQLite allows one writer at a time anyway, and without it
	// concurrent writers wait in SQLite's busy handler, which sleeps in steps of up to 100 ms. It only orders
	// statements; correctness never depends on it (D1 and other processes are serialized by the database).
	writeMu sync.Mutex
	// watchers wakes long polls when a write commits (notify.go).
	watchers watchers
	// batch runs batches (batch.go); nil: a transaction on db.
	batch Batch
}

// New returns a Store over db; now is the clock for every stored time.
func New(db *sql.DB, now func() time.Time) *Store {
	return &Store{db: db, now: now}
}

// Ping reports whether the database answers, has the schema and can write, for readiness checks: it rewrites
// the one row of readiness_probe, so a full disk or a read-only file fails it. (It touches a table of the
// migrations, not schema_migrations: on D1, wrangler records the migrations in its own table.)
func (s *Store) Ping(ctx context.Context) error {
	_, err := s.exec(ctx, `INSERT INTO readiness_probe (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at`, ms(s.now()))
	return err
}

// stmt returns a prepared statement for query, preparing it once.
func (s *Store) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := s.stmts.Load(query); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if prev, loaded := s.stmts.LoadOrStore(query, st); loaded {
		st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

// exec runs a write statement.
func (s *Store) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return st.ExecContext(ctx, args...)
}

// writeRow runs a write statement with RETURNING and scans its one row.
func (s *Store) writeRow(ctx context.Context, query string, args []any, dest ...any) error {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return st.QueryRowContext(ctx, args...).Scan(dest...)
}

func (s *Store) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (s *Store) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return s.db.QueryRowContext(ctx, query, args...) // returns the same error through Scan
	}
	return st.QueryRowContext(ctx, args...)
}

// ms is how times are stored and bound: unix milliseconds (D1 cannot bind time.Time).
func ms(t time.Time) int64 { return t.UnixMilli() }

func notFound(format string, args ...any) error {
	return syncproto.Errorf(syncproto.CodeNotFound, format, args...)
}

// likeEscape escapes LIKE wildcards; queries use ESCAPE '\'.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func decodeItem(data string) (syncproto.Item, error) {
	var it syncproto.Item
	if err := json.Unmarshal([]byte(data), &it); err != nil {
		return it, fmt.Errorf("decode stored item: %w", err)
	}
	return it, nil
}
