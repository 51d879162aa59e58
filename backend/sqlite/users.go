package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/papergist/papergist/shared/syncproto"
)

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
