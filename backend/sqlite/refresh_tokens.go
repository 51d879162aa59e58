package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/papergist/papergist/shared/syncproto"
)

// AddRefreshToken stores the hash of a device's new refresh token, if the device still exists (a logout may
// have raced the refresh): otherwise it is a CodeUnauthorized error.
func (s *Store) AddRefreshToken(ctx context.Context, deviceID, hash string, expires time.Time) error {
	res, err := s.exec(ctx, `INSERT INTO refresh_tokens (token_hash, device_id, expires_at)
		SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM devices WHERE id = ?2)`, hash, deviceID, ms(expires))
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

// ErrRefreshReused means a refresh token was presented after it had been used: its login is now deleted.
var ErrRefreshReused = errors.New("refresh token reused")

// UseRefreshToken marks an unused, unexpired refresh token as used and returns its user and device, in one
// statement, so that two concurrent refreshes with the same token cannot both succeed. A token that was already
// used is reuse, a sign it was stolen: the whole login (device) is deleted and ErrRefreshReused returned.
// Unknown or expired tokens are CodeUnauthorized errors.
//
// Crash safety: if the process dies after this statement and before the new token is stored, the client has no
// valid refresh token and logs in again; it can never end with two valid tokens for one login.
func (s *Store) UseRefreshToken(ctx context.Context, hash string) (userID, deviceID string, err error) {
	now := ms(s.now())
	err = s.writeRow(ctx, `UPDATE refresh_tokens SET used_at = ?1
		WHERE token_hash = ?2 AND used_at IS NULL AND expires_at > ?1
		RETURNING device_id, (SELECT user_id FROM devices WHERE devices.id = refresh_tokens.device_id)`,
		[]any{now, hash}, &deviceID, &userID)
	if err == nil {
		now := ms(s.now())
		if _, err := s.exec(ctx, `UPDATE devices SET last_seen_at = ? WHERE id = ?`, now, deviceID); err != nil {
			return "", "", fmt.Errorf("touch device: %w", err)
		}
		return userID, deviceID, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", "", fmt.Errorf("use refresh token: %w", err)
	}
	var reused sql.NullString
	err = s.queryRow(ctx, `SELECT device_id FROM refresh_tokens WHERE token_hash = ? AND used_at IS NOT NULL`, hash).Scan(&reused)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", syncproto.Errorf(syncproto.CodeUnauthorized, "unknown or expired refresh token")
	}
	if err != nil {
		return "", "", fmt.Errorf("check refresh token: %w", err)
	}
	if _, err := s.exec(ctx, `DELETE FROM devices WHERE id = ?`, reused.String); err != nil {
		return "", "", fmt.Errorf("revoke device: %w", err)
	}
	return "", "", ErrRefreshReused
}

// RevokeRefreshToken is logout by refresh token: the token's device is deleted.
func (s *Store) RevokeRefreshToken(ctx context.Context, userID, hash string) error {
	_, err := s.exec(ctx, `DELETE FROM devices WHERE user_id = ? AND id = (SELECT device_id FROM refresh_tokens WHERE token_hash = ?)`, userID, hash)
	if err != nil {
		return fmt.Errorf("revoke refresh token: %w", err)
	}
	return nil
}
