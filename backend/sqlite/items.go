package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/papergist/papergist/shared/syncproto"
)

// maxWriteAttempts bounds the optimistic retries of one write when other writes of the same library keep
// landing between its read and its write.
const maxWriteAttempts = 20

// errRevoked is what reads that check the device session return when it is gone.
func errRevoked() error {
	return syncproto.Errorf(syncproto.CodeUnauthorized, "this login was revoked; log in again")
}

// LibraryVersion returns the user's library version (the version of their last write, 0 for an empty library),
// after checking in the same statement that the device session still exists (see Pull).
func (s *Store) LibraryVersion(ctx context.Context, userID, deviceID string) (int64, error) {
	var v int64
	var active bool
	if err := s.queryRow(ctx, `SELECT coalesce((SELECT max(version) FROM items WHERE user_id = ?1), 0),
		EXISTS (SELECT 1 FROM devices WHERE id = ?2 AND user_id = ?1)`, userID, deviceID).Scan(&v, &active); err != nil {
		return 0, fmt.Errorf("library version: %w", err)
	}
	if !active {
		return 0, errRevoked()
	}
	return v, nil
}

// firstRead is what an idempotent push (PushOnce) also reads with its snapshot, so that it costs one statement
// instead of three: that its device session still exists, and the stored answer to its key. Its answer is then
// stored in the same batch as its write (writeAnswered).
type firstRead struct {
	deviceID, key string
	prev          *StoredResponse           // set by load when the key has an answer
	hash          string                    // of the push's body
	results       func() []syncproto.Result // the push's results, once planned
	saved         *StoredResponse           // set by writeAnswered: the answer stored for key after the write
	fresh         bool                      // whether saved is this push's answer
}

// answer is what is stored for the key: the push's response as JSON, status 200.
func (f *firstRead) answer(resp syncproto.PushResponse) (StoredResponse, error) {
	out, err := json.Marshal(resp)
	return StoredResponse{RequestHash: f.hash, Status: http.StatusOK, Body: out}, err
}

const loadQuery = `SELECT 0, '', coalesce((SELECT max(version) FROM items WHERE user_id = ?1), 0), 0, '', ''
		UNION ALL
		SELECT 1, id, version, deleted, data, fields FROM items
		WHERE user_id = ?1 AND id IN (SELECT value FROM json_each(?2))`

// loadFirstQuery is loadQuery that also reads whether device ?3 still exists (in the first row's deleted column)
// and the answer stored for Idempotency-Key ?4 (a row of kind 2: request hash, status, body).
const loadFirstQuery = `SELECT 0, '', coalesce((SELECT max(version) FROM items WHERE user_id = ?1), 0),
			EXISTS (SELECT 1 FROM devices WHERE id = ?3 AND user_id = ?1), '', ''
		UNION ALL
		SELECT 2, request_hash, status, 0, body, '' FROM idempotency_keys WHERE user_id = ?1 AND key = ?4
		UNION ALL
		SELECT 1, id, version, deleted, data, fields FROM items
		WHERE user_id = ?1 AND id IN (SELECT value FROM json_each(?2))`

// load reads, in ONE statement (one consistent snapshot), the library version and the rows of the given ids;
// with first, also what firstRead says (errRevoked when the device session is gone).
func (s *Store) load(ctx context.Context, userID string, ids []string, first *firstRead) (int64, map[string]*record, error) {
	idJSON, _ := json.Marshal(ids)
	var rows *sql.Rows
	var err error
	if first == nil {
		rows, err = s.query(ctx, loadQuery, userID, string(idJSON))
	} else {
		rows, err = s.query(ctx, loadFirstQuery, userID, string(idJSON), first.deviceID, first.key)
	}
	if err != nil {
		return 0, nil, fmt.Errorf("load items: %w", err)
	}
	defer rows.Close()
	var libVersion int64
	recs := make(map[string]*record, len(ids))
	for rows.Next() {
		var kind int
		var id, data, fields string
		var version int64
		var deleted bool
		if err := rows.Scan(&kind, &id, &version, &deleted, &data, &fields); err != nil {
			return 0, nil, fmt.Errorf("load items: %w", err)
		}
		switch kind {
		case 0:
			libVersion = version
			if first != nil && !deleted {
				return 0, nil, errRevoked()
			}
			continue
		case 2:
			first.prev = &StoredResponse{RequestHash: id, Status: int(version), Body: []byte(data)}
			continue
		}
		r := &record{Deleted: deleted}
		if err := json.Unmarshal([]byte(fields), &r.Fields); err != nil {
			return 0, nil, fmt.Errorf("decode fields of %s: %w", id, err)
		}
		if deleted {
			r.Item = syncproto.Item{ID: id, Version: version}
		} else if r.Item, err = decodeItem(data); err != nil {
			return 0, nil, err
		}
		recs[id] = r
	}
	return libVersion, recs, rows.Err()
}

type rowJSON struct {
	ID      string `json:"id"`
	Deleted int    `json:"deleted"`
	Data    string `json:"data"`
	Fields  string `json:"fields"`
}

// writeStatement is the statement that stores recs at version w, as ONE statement, only if the library version
// is still base (w-1).
//
// Why this is safe without transactions (D1 has none) and across kill -9:
//   - One statement is atomic in SQLite and in D1: after a crash either every row of the write is there, at
//     version w, or none is. There is no second statement whose absence could leave a half-done write: the
//     library version IS max(items.version), so storing the rows is what advances it.
//   - The WHERE guard is a compare-and-swap on the library version: the rows were merged against the snapshot
//     at version base; if any other write landed since, max(version) is no longer base, nothing is written, and
//     the caller re-reads and merges again. So no concurrent edit is overwritten unseen.
//   - Writers are serialized by the database and each writes max+1, so versions are committed in increasing
//     order: once a reader sees version v, every write with a version ≤ v is complete. A pull that reads the
//     library version and the changed rows in one statement therefore never skips a write it will not see later.
//   - The SELECT reads the items table itself, so SQLite materializes it before inserting: the guard is
//     evaluated once, against the state before the statement, not row by row.
//
// Its rows are the ids written: len(recs) of them, or none when the guard failed.
func writeStatement(userID string, base int64, recs []*record) (Statement, error) {
	rows := make([]rowJSON, len(recs))
	for i, r := range recs {
		fields, err := json.Marshal(r.Fields)
		if err != nil {
			return Statement{}, err
		}
		var data []byte
		if r.Deleted {
			data, err = json.Marshal(syncproto.Tombstone{ID: r.Item.ID, Version: r.Item.Version})
		} else {
			data, err = json.Marshal(r.Item)
		}
		if err != nil {
			return Statement{}, err
		}
		rows[i] = rowJSON{ID: r.Item.ID, Data: string(data), Fields: string(fields)}
		if r.Deleted {
			rows[i].Deleted = 1
		}
	}
	payload, err := json.Marshal(rows)
	if err != nil {
		return Statement{}, err
	}
	return Statement{writeQuery, []any{userID, string(payload), base + 1, base}}, nil
}

const writeQuery = `WITH cur (v) AS (SELECT coalesce((SELECT max(version) FROM items WHERE user_id = ?1), 0))
		INSERT INTO items (user_id, id, version, deleted, data, fields)
		SELECT ?1, json_extract(j.value, '$.id'), ?3, json_extract(j.value, '$.deleted'),
			json_extract(j.value, '$.data'), json_extract(j.value, '$.fields')
		FROM json_each(?2) AS j, cur WHERE cur.v = ?4
		ON CONFLICT (user_id, id) DO UPDATE SET
			version = excluded.version, deleted = excluded.deleted, data = excluded.data, fields = excluded.fields
		RETURNING id`

// write runs writeStatement: it returns how many rows were written, len(recs), or 0 when the guard failed.
func (s *Store) write(ctx context.Context, userID string, base int64, recs []*record) (int, error) {
	st, err := writeStatement(userID, base, recs)
	if err != nil {
		return 0, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	n, err := countRows(s.query(ctx, st.Query, st.Args...))
	if err != nil {
		return 0, fmt.Errorf("write items: %w", err)
	}
	return n, nil
}

// writeAnswered runs writeStatement and stores first's answer for its key in the same batch (one round trip on
// D1), the answer first, guarded by the same compare-and-swap: both are written or neither. (The batch also
// drops the user's expired answers now and then, as SaveIdempotentResponse does.) It returns how
// many rows were written, and records in first.saved the answer stored for the key (ours, or the one of a
// request that stored its own first).
func (s *Store) writeAnswered(ctx context.Context, userID string, base int64, recs []*record, first *firstRead) (int, error) {
	w, err := writeStatement(userID, base, recs)
	if err != nil {
		return 0, err
	}
	ans, err := first.answer(syncproto.PushResponse{Version: base + 1, Results: first.results()})
	if err != nil {
		return 0, err
	}
	save := Statement{`INSERT INTO idempotency_keys (user_id, key, request_hash, status, body, created_at)
		SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE coalesce((SELECT max(version) FROM items WHERE user_id = ?1), 0) = ?7
		ON CONFLICT DO NOTHING RETURNING 1`,
		[]any{userID, first.key, ans.RequestHash, ans.Status, string(ans.Body), ms(s.now()), base}}
	batch := []Statement{save, w}
	if purge, ok := s.purgeNowAndThen(userID); ok {
		batch = append(batch, purge)
	}
	s.writeMu.Lock()
	counts, err := s.runBatch(ctx, batch)
	s.writeMu.Unlock()
	if err != nil {
		return 0, fmt.Errorf("write items: %w", err)
	}
	if counts[1] == 0 {
		return 0, nil
	}
	if counts[0] == 1 {
		first.saved, first.fresh = &ans, true
		return counts[1], nil
	}
	// Another request stored an answer for the key between our read and our write: it is the answer.
	if first.saved, err = s.IdempotentResponse(ctx, userID, first.key); err == nil && first.saved == nil {
		err = fmt.Errorf("save idempotency key: the stored answer vanished")
	}
	return counts[1], err
}

// plan decides, against a snapshot (library version base, current rows recs), what to write at version base+1.
// It returns the records to write; anything else it wants to report it keeps in its closure.
type plan func(base int64, recs map[string]*record, now time.Time) ([]*record, error)

// apply runs the optimistic loop: read a snapshot, plan, write guarded by the snapshot's version, and start over
// when another write got in first. It returns the library version after the write.
//
// first, when not nil, is read with every snapshot (see firstRead): when its key has an answer, nothing is
// planned or written; otherwise the answer is written with the rows.
func (s *Store) apply(ctx context.Context, userID string, ids []string, first *firstRead, p plan) (int64, error) {
	for attempt := 0; attempt < maxWriteAttempts; attempt++ {
		base, recs, err := s.load(ctx, userID, ids, first)
		if err != nil || (first != nil && first.prev != nil) {
			return base, err
		}
		writes, err := p(base, recs, s.now().UTC().Truncate(time.Millisecond))
		if err != nil || len(writes) == 0 {
			return base, err
		}
		var n int
		if first != nil {
			n, err = s.writeAnswered(ctx, userID, base, writes, first)
		} else {
			n, err = s.write(ctx, userID, base, writes)
		}
		if err != nil {
			return 0, err
		}
		if n == len(writes) {
			s.changed(userID) // wakes this process's long polls of the library (notify.go)
			return base + 1, nil
		}
		if n != 0 {
			return 0, fmt.Errorf("write items: %d of %d rows written", n, len(writes)) // cannot happen: one statement
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(time.Duration(attempt+1) * time.Millisecond):
		}
	}
	return 0, syncproto.Errorf(syncproto.CodeUnavailable, "too many concurrent writes to this library, retry")
}

// PushOnce merges a batch of changes and deletions (see syncproto) and writes what applies as one version, for a
// push with an Idempotency-Key (whose body hashes to hash) from a device session, and it stores the push's answer
// for the key. Its read also checks that the session still exists
// (CodeUnauthorized if not) and looks up the key: when the key already has an answer, nothing is merged or
// written and that answer is returned, to be replayed or refused by the caller (fresh is false). Otherwise the
// answer, the JSON PushResponse with status 200, is stored in the same batch as the write and returned with
// fresh true; or, when another request stored an answer for the key first, that one with fresh false. On D1 a
// push costs two round trips: the read, then the write with its answer.
func (s *Store) PushOnce(ctx context.Context, userID, deviceID, key, hash string, req *syncproto.PushRequest) (ans StoredResponse, version int64, fresh bool, err error) {
	first := &firstRead{deviceID: deviceID, key: key, hash: hash}
	resp, err := s.push(ctx, userID, req, first)
	switch {
	case err != nil:
		return StoredResponse{}, 0, false, err
	case first.prev != nil:
		return *first.prev, 0, false, nil
	case first.saved != nil:
		return *first.saved, resp.Version, first.fresh, nil
	}
	// Nothing to write: the answer is stored alone.
	ours, err := first.answer(resp)
	if err != nil {
		return StoredResponse{}, 0, false, err
	}
	stored, err := s.SaveIdempotentResponse(ctx, userID, key, ours)
	if err != nil {
		return StoredResponse{}, 0, false, err
	}
	return stored, resp.Version, stored.RequestHash == hash && string(stored.Body) == string(ours.Body), nil
}

func (s *Store) push(ctx context.Context, userID string, req *syncproto.PushRequest, first *firstRead) (syncproto.PushResponse, error) {
	n := len(req.Changes) + len(req.Deletions)
	ids := make([]string, 0, n)
	pre := make([]*syncproto.Result, n) // results decided before merging (invalid input)
	seen := map[string]bool{}
	for i := range req.Changes {
		ch := &req.Changes[i]
		if err := ch.Normalize(); err != nil {
			pre[i] = &syncproto.Result{ID: ch.ID, Status: syncproto.StatusInvalid, Error: err.(*syncproto.Error)}
		} else if seen[ch.ID] {
			pre[i] = &syncproto.Result{ID: ch.ID, Status: syncproto.StatusInvalid, Error: syncproto.Errorf(syncproto.CodeInvalid, "id %s appears more than once in this push", ch.ID)}
		}
		seen[ch.ID] = true
		ids = append(ids, ch.ID)
	}
	for i := range req.Deletions {
		d := &req.Deletions[i]
		k := len(req.Changes) + i
		if err := d.Normalize(); err != nil {
			pre[k] = &syncproto.Result{ID: d.ID, Status: syncproto.StatusInvalid, Error: err.(*syncproto.Error)}
		} else if seen[d.ID] {
			pre[k] = &syncproto.Result{ID: d.ID, Status: syncproto.StatusInvalid, Error: syncproto.Errorf(syncproto.CodeInvalid, "id %s appears more than once in this push", d.ID)}
		}
		seen[d.ID] = true
		ids = append(ids, d.ID)
	}
	var results []syncproto.Result
	first.results = func() []syncproto.Result { return results }
	version, err := s.apply(ctx, userID, ids, first, func(base int64, recs map[string]*record, now time.Time) ([]*record, error) {
		results = make([]syncproto.Result, 0, n)
		var writes []*record
		for i := 0; i < n; i++ {
			if pre[i] != nil {
				results = append(results, *pre[i])
				continue
			}
			var out outcome
			if i < len(req.Changes) {
				out = mergeChange(recs[ids[i]], &req.Changes[i], base+1, now)
			} else {
				out = mergeDeletion(recs[ids[i]], &req.Deletions[i-len(req.Changes)], base+1)
			}
			results = append(results, result(ids[i], out))
			if out.write {
				writes = append(writes, out.rec)
			}
		}
		return writes, nil
	})
	if err != nil {
		return syncproto.PushResponse{}, err
	}
	return syncproto.PushResponse{Version: version, Results: results}, nil
}

func result(id string, out outcome) syncproto.Result {
	r := syncproto.Result{ID: id, Status: out.status, Error: out.err, Fields: out.fields}
	if out.rec != nil {
		r.Version = out.rec.Item.Version
		if !out.rec.Deleted {
			it := out.rec.Item
			r.Item = &it
		}
	}
	return r
}

// Item returns one live item; a missing or deleted one is CodeNotFound.
func (s *Store) Item(ctx context.Context, userID, id string) (syncproto.Item, error) {
	var data string
	err := s.queryRow(ctx, `SELECT data FROM items WHERE user_id = ? AND id = ? AND deleted = 0`, userID, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return syncproto.Item{}, notFound("item %s not found", id)
	}
	if err != nil {
		return syncproto.Item{}, fmt.Errorf("find item %s: %w", id, err)
	}
	return decodeItem(data)
}

// PutItem applies ch to one item. With ifMatch, the item's current version (0 when it does not exist) must equal
// *ifMatch or nothing is written and the error is CodePreconditionFailed; without, the change overwrites the
// fields it sets. It reports whether the item was created.
func (s *Store) PutItem(ctx context.Context, userID string, ch syncproto.Change, ifMatch *int64) (syncproto.Item, bool, error) {
	if err := ch.Normalize(); err != nil {
		return syncproto.Item{}, false, err
	}
	var out outcome
	var created bool
	_, err := s.apply(ctx, userID, []string{ch.ID}, nil, func(base int64, recs map[string]*record, now time.Time) ([]*record, error) {
		cur := recs[ch.ID]
		var v int64
		if cur != nil && !cur.Deleted {
			v = cur.Item.Version
		}
		if ifMatch != nil && *ifMatch != v {
			return nil, syncproto.Errorf(syncproto.CodePreconditionFailed, "item %s is at version %d, not %d", ch.ID, v, *ifMatch)
		}
		created = cur == nil || cur.Deleted
		ch.BaseVersion = base // the caller saw (or overrides) the current state: no field conflicts
		out = mergeChange(cur, &ch, base+1, now)
		if out.write {
			return []*record{out.rec}, nil
		}
		return nil, nil
	})
	if err != nil {
		return syncproto.Item{}, false, err
	}
	if out.status != syncproto.StatusApplied {
		return syncproto.Item{}, false, out.err
	}
	return out.rec.Item, created, nil
}

// DeleteItem deletes one live item (CodeNotFound otherwise), under the same If-Match rule as PutItem.
func (s *Store) DeleteItem(ctx context.Context, userID, id string, ifMatch *int64) error {
	_, err := s.apply(ctx, userID, []string{id}, nil, func(base int64, recs map[string]*record, now time.Time) ([]*record, error) {
		cur := recs[id]
		if cur == nil || cur.Deleted {
			return nil, notFound("item %s not found", id)
		}
		if ifMatch != nil && *ifMatch != cur.Item.Version {
			return nil, syncproto.Errorf(syncproto.CodePreconditionFailed, "item %s is at version %d, not %d", id, cur.Item.Version, *ifMatch)
		}
		out := mergeDeletion(cur, &syncproto.Deletion{ID: id, BaseVersion: cur.Item.Version}, base+1)
		return []*record{out.rec}, nil
	})
	return err
}

// Pull returns what changed after version since, at most about limit entries, cut at a version boundary (a page
// holds all the items of each version it includes, so it may exceed limit when one write stored more).
// Tombstones are left out when since is 0: a client with nothing has nothing to delete.
//
// Pull also checks that the device session still exists (CodeUnauthorized if not), so that the most frequent
// request, a client polling for news, costs one statement instead of two: the auth middleware leaves the
// device check of this route to it.
func (s *Store) Pull(ctx context.Context, userID, deviceID string, since int64, limit int) (PullPage, error) {
	// One statement: the library version and the changed rows come from the same snapshot.
	// (max(version) as a scalar subquery so that SQLite answers it from the index in one step.)
	rows, err := s.query(ctx, `SELECT 0, '', coalesce((SELECT max(version) FROM items WHERE user_id = ?1), 0),
			EXISTS (SELECT 1 FROM devices WHERE id = ?4 AND user_id = ?1), ''
		UNION ALL
		SELECT * FROM (SELECT 1, id, version, deleted, data FROM items
			WHERE user_id = ?1 AND version > ?2 AND (deleted = 0 OR ?2 > 0) ORDER BY version, id LIMIT ?3)`,
		userID, since, limit+1, deviceID)
	if err != nil {
		return PullPage{}, fmt.Errorf("pull: %w", err)
	}
	resp := PullPage{Items: []json.RawMessage{}, Deleted: []syncproto.Tombstone{}}
	var page []pulledRow
	active := false
	for rows.Next() {
		var k int
		var r pulledRow
		if err := rows.Scan(&k, &r.id, &r.version, &r.deleted, &r.data); err != nil {
			rows.Close()
			return resp, fmt.Errorf("pull: %w", err)
		}
		if k == 0 {
			resp.Version, active = r.version, r.deleted
		} else {
			page = append(page, r)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return resp, fmt.Errorf("pull: %w", err)
	}
	if !active {
		return PullPage{}, errRevoked()
	}
	// A compound SELECT has no guaranteed order without an outer ORDER BY, which would cost a sort: order here.
	slices.SortFunc(page, func(a, b pulledRow) int {
		return cmp.Or(cmp.Compare(a.version, b.version), cmp.Compare(a.id, b.id))
	})
	if len(page) > limit {
		resp.More = true
		cut := page[limit-1].version
		if page[limit].version == cut {
			// Drop the partial last version; if that leaves nothing, the page is exactly that one version.
			i := limit
			for i > 0 && page[i-1].version == cut {
				i--
			}
			if i == 0 {
				rest, err := s.pullVersion(ctx, userID, cut)
				if err != nil {
					return resp, err
				}
				page = rest
			} else {
				page = page[:i]
				cut = page[i-1].version
			}
		} else {
			page = page[:limit]
		}
		resp.Version = cut
	}
	for _, r := range page {
		if r.deleted {
			resp.Deleted = append(resp.Deleted, syncproto.Tombstone{ID: r.id, Version: r.version})
			continue
		}
		resp.Items = append(resp.Items, json.RawMessage(r.data))
	}
	return resp, nil
}

// PullPage is a syncproto.PullResponse whose items stay the JSON they are stored as: a pull sends them without
// decoding and re-encoding each one.
type PullPage struct {
	Version int64                 `json:"version"`
	Items   []json.RawMessage     `json:"items"`
	Deleted []syncproto.Tombstone `json:"deleted"`
	More    bool                  `json:"more"`
}

// AppendJSON appends p as JSON to b, copying the stored items verbatim (encoding/json would re-validate and
// compact each of them, which is most of the cost of a large pull). The stored items are json.Marshal output.
func (p *PullPage) AppendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"version":`...)
	b = strconv.AppendInt(b, p.Version, 10)
	b = append(b, `,"items":[`...)
	for i, it := range p.Items {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, it...)
	}
	b = append(b, `],"deleted":`...)
	del, err := json.Marshal(p.Deleted)
	if err != nil {
		return nil, err
	}
	b = append(b, del...)
	b = append(b, `,"more":`...)
	b = strconv.AppendBool(b, p.More)
	return append(b, "}\n"...), nil
}

type pulledRow struct {
	id      string
	version int64
	deleted bool
	data    string
}

// pullVersion returns every row still at version v (used when one write alone is larger than a page).
func (s *Store) pullVersion(ctx context.Context, userID string, v int64) ([]pulledRow, error) {
	rows, err := s.query(ctx, `SELECT id, version, deleted, data FROM items WHERE user_id = ? AND version = ? ORDER BY id`, userID, v)
	if err != nil {
		return nil, fmt.Errorf("pull version %d: %w", v, err)
	}
	defer rows.Close()
	var out []pulledRow
	for rows.Next() {
		var r pulledRow
		if err := rows.Scan(&r.id, &r.version, &r.deleted, &r.data); err != nil {
			return nil, fmt.Errorf("pull version %d: %w", v, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Filter selects live items for search and export. Empty fields select everything.
type Filter struct {
	Tag    string
	Query  string // case-insensitive substring of title, authors, abstract, tldr, keyphrases, tags or note
	Read   *bool
	Limit  int // 0: no limit
	Offset int
}

// Search returns the live items matching f, most recently saved first.
func (s *Store) Search(ctx context.Context, userID string, f Filter) ([]syncproto.Item, error) {
	where := []string{"user_id = ?", "deleted = 0"}
	args := []any{userID}
	if f.Tag != "" {
		where = append(where, "EXISTS (SELECT 1 FROM json_each(items.data, '$.tags') WHERE value = ?)")
		args = append(args, f.Tag)
	}
	if f.Query != "" {
		where = append(where, `(json_extract(data, '$.title') || ' ' || json_extract(data, '$.authors') || ' ' ||
			json_extract(data, '$.abstract') || ' ' || json_extract(data, '$.tldr') || ' ' ||
			json_extract(data, '$.keyphrases') || ' ' || json_extract(data, '$.tags') || ' ' ||
			json_extract(data, '$.note')) LIKE ? ESCAPE '\'`)
		args = append(args, "%"+likeEscape(f.Query)+"%")
	}
	if f.Read != nil {
		where = append(where, "json_extract(data, '$.read') = ?")
		args = append(args, *f.Read)
	}
	q := `SELECT data FROM items WHERE ` + strings.Join(where, " AND ") +
		` ORDER BY json_extract(data, '$.saved_at') DESC, id LIMIT ? OFFSET ?`
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	args = append(args, limit, f.Offset)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("search items: %w", err)
	}
	defer rows.Close()
	out := []syncproto.Item{}
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("search items: %w", err)
		}
		it, err := decodeItem(data)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}
