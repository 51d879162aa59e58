package sqlite_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/sqlite"
)

func TestIdempotentResponses(t *testing.T) {
	s, c := mustOpenStore(t)
	ctx := context.Background()
	ada, _ := mustUser(t, s, c, "ada", "r-ada")
	eve, _ := mustUser(t, s, c, "eve", "r-eve")

	got, err := s.IdempotentResponse(ctx, ada.ID, "k1")
	require.NoError(t, err)
	assert.Nil(t, got)

	first := sqlite.StoredResponse{RequestHash: "h1", Status: 200, Body: []byte(`{"version":1}`)}
	stored, err := s.SaveIdempotentResponse(ctx, ada.ID, "k1", first)
	require.NoError(t, err)
	assert.Equal(t, first, stored)
	// A racing second answer to the same key loses: the first one is what is replayed.
	stored, err = s.SaveIdempotentResponse(ctx, ada.ID, "k1", sqlite.StoredResponse{RequestHash: "h1", Status: 200, Body: []byte(`{"version":2}`)})
	require.NoError(t, err)
	assert.Equal(t, first, stored)

	got, err = s.IdempotentResponse(ctx, eve.ID, "k1")
	require.NoError(t, err)
	assert.Nil(t, got, "keys are per user")
}
