package sqlite_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

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

// PushOnce reads the device check and the key's stored answer with the push's snapshot, and stores its answer
// with its write.
func TestPushOnce(t *testing.T) {
	s, c := mustOpenStore(t)
	ctx := context.Background()
	ada, laptop := mustUser(t, s, c, "ada", "r-ada")
	title := func(s string) *string { return &s }
	push := &syncproto.PushRequest{Changes: []syncproto.Change{{ID: "arxiv:1706.03762", Title: title("Attention")}}}

	ans, v, fresh, err := s.PushOnce(ctx, ada.ID, laptop.ID, "k1", "h1", push)
	require.NoError(t, err)
	assert.True(t, fresh)
	assert.Equal(t, int64(1), v)
	var resp syncproto.PushResponse
	require.NoError(t, json.Unmarshal(ans.Body, &resp))
	assert.Equal(t, int64(1), resp.Version)
	require.Len(t, resp.Results, 1)
	assert.Equal(t, syncproto.StatusApplied, resp.Results[0].Status)
	assert.Equal(t, sqlite.StoredResponse{RequestHash: "h1", Status: 200, Body: ans.Body}, ans)
	stored, err := s.IdempotentResponse(ctx, ada.ID, "k1")
	require.NoError(t, err)
	assert.Equal(t, &ans, stored, "the answer is stored with the write")

	// The key has an answer: nothing is written, whatever the body, and the stored answer comes back.
	again := &syncproto.PushRequest{Changes: []syncproto.Change{{ID: "arxiv:2005.14165", Title: title("GPT-3")}}}
	got, _, fresh, err := s.PushOnce(ctx, ada.ID, laptop.ID, "k1", "h2", again)
	require.NoError(t, err)
	assert.False(t, fresh)
	assert.Equal(t, ans, got)
	page, err := s.Pull(ctx, ada.ID, laptop.ID, 0, 10)
	require.NoError(t, err)
	assert.Equal(t, int64(1), page.Version, "a key with an answer writes nothing")
	assert.Len(t, page.Items, 1)

	// A push that writes nothing (a change equal to what is stored) stores its answer alone.
	same := &syncproto.PushRequest{Changes: []syncproto.Change{{ID: "arxiv:1706.03762", BaseVersion: 1, Title: title("Attention")}}}
	ans, v, fresh, err = s.PushOnce(ctx, ada.ID, laptop.ID, "k3", "h3", same)
	require.NoError(t, err)
	assert.True(t, fresh)
	assert.Equal(t, int64(1), v)
	stored, err = s.IdempotentResponse(ctx, ada.ID, "k3")
	require.NoError(t, err)
	assert.Equal(t, &ans, stored)

	require.NoError(t, s.DeleteDevice(ctx, ada.ID, laptop.ID))
	_, _, _, err = s.PushOnce(ctx, ada.ID, laptop.ID, "k2", "h2", again)
	assert.Equal(t, syncproto.CodeUnauthorized, codeOf(err), "a revoked session pushes nothing")
	_, _, _, err = s.PushOnce(ctx, ada.ID, laptop.ID, "k1", "h1", again)
	assert.Equal(t, syncproto.CodeUnauthorized, codeOf(err), "nor replays")
	stored, err = s.IdempotentResponse(ctx, ada.ID, "k2")
	require.NoError(t, err)
	assert.Nil(t, stored)
}

// A batch (here the default, a transaction) is all or nothing: PushOnce relies on it to store a push's answer
// with its rows.
func TestBatchIsAllOrNothing(t *testing.T) {
	s, c := mustOpenStore(t)
	ctx := context.Background()
	ada, laptop := mustUser(t, s, c, "ada", "r-ada")
	_, err := s.SaveIdempotentResponse(ctx, ada.ID, "k1", sqlite.StoredResponse{RequestHash: "h", Status: 200, Body: []byte(`{}`)})
	require.NoError(t, err)
	_, err = s.RunBatch(ctx, []sqlite.Statement{
		{Query: `INSERT INTO items (user_id, id, version, deleted, data, fields) VALUES (?, 'arxiv:1', 1, 0, '{}', '{}')`, Args: []any{ada.ID}},
		{Query: `INSERT INTO idempotency_keys (user_id, key, request_hash, status, body, created_at) VALUES (?, 'k1', 'h', 200, '', 0)`, Args: []any{ada.ID}},
	})
	require.Error(t, err, "the second statement fails on the key")
	page, err := s.Pull(ctx, ada.ID, laptop.ID, 0, 10)
	require.NoError(t, err)
	assert.Empty(t, page.Items, "so the first one is undone")
}

// TestIdempotentAnswersOutlastAnAbsence: a push whose answer was lost is replayed from the stored answer after the
// browser stayed closed for days (the purge, one call in 32, keeps it), and answers are dropped after the TTL.
func TestIdempotentAnswersOutlastAnAbsence(t *testing.T) {
	s, c := mustOpenStore(t)
	ctx := context.Background()
	ada, _ := mustUser(t, s, c, "ada", "r-ada")
	lost := sqlite.StoredResponse{RequestHash: "h", Status: 200, Body: []byte(`{"version":7}`)}
	_, err := s.SaveIdempotentResponse(ctx, ada.ID, "lost", lost)
	require.NoError(t, err)
	// Saves of other keys, enough that the random purge runs (each runs it with probability 1/32).
	saves := func(prefix string) {
		for i := range 400 {
			_, err := s.SaveIdempotentResponse(ctx, ada.ID, fmt.Sprintf("%s-%d", prefix, i), sqlite.StoredResponse{RequestHash: "x", Status: 200, Body: []byte(`{}`)})
			require.NoError(t, err)
		}
	}
	c.Advance(10 * 24 * time.Hour) // a browser closed over a holiday
	saves("later")
	got, err := s.IdempotentResponse(ctx, ada.ID, "lost")
	require.NoError(t, err)
	require.NotNil(t, got, "still answered from the store 10 days later")
	assert.Equal(t, lost, *got)

	c.Advance(sqlite.IdempotencyTTL)
	saves("much-later")
	got, err = s.IdempotentResponse(ctx, ada.ID, "lost")
	require.NoError(t, err)
	assert.Nil(t, got, "dropped after the TTL")
}
