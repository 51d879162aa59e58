package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"
)

// StoredResponse is the first answer to an Idempotency-Key.
type StoredResponse struct {
	RequestHash string
	Status      int
	Body        []byte
}

// IdempotentResponse returns the stored answer for (user, key), or nil when there is none.
func (s *Store) IdempotentResponse(ctx context.Context, userID, key string) (*StoredResponse, error) {
	var r StoredResponse
	var body string
	err := s.queryRow(ctx, `SELECT request_hash, status, body FROM idempotency_keys WHERE user_id = ? AND key = ?`, userID, key).
		Scan(&r.RequestHash, &r.Status, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read idempotency key: %w", err)
	}
	r.Body = []byte(body)
	return &r, nil
}

// IdempotencyTTL is how long the answer to an Idempotency-Key is kept for replays. The extension keeps a push
// whose answer it lost until it gets one, however long its browser stays closed or offline: were the answer gone
// when the push comes again, the push would be merged anew on its old base versions, bringing back tags and
// papers removed on other devices meanwhile. A month outlasts any ordinary absence.
const IdempotencyTTL = 30 * 24 * time.Hour

// SaveIdempotentResponse records the answer to (user, key) unless one is already there, and returns the answer
// that is stored: the first one wins when two identical requests race. Now and then it drops the user's answers
// older than IdempotencyTTL.
func (s *Store) SaveIdempotentResponse(ctx context.Context, userID, key string, r StoredResponse) (StoredResponse, error) {
	if purge, ok := s.purgeNowAndThen(userID); ok {
		if _, err := s.exec(ctx, purge.Query, purge.Args...); err != nil {
			return StoredResponse{}, fmt.Errorf("purge idempotency keys: %w", err)
		}
	}
	// RETURNING says whether this answer was stored, so the stored one is read back only when another was first.
	var stored1 int
	err := s.writeRow(ctx, `INSERT INTO idempotency_keys (user_id, key, request_hash, status, body, created_at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1`,
		[]any{userID, key, r.RequestHash, r.Status, string(r.Body), ms(s.now())}, &stored1)
	if err == nil {
		return r, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return StoredResponse{}, fmt.Errorf("save idempotency key: %w", err)
	}
	stored, err := s.IdempotentResponse(ctx, userID, key)
	if err != nil || stored == nil {
		return r, err
	}
	return *stored, nil
}

// purgeNowAndThen returns, for one call in 32, the statement that drops the user's answers older than
// IdempotencyTTL.
func (s *Store) purgeNowAndThen(userID string) (Statement, bool) {
	if rand.IntN(32) != 0 {
		return Statement{}, false
	}
	return Statement{`DELETE FROM idempotency_keys WHERE user_id = ? AND created_at < ?`,
		[]any{userID, ms(s.now().Add(-IdempotencyTTL))}}, true
}
