package sqlite_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/sqlite"
	"github.com/papergist/papergist/shared/syncproto"
)

func TestRefreshTokenReuseRevokesTheLogin(t *testing.T) {
	s, c := mustOpenStore(t)
	ctx := context.Background()
	ada, laptop := mustUser(t, s, c, "ada", "r1")

	userID, deviceID, err := s.UseRefreshToken(ctx, "r1")
	require.NoError(t, err)
	assert.Equal(t, [2]string{ada.ID, laptop.ID}, [2]string{userID, deviceID})
	require.NoError(t, s.AddRefreshToken(ctx, laptop.ID, "r2", c.Now().Add(time.Hour)))

	_, _, err = s.UseRefreshToken(ctx, "nope")
	assert.Equal(t, syncproto.CodeUnauthorized, codeOf(err))
	c.Advance(2 * time.Minute)
	_, _, err = s.UseRefreshToken(ctx, "r1")
	assert.ErrorIs(t, err, sqlite.ErrRefreshReused)
	active, err := s.DeviceActive(ctx, ada.ID, laptop.ID)
	require.NoError(t, err)
	assert.False(t, active)
}
