package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/internal/apitest"
	"github.com/papergist/papergist/backend/sqlite"
	"github.com/papergist/papergist/shared/syncproto"
)

// TestItemsFromBeforePublishedAndVenue: a database file whose items were stored before migration 0005 (their JSON
// has no published or venue) reads, after it, as items with both empty, and pulls send both; tombstones and
// versions are left alone, and a later change sets them.
func TestItemsFromBeforePublishedAndVenue(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sqlite.Open(ctx, path)
	require.NoError(t, err)
	oldItem := `{"id":"doi:10.1000/old","title":"An old save","authors":["Ada Lovelace"],"abstract":"","url":"","pdf_url":"",` +
		`"tldr":"","keyphrases":[],"tags":["ml"],"note":"kept","read":true,"saved_at":"2025-01-02T03:04:05Z",` +
		`"updated_at":"2025-01-02T03:04:05Z","version":1}`
	for _, q := range []string{
		`DELETE FROM schema_migrations WHERE name LIKE '%0005_item_published_venue.sql'`,
		`INSERT INTO users (id, email, password_hash, created_at) VALUES ('u', 'u@example.org', 'h', 0)`,
		`INSERT INTO devices (id, user_id, name, created_at, last_seen_at) VALUES ('d', 'u', 'old', 0, 0)`,
		`INSERT INTO items (user_id, id, version, deleted, data, fields) VALUES ('u', 'doi:10.1000/old', 1, 0, '` + oldItem + `', '{"f":{"title":1},"t":{}}')`,
		`INSERT INTO items (user_id, id, version, deleted, data, fields) VALUES ('u', 'doi:10.1000/gone', 2, 1, '{"id":"doi:10.1000/gone","version":2}', '{"f":{},"t":{}}')`,
	} {
		_, err := db.ExecContext(ctx, q)
		require.NoError(t, err, q)
	}
	require.NoError(t, db.Close())

	db, err = sqlite.Open(ctx, path) // migrates the file
	require.NoError(t, err)
	defer db.Close()
	require.NoError(t, sqlite.Migrate(ctx, db), "a second run changes nothing")
	c := apitest.NewClock(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	s := sqlite.New(db, c.Now)

	page, err := s.Pull(ctx, "u", "d", 0, 10)
	require.NoError(t, err)
	assert.Equal(t, int64(2), page.Version, "no version moved")
	require.Len(t, page.Items, 1)
	assert.JSONEq(t, oldItem[:len(oldItem)-1]+`,"published":"","venue":""}`, string(page.Items[0]), "every field there, the old ones as they were")

	var data string
	require.NoError(t, db.QueryRowContext(ctx, `SELECT data FROM items WHERE id = 'doi:10.1000/gone'`).Scan(&data))
	assert.JSONEq(t, `{"id":"doi:10.1000/gone","version":2}`, data, "tombstones are not items")

	it, _, err := s.PutItem(ctx, "u", syncproto.Change{ID: "doi:10.1000/old", Published: new("2024-11"), Venue: new("ACL")}, new(int64(1)))
	require.NoError(t, err)
	assert.Equal(t, [4]string{"2024-11", "ACL", "An old save", "kept"}, [4]string{it.Published, it.Venue, it.Title, it.Note})
}
