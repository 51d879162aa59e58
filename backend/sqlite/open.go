//go:build !(js && wasm)

package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite" // the "sqlite" driver, pure Go
)

// Open opens (creating it and its folder if needed) the SQLite file at path with the pragmas the store relies
// on, and migrates it.
//
//   - WAL lets pulls read while a push writes; busy_timeout makes writers wait for each other instead of failing.
//   - foreign_keys=ON, as on D1, so device and user deletion cascade the same way in both places.
//   - synchronous=NORMAL in WAL mode: a commit is in the OS before the statement returns, so it survives the
//     process being killed (kill -9); only an OS crash or power loss can roll back the last commits, never
//     corrupt the file.
func Open(ctx context.Context, path string) (*sql.DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("create database folder: %w", err)
		}
	}
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "foreign_keys(ON)", "synchronous(NORMAL)", "temp_store(MEMORY)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// database/sql keeps only 2 idle connections by default: under concurrent requests the others would be
	// closed and reopened (file open, pragmas, statement preparation) all the time.
	db.SetMaxIdleConns(32)
	db.SetMaxOpenConns(32)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := Migrate(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}
