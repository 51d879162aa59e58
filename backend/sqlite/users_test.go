package sqlite_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/sqlite"
	"github.com/papergist/papergist/shared/syncproto"
)

func TestUsers(t *testing.T) {
	s, c := mustOpenStore(t)
	ctx := context.Background()
	u, err := s.CreateUser(ctx, "u1", "ada@example.org", "$argon2id$…")
	require.NoError(t, err)
	assert.Equal(t, sqlite.User{ID: "u1", Email: "ada@example.org", PasswordHash: "$argon2id$…", CreatedAt: c.Now()}, u)

	_, err = s.CreateUser(ctx, "u2", "ada@example.org", "other")
	assert.Equal(t, syncproto.CodeConflict, codeOf(err), "a taken email")

	byEmail, err := s.UserByEmail(ctx, "ada@example.org")
	require.NoError(t, err)
	assert.Equal(t, u, byEmail)
	byID, err := s.UserByID(ctx, "u1")
	require.NoError(t, err)
	assert.Equal(t, u, byID)

	_, err = s.UserByEmail(ctx, "eve@example.org")
	assert.Equal(t, syncproto.CodeNotFound, codeOf(err))
	_, err = s.UserByID(ctx, "u2")
	assert.Equal(t, syncproto.CodeNotFound, codeOf(err))
}
