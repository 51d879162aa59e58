package sqlite_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/sqlite"
	"github.com/papergist/papergist/shared/syncproto"
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

// PushOnce reads the device check and the key's stored answer with the push's first snapshot.
func TestPushOnce(t *testing.T) {
	s, c := mustOpenStore(t)
	ctx := context.Background()
	ada, laptop := mustUser(t, s, c, "ada", "r-ada")
	title := func(s string) *string { return &s }
	push := &syncproto.PushRequest{Changes: []syncproto.Change{{ID: "arxiv:1706.03762", Title: title("Attention")}}}

	resp, prev, err := s.PushOnce(ctx, ada.ID, laptop.ID, "k1", push)
	require.NoError(t, err)
	assert.Nil(t, prev)
	assert.Equal(t, int64(1), resp.Version)
	require.Len(t, resp.Results, 1)
	assert.Equal(t, syncproto.StatusApplied, resp.Results[0].Status)

	answer := sqlite.StoredResponse{RequestHash: "h1", Status: 200, Body: []byte(`{"version":1}`)}
	_, err = s.SaveIdempotentResponse(ctx, ada.ID, "k1", answer)
	require.NoError(t, err)
	again := &syncproto.PushRequest{Changes: []syncproto.Change{{ID: "arxiv:2005.14165", Title: title("GPT-3")}}}
	resp, prev, err = s.PushOnce(ctx, ada.ID, laptop.ID, "k1", again)
	require.NoError(t, err)
	assert.Equal(t, &answer, prev, "the key's stored answer")
	assert.Equal(t, syncproto.PushResponse{}, resp)
	page, err := s.Pull(ctx, ada.ID, laptop.ID, 0, 10)
	require.NoError(t, err)
	assert.Equal(t, int64(1), page.Version, "a key with an answer writes nothing")
	assert.Len(t, page.Items, 1)

	require.NoError(t, s.DeleteDevice(ctx, ada.ID, laptop.ID))
	_, prev, err = s.PushOnce(ctx, ada.ID, laptop.ID, "k2", again)
	assert.Equal(t, syncproto.CodeUnauthorized, codeOf(err), "a revoked session pushes nothing")
	assert.Nil(t, prev)
	_, prev, err = s.PushOnce(ctx, ada.ID, laptop.ID, "k1", again)
	assert.Equal(t, syncproto.CodeUnauthorized, codeOf(err), "nor replays")
	assert.Nil(t, prev)
	v, err := s.Push(ctx, ada.ID, &syncproto.PushRequest{})
	require.NoError(t, err)
	assert.Equal(t, int64(1), v.Version)
}
