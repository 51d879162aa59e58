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

func TestDevices(t *testing.T) {
	s, c := mustOpenStore(t)
	ctx := context.Background()
	ada, laptop := mustUser(t, s, c, "ada", "r-ada")
	eve, _ := mustUser(t, s, c, "eve", "r-eve")
	c.Advance(time.Second)
	phone, err := s.CreateDevice(ctx, ada.ID, "phone", "Phone", "r-phone", c.Now().Add(time.Hour))
	require.NoError(t, err)

	list, err := s.Devices(ctx, ada.ID)
	require.NoError(t, err)
	assert.Equal(t, []sqlite.Device{phone, laptop}, list, "newest first, only the user's")

	renamed, err := s.RenameDevice(ctx, ada.ID, phone.ID, "Old phone")
	require.NoError(t, err)
	assert.Equal(t, "Old phone", renamed.Name)
	_, err = s.RenameDevice(ctx, eve.ID, phone.ID, "mine")
	assert.Equal(t, syncproto.CodeNotFound, codeOf(err), "another user's device")

	active, err := s.DeviceActive(ctx, ada.ID, phone.ID)
	require.NoError(t, err)
	assert.True(t, active)
	assert.Equal(t, syncproto.CodeNotFound, codeOf(s.DeleteDevice(ctx, eve.ID, phone.ID)))
	require.NoError(t, s.DeleteDevice(ctx, ada.ID, phone.ID))
	active, err = s.DeviceActive(ctx, ada.ID, phone.ID)
	require.NoError(t, err)
	assert.False(t, active)
	_, _, err = s.RotateRefreshToken(ctx, "r-phone", "r-next", c.Now().Add(time.Hour), time.Minute)
	assert.Equal(t, syncproto.CodeUnauthorized, codeOf(err), "the device's refresh token went with it")
}
