package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"
)

// WaitLimits caps the long polls (GET /v1/sync/wait) open at once.
type WaitLimits struct {
	PerAccount, PerAddress int
}

// OpenWait takes a lease for one long poll of userID from address, valid until expires, if the account and the
// address hold fewer live leases than the limits allow: one statement, so concurrent requests cannot both take
// the last place. It reports false when a limit is reached. Close the lease with CloseWait when the poll answers;
// one that is never closed (a killed process) frees its place at expires.
func (s *Store) OpenWait(ctx context.Context, id, userID, address string, expires time.Time, lim WaitLimits) (bool, error) {
	now := ms(s.now())
	if rand.IntN(32) == 0 { // now and then, forget leases that ended without being closed
		if _, err := s.exec(ctx, `DELETE FROM sync_waits WHERE expires_at < ?`, now); err != nil {
			return false, fmt.Errorf("purge sync waits: %w", err)
		}
	}
	res, err := s.exec(ctx, `INSERT INTO sync_waits (id, user_id, address, expires_at)
		SELECT ?1, ?2, ?3, ?4
		WHERE (SELECT count(*) FROM sync_waits WHERE user_id = ?2 AND expires_at > ?5) < ?6
		  AND (SELECT count(*) FROM sync_waits WHERE address = ?3 AND expires_at > ?5) < ?7`,
		id, userID, address, ms(expires), now, lim.PerAccount, lim.PerAddress)
	if err != nil {
		return false, fmt.Errorf("open sync wait: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("open sync wait: %w", err)
	}
	return n == 1, nil
}

// CloseWait ends a lease taken by OpenWait.
func (s *Store) CloseWait(ctx context.Context, id string) error {
	if _, err := s.exec(ctx, `DELETE FROM sync_waits WHERE id = ?`, id); err != nil {
		return fmt.Errorf("close sync wait: %w", err)
	}
	return nil
}
