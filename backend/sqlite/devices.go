package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Device is one login session of a user.
type Device struct {
	ID         string    `json:"id"`
	Name       string    `json:"name"`
	CreatedAt  time.Time `json:"created_at"`
	LastSeenAt time.Time `json:"last_seen_at"`
}

// CreateDevice starts a login session with its first refresh token. Two statements: a crash between them leaves
// a device without a token, a session nobody can use (harmless; the user deletes it from the device list). The
// foreign key makes a token without a device impossible.
func (s *Store) CreateDevice(ctx context.Context, userID, deviceID, name, refreshHash string, refreshExpires time.Time) (Device, error) {
	now := s.now().UTC().Truncate(time.Millisecond)
	if _, err := s.exec(ctx, `INSERT INTO devices (id, user_id, name, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)`,
		deviceID, userID, name, ms(now), ms(now)); err != nil {
		return Device{}, fmt.Errorf("create device: %w", err)
	}
	if err := s.startRefreshChain(ctx, deviceID, refreshHash, refreshExpires); err != nil {
		return Device{}, err
	}
	return Device{ID: deviceID, Name: name, CreatedAt: now, LastSeenAt: now}, nil
}

// lastSeen is when a device was last seen, in SQL over devices: its last refresh, or its creation. (A refresh
// rotates the token in one statement and leaves devices alone.)
const lastSeen = `max(last_seen_at, coalesce((SELECT rotated_at FROM refresh_chains WHERE device_id = devices.id), 0))`

// Devices lists a user's login sessions, newest first.
func (s *Store) Devices(ctx context.Context, userID string) ([]Device, error) {
	rows, err := s.query(ctx, `SELECT id, name, created_at, `+lastSeen+` FROM devices WHERE user_id = ? ORDER BY created_at DESC, id`, userID)
	if err != nil {
		return nil, fmt.Errorf("list devices: %w", err)
	}
	defer rows.Close()
	out := []Device{}
	for rows.Next() {
		var d Device
		var c, l int64
		if err := rows.Scan(&d.ID, &d.Name, &c, &l); err != nil {
			return nil, fmt.Errorf("list devices: %w", err)
		}
		d.CreatedAt, d.LastSeenAt = time.UnixMilli(c).UTC(), time.UnixMilli(l).UTC()
		out = append(out, d)
	}
	return out, rows.Err()
}

// DeleteDevice ends a login session; its refresh tokens go with it (foreign key cascade) and its access tokens
// stop working because DeviceActive no longer finds it.
func (s *Store) DeleteDevice(ctx context.Context, userID, deviceID string) error {
	res, err := s.exec(ctx, `DELETE FROM devices WHERE id = ? AND user_id = ?`, deviceID, userID)
	if err != nil {
		return fmt.Errorf("delete device: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("delete device: %w", err)
	} else if n == 0 {
		return notFound("no such device")
	}
	return nil
}

// RenameDevice renames one of the user's login sessions, in one statement; another user's device is not found.
func (s *Store) RenameDevice(ctx context.Context, userID, deviceID, name string) (Device, error) {
	var d Device
	var c, l int64
	err := s.writeRow(ctx, `UPDATE devices SET name = ? WHERE id = ? AND user_id = ?
		RETURNING id, name, created_at, `+lastSeen, []any{name, deviceID, userID}, &d.ID, &d.Name, &c, &l)
	if errors.Is(err, sql.ErrNoRows) {
		return Device{}, notFound("no such device")
	}
	if err != nil {
		return Device{}, fmt.Errorf("rename device: %w", err)
	}
	d.CreatedAt, d.LastSeenAt = time.UnixMilli(c).UTC(), time.UnixMilli(l).UTC()
	return d, nil
}

// DeviceActive reports whether the user's login session still exists.
func (s *Store) DeviceActive(ctx context.Context, userID, deviceID string) (bool, error) {
	var one int
	err := s.queryRow(ctx, `SELECT 1 FROM devices WHERE id = ? AND user_id = ?`, deviceID, userID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("check device: %w", err)
	}
	return true, nil
}
