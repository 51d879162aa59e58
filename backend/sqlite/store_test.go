package sqlite_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/internal/apitest"
	"github.com/papergist/papergist/backend/sqlite"
	"github.com/papergist/papergist/shared/syncproto"
)

// clock is the store's settable clock.
type clock = apitest.Clock

// mustOpenStore returns a store over a fresh, migrated SQLite file and its clock.
func mustOpenStore(tb testing.TB) (*sqlite.Store, *clock) {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "store.db"))
	require.NoError(tb, err)
	tb.Cleanup(func() { db.Close() })
	c := apitest.NewClock(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	return sqlite.New(db, c.Now), c
}

// mustUser stores a user with a device (login) holding the refresh token hash refresh.
func mustUser(tb testing.TB, s *sqlite.Store, c *clock, id, refresh string) (sqlite.User, sqlite.Device) {
	tb.Helper()
	ctx := context.Background()
	u, err := s.CreateUser(ctx, id, id+"@example.org", "hash")
	require.NoError(tb, err)
	d, err := s.CreateDevice(ctx, u.ID, "dev-"+id, "laptop", refresh, c.Now().Add(time.Hour))
	require.NoError(tb, err)
	return u, d
}

// codeOf is the syncproto code of err, "" when it has none.
func codeOf(err error) string {
	var pe *syncproto.Error
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}
