package sqlite_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/internal/apitest"
	"github.com/papergist/papergist/backend/sqlite"
	"github.com/papergist/papergist/shared/syncproto"
)

const grace = time.Minute

// rotate trades token for "<token>+" (the successor the caller would derive) and returns the login's ids.
func rotate(s *sqlite.Store, c *clock, token string) (userID, deviceID string, err error) {
	return s.RotateRefreshToken(context.Background(), token, token+"+", c.Now().Add(time.Hour), grace)
}

func alive(t *testing.T, s *sqlite.Store, u sqlite.User, d sqlite.Device) bool {
	t.Helper()
	ok, err := s.DeviceActive(context.Background(), u.ID, d.ID)
	require.NoError(t, err)
	return ok
}

func TestRefreshRotation(t *testing.T) {
	t.Run("rotates to the successor", func(t *testing.T) {
		s, c := mustOpenStore(t)
		ada, laptop := mustUser(t, s, c, "ada", "r1")
		userID, deviceID, err := rotate(s, c, "r1")
		require.NoError(t, err)
		assert.Equal(t, [2]string{ada.ID, laptop.ID}, [2]string{userID, deviceID})
		c.Advance(time.Second)
		_, _, err = rotate(s, c, "r1+")
		require.NoError(t, err)
		_, _, err = rotate(s, c, "nope")
		assert.Equal(t, syncproto.CodeUnauthorized, codeOf(err))
		assert.True(t, alive(t, s, ada, laptop), "an unknown token revokes nothing")
	})
	t.Run("a retry within the grace gets the same successor", func(t *testing.T) {
		s, c := mustOpenStore(t)
		ada, laptop := mustUser(t, s, c, "ada", "r1")
		_, _, err := rotate(s, c, "r1") // the answer is lost
		require.NoError(t, err)
		c.Advance(grace - time.Second)
		_, deviceID, err := rotate(s, c, "r1")
		require.NoError(t, err)
		assert.Equal(t, laptop.ID, deviceID)
		_, _, err = rotate(s, c, "r1+") // the successor works, and is now used
		require.NoError(t, err)
		_, _, err = rotate(s, c, "r1")
		assert.ErrorIs(t, err, sqlite.ErrRefreshReused, "reuse after the successor was used")
		assert.False(t, alive(t, s, ada, laptop))
		_, _, err = rotate(s, c, "r1++")
		assert.Equal(t, syncproto.CodeUnauthorized, codeOf(err), "the whole login is gone")
	})
	t.Run("reuse after the grace revokes", func(t *testing.T) {
		s, c := mustOpenStore(t)
		ada, laptop := mustUser(t, s, c, "ada", "r1")
		_, _, err := rotate(s, c, "r1")
		require.NoError(t, err)
		c.Advance(grace + time.Second)
		_, _, err = rotate(s, c, "r1")
		assert.ErrorIs(t, err, sqlite.ErrRefreshReused)
		assert.False(t, alive(t, s, ada, laptop))
	})
	t.Run("reuse of an older token revokes", func(t *testing.T) {
		s, c := mustOpenStore(t)
		ada, laptop := mustUser(t, s, c, "ada", "r1")
		for _, tok := range []string{"r1", "r1+", "r1++"} {
			_, _, err := rotate(s, c, tok)
			require.NoError(t, err)
		}
		_, _, err := rotate(s, c, "r1")
		assert.ErrorIs(t, err, sqlite.ErrRefreshReused)
		assert.False(t, alive(t, s, ada, laptop))
	})
	t.Run("an expired token is refused and revokes nothing", func(t *testing.T) {
		s, c := mustOpenStore(t)
		ada, laptop := mustUser(t, s, c, "ada", "r1")
		c.Advance(2 * time.Hour)
		_, _, err := rotate(s, c, "r1")
		assert.Equal(t, syncproto.CodeUnauthorized, codeOf(err))
		assert.True(t, alive(t, s, ada, laptop))
	})
	t.Run("concurrent refreshes with one token all succeed", func(t *testing.T) {
		s, c := mustOpenStore(t)
		ada, laptop := mustUser(t, s, c, "ada", "r1")
		var wg sync.WaitGroup
		errs := make([]error, 8)
		for i := range errs {
			wg.Go(func() { _, _, errs[i] = rotate(s, c, "r1") })
		}
		wg.Wait()
		assert.Equal(t, make([]error, 8), errs)
		_, _, err := rotate(s, c, "r1+")
		require.NoError(t, err, "the one successor they all got")
		assert.True(t, alive(t, s, ada, laptop))
	})
}

// TestRefreshTokensFromBeforeChainsKeepWorking: a login's live token stored before migration 0003 (a row of
// refresh_tokens without used_at) becomes its chain, and a used one still counts as retired.
func TestRefreshTokensFromBeforeChainsKeepWorking(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "old.db"))
	require.NoError(t, err)
	defer db.Close()
	c := apitest.NewClock(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	s := sqlite.New(db, c.Now)
	for _, q := range []string{
		`DROP TABLE refresh_chains`,
		`DELETE FROM schema_migrations WHERE name LIKE '%0003_refresh_chains.sql'`,
		`INSERT INTO users (id, email, password_hash, created_at) VALUES ('u', 'u@example.org', 'h', 0)`,
		`INSERT INTO devices (id, user_id, name, created_at, last_seen_at) VALUES ('d', 'u', 'old', 0, 0)`,
		`INSERT INTO refresh_tokens (token_hash, device_id, expires_at, used_at) VALUES ('old-used', 'd', 1e15, 1)`,
		`INSERT INTO refresh_tokens (token_hash, device_id, expires_at, used_at) VALUES ('old-live', 'd', 1e15, NULL)`,
	} {
		_, err := db.ExecContext(ctx, q)
		require.NoError(t, err, q)
	}
	require.NoError(t, sqlite.Migrate(ctx, db))
	userID, deviceID, err := rotate(s, c, "old-live")
	require.NoError(t, err)
	assert.Equal(t, [2]string{"u", "d"}, [2]string{userID, deviceID})
	_, _, err = rotate(s, c, "old-used")
	assert.ErrorIs(t, err, sqlite.ErrRefreshReused)
}
