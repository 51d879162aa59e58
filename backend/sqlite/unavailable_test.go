package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/backend/sqlite"
)

// codedError is an error with SQLite's result code, as modernc.org/sqlite's *Error has.
type codedError int

func (e codedError) Error() string { return fmt.Sprintf("sqlite error %d", int(e)) }
func (e codedError) Code() int     { return int(e) }

func TestUnavailable(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{nil, false},
		{sql.ErrNoRows, false},
		{sql.ErrConnDone, false},
		{fmt.Errorf("push: %w", codedError(13)), true}, // SQLITE_FULL
		{codedError(10 | 3<<8), true},                  // SQLITE_IOERR_WRITE
		{codedError(8), true},                          // SQLITE_READONLY
		{codedError(5), true},                          // SQLITE_BUSY
		{codedError(19), false},                        // SQLITE_CONSTRAINT: the request is wrong
		{codedError(1), false},                         // SQLITE_ERROR
		{errors.New("D1_ERROR: database or disk is full: SQLITE_FULL"), true}, // D1 speaks in text
		{errors.New("D1_ERROR: Network connection lost."), true},
		{errors.New("D1 DB is overloaded. Requests queued for too long."), true},
		{errors.New("D1_ERROR: UNIQUE constraint failed: users.email: SQLITE_CONSTRAINT"), false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, sqlite.Unavailable(tt.err), "%v", tt.err)
	}

	// And the real driver's error for a full database.
	db, err := sql.Open("sqlite", "file:"+t.TempDir()+"/tiny.db?_pragma=max_page_count(2)")
	assert.NoError(t, err)
	defer db.Close()
	_, err = db.ExecContext(context.Background(), `CREATE TABLE a (x); CREATE TABLE b (x); CREATE TABLE c (x)`)
	assert.True(t, sqlite.Unavailable(err), "%v", err)
}
