package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// Statement is one SQL statement and its arguments, for a Batch.
type Statement struct {
	Query string
	Args  []any
}

// Batch runs statements in order as one unit, all or nothing, and returns how many rows each one returned.
// D1 has no transactions but a batch (one round trip for many statements, run as one unit): the worker gives
// the store one over it (WithBatch). The default runs the statements in a transaction on the *sql.DB.
type Batch func(ctx context.Context, stmts []Statement) ([]int, error)

// WithBatch makes s run its batches with b (D1's batch on Workers) and returns s.
func (s *Store) WithBatch(b Batch) *Store {
	s.batch = b
	return s
}

// runBatch runs stmts with the store's Batch, or in a transaction on db.
func (s *Store) runBatch(ctx context.Context, stmts []Statement) ([]int, error) {
	if s.batch != nil {
		return s.batch(ctx, stmts)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit, a no-op
	counts := make([]int, len(stmts))
	for i, st := range stmts {
		if counts[i], err = countRows(tx.QueryContext(ctx, st.Query, st.Args...)); err != nil {
			return nil, fmt.Errorf("statement %d of the batch: %w", i+1, err)
		}
	}
	return counts, tx.Commit()
}

// countRows counts and closes rows.
func countRows(rows *sql.Rows, err error) (int, error) {
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}
