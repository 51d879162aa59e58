package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"github.com/papergist/papergist/shared/syncproto"
)

// Store is the papergist storage over a *sql.DB opened by the caller (modernc SQLite or D1).
type Store struct {
	db    *sql.DB
	now   func() time.Time
	stmts sync.Map // query → *sql.Stmt: a cache of prepared statements, nothing that must outlive a request
	// writeMu queues this process's writes in Go. SQLite allows one writer at a time anyway, and without it
	// concurrent writers wait in SQLite's busy handler, which sleeps in steps of up to 100 ms. It only orders
	// statements; correctness never depends on it (D1 and other processes are serialized by the database).
	writeMu sync.Mutex
	// watchers wakes long polls when a write commits (notify.go).
	watchers watchers
}

// New returns a Store over db; now is the clock for every stored time.
func New(db *sql.DB, now func() time.Time) *Store {
	return &Store{db: db, now: now}
}

// Ping reports whether the database answers and has the schema, for readiness checks. It reads a table of the
// migrations, not schema_migrations: on D1, wrangler applies the migrations and records them in its own table.
func (s *Store) Ping(ctx context.Context) error {
	var n int
	return s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM users)`).Scan(&n)
}

// stmt returns a prepared statement for query, preparing it once.
func (s *Store) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := s.stmts.Load(query); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if prev, loaded := s.stmts.LoadOrStore(query, st); loaded {
		st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

// exec runs a write statement.
func (s *Store) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return st.ExecContext(ctx, args...)
}

// writeRow runs a write statement with RETURNING and scans its one row.
func (s *Store) writeRow(ctx context.Context, query string, args []any, dest ...any) error {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return st.QueryRowContext(ctx, args...).Scan(dest...)
}

func (s *Store) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (s *Store) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return s.db.QueryRowContext(ctx, query, args...) // returns the same error through Scan
	}
	return st.QueryRowContext(ctx, args...)
}

// ms is how times are stored and bound: unix milliseconds (D1 cannot bind time.Time).
func ms(t time.Time) int64 { return t.UnixMilli() }

func notFound(format string, args ...any) error {
	return syncproto.Errorf(syncproto.CodeNotFound, format, args...)
}

// User is an account.
type User struct {
	ID           string
	Email        string
	PasswordHash string
	CreatedAt    time.Time
}

// CreateUser stores a new account; a taken email is a CodeConflict error.
func (s *Store) CreateUser(ctx context.Context, id, email, passwordHash string) (User, error) {
	u := User{ID: id, Email: email, PasswordHash: passwordHash, CreatedAt: s.now().UTC().Truncate(time.Millisecond)}
	res, err := s.exec(ctx, `INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (email) DO NOTHING`, u.ID, u.Email, u.PasswordHash, ms(u.CreatedAt))
	if err != nil {
		return User{}, fmt.Errorf("create user: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return User{}, fmt.Errorf("create user: %w", err)
	} else if n == 0 {
		return User{}, syncproto.Errorf(syncproto.CodeConflict, "an account with this email already exists")
	}
	return u, nil
}

func (s *Store) user(ctx context.Context, where string, arg any) (User, error) {
	var u User
	var created int64
	err := s.queryRow(ctx, `SELECT id, email, password_hash, created_at FROM users WHERE `+where, arg).
		Scan(&u.ID, &u.Email, &u.PasswordHash, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, notFound("no such user")
	}
	if err != nil {
		return User{}, fmt.Errorf("find user: %w", err)
	}
	u.CreatedAt = time.UnixMilli(created).UTC()
	return u, nil
}

// UserByEmail finds an account by its (lower-cased) email.
func (s *Store) UserByEmail(ctx context.Context, email string) (User, error) {
	return s.user(ctx, "email = ?", email)
}

// UserByID finds an account by id.
func (s *Store) UserByID(ctx context.Context, id string) (User, error) {
	return s.user(ctx, "id = ?", id)
}

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
	if err := s.AddRefreshToken(ctx, deviceID, refreshHash, refreshExpires); err != nil {
		return Device{}, err
	}
	return Device{ID: deviceID, Name: name, CreatedAt: now, LastSeenAt: now}, nil
}

// Devices lists a user's login sessions, newest first.
func (s *Store) Devices(ctx context.Context, userID string) ([]Device, error) {
	rows, err := s.query(ctx, `SELECT id, name, created_at, last_seen_at FROM devices WHERE user_id = ? ORDER BY created_at DESC, id`, userID)
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
		RETURNING id, name, created_at, last_seen_at`, []any{name, deviceID, userID}, &d.ID, &d.Name, &c, &l)
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

// Hit counts one event against a fixed-window rate limit and returns the count in the current window, in one
// upsert, so the counter lives in the database (no process memory survives a Workers request) and concurrent
// hits never lose increments.
func (s *Store) Hit(ctx context.Context, key string, window time.Duration) (int, error) {
	start := ms(s.now().Truncate(window))
	var n int
	err := s.writeRow(ctx, `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
		ON CONFLICT (key) DO UPDATE SET
			count = CASE WHEN window_start = excluded.window_start THEN count + 1 ELSE 1 END,
			window_start = excluded.window_start
		RETURNING count`, []any{key, start}, &n)
	if err != nil {
		return 0, fmt.Errorf("rate limit %s: %w", key, err)
	}
	if rand.IntN(64) == 0 { // now and then, forget counters of windows long past
		if _, err := s.exec(ctx, `DELETE FROM rate_limits WHERE window_start < ?`, ms(s.now().Add(-24*time.Hour))); err != nil {
			return 0, fmt.Errorf("purge rate limits: %w", err)
		}
	}
	return n, nil
}

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

// IdempotencyTTL is how long the answer to an Idempotency-Key is kept for replays.
const IdempotencyTTL = 24 * time.Hour

// SaveIdempotentResponse records the answer to (user, key) unless one is already there, and returns the answer
// that is stored: the first one wins when two identical requests race. Now and then it drops the user's answers
// older than IdempotencyTTL.
func (s *Store) SaveIdempotentResponse(ctx context.Context, userID, key string, r StoredResponse) (StoredResponse, error) {
	if rand.IntN(32) == 0 {
		if _, err := s.exec(ctx, `DELETE FROM idempotency_keys WHERE user_id = ? AND created_at < ?`,
			userID, ms(s.now().Add(-IdempotencyTTL))); err != nil {
			return StoredResponse{}, fmt.Errorf("purge idempotency keys: %w", err)
		}
	}
	_, err := s.exec(ctx, `INSERT INTO idempotency_keys (user_id, key, request_hash, status, body, created_at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, userID, key, r.RequestHash, r.Status, string(r.Body), ms(s.now()))
	if err != nil {
		return StoredResponse{}, fmt.Errorf("save idempotency key: %w", err)
	}
	stored, err := s.IdempotentResponse(ctx, userID, key)
	if err != nil || stored == nil {
		return r, err
	}
	return *stored, nil
}

// likeEscape escapes LIKE wildcards; queries use ESCAPE '\'.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func decodeItem(data string) (syncproto.Item, error) {
	var it syncproto.Item
	if err := json.Unmarshal([]byte(data), &it); err != nil {
		return it, fmt.Errorf("decode stored item: %w", err)
	}
	return it, nil
}
