package sqlite

import "context"

// RunBatch exposes runBatch to the tests.
func (s *Store) RunBatch(ctx context.Context, stmts []Statement) ([]int, error) {
	return s.runBatch(ctx, stmts)
}
