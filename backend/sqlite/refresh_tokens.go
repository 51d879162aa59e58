package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/papergist/papergist/shared/syncproto"
)

// ErrRefreshReused means a retired refresh token was presented again: its login is now deleted.
var ErrRefreshReused = errors.New("refresh token reused")

// startRefreshChain stores the first refresh token of a new login, if the device still exists.
func (s *Store) startRefreshChain(ctx context.Context, deviceID, hash string, expires time.Time) error {
	res, err := s.exec(ctx, `INSERT INTO refresh_chains (device_id, token_hash, previous_hash, rotated_at, expires_at)
		SELECT ?1, ?2, NULL, ?3, ?4 WHERE EXISTS (SELECT 1 FROM devices WHERE id = ?1)`,
		deviceID, hash, ms(s.now()), ms(expires))
	if err != nil {
		return fmt.Errorf("add refresh token: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("add refresh token: %w", err)
	} else if n == 0 {
		return errRevoked()
	}
	return nil
}

// RotateRefreshToken trades the refresh token hashed as hash for its successor, hashed as next (the caller
// derives the successor from the token, so the same token always has the same successor), valid until expires.
// It returns the login's user and device.
//
// The rotation is one UPDATE, so concurrent refreshes with one token cannot fork the login. Within grace of a
// rotation, the token it retired is accepted again as long as its successor is unused (the successor is still
// the login's token): a retry after a lost answer, or concurrent refreshes, get the same successor. Presenting a
// retired token at any other time is reuse, a sign it was stolen: the login (device) is deleted and
// ErrRefreshReused returned. Unknown or expired tokens are CodeUnauthorized errors.
//
// Before rotating, the token is recorded as retired. If the process dies between the two statements, the token
// is recorded but still the login's current one, and rotating it again works; the reverse order could leave a
// retired token unrecorded, whose reuse would then go unnoticed.
func (s *Store) RotateRefreshToken(ctx context.Context, hash, next string, expires time.Time, grace time.Duration) (userID, deviceID string, err error) {
	now := ms(s.now())
	if _, err := s.exec(ctx, `INSERT INTO refresh_tokens (token_hash, device_id, expires_at, used_at)
		SELECT token_hash, device_id, expires_at, ?2 FROM refresh_chains WHERE token_hash = ?1 AND expires_at > ?2
		ON CONFLICT DO NOTHING`, hash, now); err != nil {
		return "", "", fmt.Errorf("retire refresh token: %w", err)
	}
	err = s.writeRow(ctx, `UPDATE refresh_chains SET
			previous_hash = CASE WHEN token_hash = ?1 THEN ?1 ELSE previous_hash END,
			rotated_at = CASE WHEN token_hash = ?1 THEN ?3 ELSE rotated_at END,
			token_hash = ?2, expires_at = ?4
		WHERE (token_hash = ?1 AND expires_at > ?3)
			OR (previous_hash = ?1 AND token_hash = ?2 AND rotated_at > ?3 - ?5 AND expires_at > ?3)
		RETURNING device_id, (SELECT user_id FROM devices WHERE devices.id = refresh_chains.device_id)`,
		[]any{hash, next, now, ms(expires), grace.Milliseconds()}, &deviceID, &userID)
	if err == nil {
		if rand.IntN(64) == 0 { // now and then, forget retired tokens that expired anyway
			if _, err := s.exec(ctx, `DELETE FROM refresh_tokens WHERE expires_at < ?`, now); err != nil {
				return "", "", fmt.Errorf("purge refresh tokens: %w", err)
			}
		}
		return userID, deviceID, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", "", fmt.Errorf("rotate refresh token: %w", err)
	}
	res, err := s.exec(ctx, `DELETE FROM devices WHERE id = (SELECT device_id FROM refresh_tokens WHERE token_hash = ?)`, hash)
	if err != nil {
		return "", "", fmt.Errorf("revoke device: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return "", "", fmt.Errorf("revoke device: %w", err)
	} else if n > 0 {
		return "", "", ErrRefreshReused
	}
	return "", "", syncproto.Errorf(syncproto.CodeUnauthorized, "unknown or expired refresh token")
}
