package httpapi_test

import (
	"fmt"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/auth"
	"github.com/papergist/papergist/backend/internal/apitest"
	"github.com/papergist/papergist/shared/syncproto"
)

func ptr[T any](v T) *T { return &v }

// user is one logged-in device of a fresh account.
type user struct {
	c     *apitest.Client
	token string
}

func newUser(t *testing.T, srv *apitest.Server) user {
	c := srv.NewClient()
	s, _ := c.Register(t)
	return user{c: c, token: s.AccessToken}
}

func (u user) push(t *testing.T, req syncproto.PushRequest) syncproto.PushResponse {
	t.Helper()
	r := u.c.Do(t, "POST", "/v1/sync", u.token, req, syncproto.HeaderIdempotencyKey, auth.RandomToken(12))
	require.Equal(t, http.StatusOK, r.Status, r.String())
	var resp syncproto.PushResponse
	r.JSON(t, &resp)
	require.Len(t, resp.Results, len(req.Changes)+len(req.Deletions))
	return resp
}

func (u user) pull(t *testing.T, since int64, extra string) syncproto.PullResponse {
	t.Helper()
	r := u.c.Do(t, "GET", fmt.Sprintf("/v1/sync?since=%d%s", since, extra), u.token, nil)
	require.Equal(t, http.StatusOK, r.Status, r.String())
	var resp syncproto.PullResponse
	r.JSON(t, &resp)
	assert.Equal(t, strconv.FormatInt(resp.Version, 10), r.Header.Get(syncproto.HeaderLastModifiedVersion))
	return resp
}

func newChange(id, title string) syncproto.Change {
	return syncproto.Change{ID: id, Title: ptr(title), URL: ptr("https://arxiv.org/abs/" + id[len("arxiv:"):]),
		Authors: ptr([]string{"Ada Lovelace", "Alan Turing"}), Tags: ptr([]string{"ml"})}
}

func TestSyncPushPullAndMerge(t *testing.T) {
	srv := apitest.Start(t)
	u := newUser(t, srv)

	empty := u.pull(t, 0, "")
	assert.Equal(t, syncproto.PullResponse{Version: 0, Items: []syncproto.Item{}, Deleted: []syncproto.Tombstone{}}, empty)

	resp := u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{newChange("arxiv:2401.00001", "First"), newChange("arxiv:2401.00002", "Second")}})
	require.Equal(t, int64(1), resp.Version)
	for _, r := range resp.Results {
		require.Equal(t, syncproto.StatusApplied, r.Status, r.Error)
		assert.Equal(t, int64(1), r.Item.Version)
	}
	first := *resp.Results[0].Item
	assert.Equal(t, []string{"Ada Lovelace", "Alan Turing"}, first.Authors)
	assert.Equal(t, []string{"ml"}, first.Tags)
	assert.False(t, first.SavedAt.IsZero())

	got := u.pull(t, 0, "")
	assert.Equal(t, int64(1), got.Version)
	assert.Len(t, got.Items, 2)
	assert.False(t, got.More)

	// 304 when nothing changed since the client's version; 200 when it did.
	r := u.c.Do(t, "GET", "/v1/sync?since=1", u.token, nil, syncproto.HeaderIfModifiedSinceVersion, "1")
	assert.Equal(t, http.StatusNotModified, r.Status)
	assert.Empty(t, r.Body)
	r = u.c.Do(t, "GET", "/v1/sync?since=0", u.token, nil, syncproto.HeaderIfModifiedSinceVersion, "0")
	assert.Equal(t, http.StatusOK, r.Status)

	// Device A edits the note (base 1); device B, also at base 1, edits title and tags: no overlap, both apply.
	a := u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{{ID: first.ID, BaseVersion: 1, Note: ptr("read me"), Tags: ptr([]string{"ml", "nlp"})}}})
	require.Equal(t, syncproto.StatusApplied, a.Results[0].Status)
	assert.Equal(t, int64(2), a.Version)
	b := u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{{ID: first.ID, BaseVersion: 1, Title: ptr("First, retitled"), Tags: ptr([]string{"ml", "vision"})}}})
	require.Equal(t, syncproto.StatusApplied, b.Results[0].Status, b.Results[0].Error)
	merged := *b.Results[0].Item
	assert.Equal(t, "First, retitled", merged.Title)
	assert.Equal(t, "read me", merged.Note)
	assert.Equal(t, []string{"ml", "nlp", "vision"}, merged.Tags, "tags merge as sets")
	assert.Equal(t, int64(3), merged.Version)

	// A concurrent removal of a tag and an addition of another merge too.
	c := u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{{ID: first.ID, BaseVersion: 2, Tags: ptr([]string{"nlp"})}}})
	require.Equal(t, syncproto.StatusApplied, c.Results[0].Status)
	assert.Equal(t, []string{"nlp", "vision"}, c.Results[0].Item.Tags, "ml removed; vision (added after base 2) kept")

	// Overlap: a stale edit of the title is a conflict, reported with the server's item, and nothing is written.
	conflict := u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{{ID: first.ID, BaseVersion: 1, Title: ptr("Stale title"), Note: ptr("x")}}})
	require.Equal(t, syncproto.StatusConflict, conflict.Results[0].Status)
	assert.Equal(t, "First, retitled", conflict.Results[0].Item.Title)
	assert.Equal(t, syncproto.CodeConflict, conflict.Results[0].Error.Code)
	assert.Equal(t, []string{"title", "note"}, conflict.Results[0].Fields, "both were written after base 1 with other values")
	// Nothing of the change is written, only the dispute, which tells the other devices (see sync_wait_test.go).
	assert.Equal(t, c.Version+1, conflict.Version, "a conflict writes its dispute")
	d := conflict.Results[0].Item.Dispute
	require.NotNil(t, d)
	assert.Equal(t, []string{"title", "note"}, d.Fields)
	assert.JSONEq(t, `"Stale title"`, string(d.Values["title"]))
	assert.Equal(t, "First, retitled", conflict.Results[0].Item.Title)
	again := u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{{ID: first.ID, BaseVersion: 1, Title: ptr("Stale title"), Note: ptr("x")}}})
	assert.Equal(t, conflict.Version, again.Version, "the same conflict again writes nothing")
	// The same stale edit with the value the server already has is not a conflict: it settles the title.
	same := u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{{ID: first.ID, BaseVersion: 1, Title: ptr("First, retitled")}}})
	assert.Equal(t, syncproto.StatusApplied, same.Results[0].Status)
	assert.Equal(t, []string{"note"}, same.Results[0].Item.Dispute.Fields, "the title is settled, the note still disputed")
	assert.Equal(t, "First, retitled", same.Results[0].Item.Title)
	noop := u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{{ID: first.ID, BaseVersion: 1, Title: ptr("First, retitled")}}})
	assert.Equal(t, same.Version, noop.Version, "a no-op writes nothing")
	// Tags and fields the server did not write since base are never named: the user chooses only the note.
	partial := u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{{ID: first.ID, BaseVersion: 1, Note: ptr("y"), Read: ptr(true), Tags: ptr([]string{"other"})}}})
	require.Equal(t, syncproto.StatusConflict, partial.Results[0].Status)
	assert.Equal(t, []string{"note"}, partial.Results[0].Fields)
	cur := partial.Results[0].Item.Version

	// Deletions: stale ones conflict, current ones apply, and pulls report them.
	del := u.push(t, syncproto.PushRequest{Deletions: []syncproto.Deletion{{ID: first.ID, BaseVersion: 1}}})
	assert.Equal(t, syncproto.StatusConflict, del.Results[0].Status)
	require.NotNil(t, del.Results[0].Item)
	del = u.push(t, syncproto.PushRequest{Deletions: []syncproto.Deletion{{ID: first.ID, BaseVersion: cur}, {ID: "arxiv:2401.09999", BaseVersion: 0}}})
	assert.Equal(t, syncproto.StatusApplied, del.Results[0].Status)
	assert.Equal(t, syncproto.StatusApplied, del.Results[1].Status, "deleting what does not exist is done already")
	changed := u.pull(t, cur, "")
	assert.Equal(t, del.Version, changed.Version)
	assert.Equal(t, []syncproto.Tombstone{{ID: first.ID, Version: del.Version}}, changed.Deleted)
	assert.Empty(t, changed.Items)
	assert.Empty(t, u.pull(t, 0, "").Deleted, "a full pull has nothing to delete")

	// Editing an item deleted after the edit's base: conflict "gone"; re-saving it based on the deletion works.
	gone := u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{{ID: first.ID, BaseVersion: c.Version, Note: ptr("too late")}}})
	require.Equal(t, syncproto.StatusConflict, gone.Results[0].Status)
	assert.Nil(t, gone.Results[0].Item)
	assert.Equal(t, syncproto.CodeGone, gone.Results[0].Error.Code)
	back := u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{{ID: first.ID, BaseVersion: del.Version, Title: ptr("Back")}}})
	require.Equal(t, syncproto.StatusApplied, back.Results[0].Status)
	assert.Equal(t, "Back", back.Results[0].Item.Title)
	assert.Empty(t, back.Results[0].Item.Note, "a re-saved item starts fresh")

	// Invalid entries are reported one by one; the valid ones still apply.
	inv := u.push(t, syncproto.PushRequest{
		Changes: []syncproto.Change{
			{ID: "arxiv:2401.00002v3", Title: ptr("versioned id")},
			{ID: "not an id", Title: ptr("x")},
			{ID: "arxiv:2401.00003", Title: ptr("no url is fine"), URL: ptr("javascript:alert(1)")},
			{ID: "arxiv:2401.00004"},
			{ID: "arxiv:2401.00005", Title: ptr("  ")},
			{ID: "arxiv:2401.00006", Title: ptr("ok")},
			{ID: "arxiv:2401.00006", Title: ptr("twice")},
			// a year past 9999 in UTC, which no JSON time carries: once a 500 that failed the whole push
			{ID: "arxiv:2401.00008", Title: ptr("late"), SavedAt: ptr(time.Date(9999, 12, 31, 23, 30, 0, 0, time.FixedZone("", -3600)))},
			// a base version no server gave, which would pass every conflict check
			{ID: "arxiv:2401.00001", Note: ptr("overwrite"), BaseVersion: syncproto.MaxVersion + 1},
		},
		Deletions: []syncproto.Deletion{{ID: "doi:NOT-normalized", BaseVersion: 0}, {ID: "arxiv:2401.00007", BaseVersion: -1},
			{ID: "arxiv:2401.00002", BaseVersion: 1<<63 - 1}},
	})
	want := []string{"invalid", "invalid", "invalid", "invalid", "invalid", "applied", "invalid", "invalid", "invalid", "invalid", "invalid", "invalid"}
	require.Len(t, inv.Results, len(want))
	for i, r := range inv.Results {
		assert.Equal(t, want[i], r.Status, "result %d: %+v", i, r.Error)
		if r.Status == syncproto.StatusInvalid {
			assert.Equal(t, syncproto.CodeInvalid, r.Error.Code)
		}
	}
}

func TestSyncIdempotency(t *testing.T) {
	srv := apitest.Start(t)
	u := newUser(t, srv)
	req := syncproto.PushRequest{Changes: []syncproto.Change{newChange("arxiv:2402.00001", "Once")}}
	send := func(key string, body any) *apitest.Response {
		return u.c.Do(t, "POST", "/v1/sync", u.token, body, syncproto.HeaderIdempotencyKey, key)
	}
	first := send("key-1", req)
	require.Equal(t, http.StatusOK, first.Status, first.String())
	again := send("key-1", req)
	require.Equal(t, http.StatusOK, again.Status)
	assert.JSONEq(t, string(first.Body), string(again.Body), "a replay answers like the first time")
	assert.Equal(t, "true", again.Header.Get("Idempotent-Replayed"))
	assert.Equal(t, int64(1), u.pull(t, 0, "").Version, "and writes nothing")

	// Replaying a key whose first answer was a write must not re-apply over newer edits.
	edit := syncproto.PushRequest{Changes: []syncproto.Change{{ID: "arxiv:2402.00001", BaseVersion: 1, Note: ptr("v2")}}}
	require.Equal(t, http.StatusOK, send("key-2", edit).Status)
	require.Equal(t, http.StatusOK, send("key-3", syncproto.PushRequest{Changes: []syncproto.Change{{ID: "arxiv:2402.00001", BaseVersion: 2, Note: ptr("v3")}}}).Status)
	require.Equal(t, http.StatusOK, send("key-2", edit).Status)
	item := u.c.Do(t, "GET", "/v1/items/arxiv:2402.00001", u.token, nil)
	assert.Contains(t, string(item.Body), `"note":"v3"`)

	requireError(t, send("key-1", syncproto.PushRequest{}), http.StatusUnprocessableEntity, syncproto.CodeIdempotencyReused)
	requireError(t, u.c.Do(t, "POST", "/v1/sync", u.token, req), http.StatusBadRequest, syncproto.CodeInvalid)
	requireError(t, send("bad key with spaces", req), http.StatusBadRequest, syncproto.CodeInvalid)
	requireError(t, send("k-json", `{"changes": [`), http.StatusBadRequest, syncproto.CodeInvalid)
	requireError(t, send("k-field", `{"changes": [], "extra": 1}`), http.StatusBadRequest, syncproto.CodeInvalid)
	requireError(t, send("k-type", `{"changes": [{"id": 5}]}`), http.StatusBadRequest, syncproto.CodeInvalid)
	many := syncproto.PushRequest{}
	for i := 0; i <= syncproto.MaxPushOps; i++ {
		many.Deletions = append(many.Deletions, syncproto.Deletion{ID: fmt.Sprintf("arxiv:2403.%05d", i)})
	}
	requireError(t, send("k-many", many), http.StatusBadRequest, syncproto.CodeInvalid)

	// Keys belong to a user: another user's identical key is a different request.
	other := newUser(t, srv)
	r := other.c.Do(t, "POST", "/v1/sync", other.token, req, syncproto.HeaderIdempotencyKey, "key-1")
	require.Equal(t, http.StatusOK, r.Status)
	assert.Empty(t, r.Header.Get("Idempotent-Replayed"))
}

func TestSyncPagination(t *testing.T) {
	srv := apitest.Start(t)
	u := newUser(t, srv)
	// Versions 1..3 hold 2, 5 and 1 items.
	for v, n := range []int{2, 5, 1} {
		var req syncproto.PushRequest
		for i := 0; i < n; i++ {
			req.Changes = append(req.Changes, newChange(fmt.Sprintf("arxiv:2404.%d%04d", v, i), "p"))
		}
		u.push(t, req)
	}
	tests := []struct {
		limit    int
		versions []int64 // the Version of each page
		sizes    []int
	}{
		{limit: 100, versions: []int64{3}, sizes: []int{8}},
		{limit: 3, versions: []int64{1, 2, 3}, sizes: []int{2, 5, 1}}, // a page never splits a version
		{limit: 7, versions: []int64{2, 3}, sizes: []int{7, 1}},
		{limit: 1, versions: []int64{1, 2, 3}, sizes: []int{2, 5, 1}},
	}
	for _, tt := range tests {
		t.Run("limit "+strconv.Itoa(tt.limit), func(t *testing.T) {
			var since int64
			var versions []int64
			var sizes []int
			seen := map[string]bool{}
			for page := 0; page < 10; page++ {
				p := u.pull(t, since, "&limit="+strconv.Itoa(tt.limit))
				versions, sizes = append(versions, p.Version), append(sizes, len(p.Items))
				for _, it := range p.Items {
					assert.False(t, seen[it.ID], "item %s twice", it.ID)
					seen[it.ID] = true
					assert.LessOrEqual(t, it.Version, p.Version)
				}
				since = p.Version
				if !p.More {
					break
				}
			}
			assert.Equal(t, tt.versions, versions)
			assert.Equal(t, tt.sizes, sizes)
			assert.Len(t, seen, 8)
		})
	}
	for _, q := range []string{"since=-1", "since=x", "limit=0", "limit=100000"} {
		requireError(t, u.c.Do(t, "GET", "/v1/sync?"+q, u.token, nil), http.StatusBadRequest, syncproto.CodeInvalid)
	}
	requireError(t, u.c.Do(t, "GET", "/v1/sync", u.token, nil, syncproto.HeaderIfModifiedSinceVersion, "abc"), http.StatusBadRequest, syncproto.CodeInvalid)
}

func TestLibrariesAreSeparate(t *testing.T) {
	srv := apitest.Start(t)
	a, b := newUser(t, srv), newUser(t, srv)
	a.push(t, syncproto.PushRequest{Changes: []syncproto.Change{newChange("arxiv:2405.00001", "A's")}})
	assert.Equal(t, int64(0), b.pull(t, 0, "").Version)
	requireError(t, b.c.Do(t, "GET", "/v1/items/arxiv:2405.00001", b.token, nil), http.StatusNotFound, syncproto.CodeNotFound)
	res := b.push(t, syncproto.PushRequest{Changes: []syncproto.Change{newChange("arxiv:2405.00001", "B's")}})
	assert.Equal(t, int64(1), res.Version)
	var it syncproto.Item
	r := a.c.Do(t, "GET", "/v1/items/arxiv:2405.00001", a.token, nil)
	r.JSON(t, &it)
	assert.Equal(t, "A's", it.Title)
}

// Two devices' record upgrades lift the same paper's date from their own pages, at different precision: through
// the stored rows, the fuller lift wins whichever goes up second, and the pull says the server takes lifts.
func TestSyncLiftedDates(t *testing.T) {
	srv := apitest.Start(t)
	u := newUser(t, srv)
	const id = "arxiv:2401.00007"
	v1 := u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{newChange(id, "Dated")}}).Version
	lift := func(published string) syncproto.Result {
		ch := syncproto.Change{ID: id, BaseVersion: v1, Published: ptr(published), Lifted: []string{"published"}}
		return u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{ch}}).Results[0]
	}
	first := lift("2017-06")
	require.Equal(t, syncproto.StatusApplied, first.Status, first.Error)
	second := lift("2017-06-12")
	require.Equal(t, syncproto.StatusApplied, second.Status, second.Error)
	assert.Equal(t, "2017-06-12", second.Item.Published)
	third := lift("2017")
	require.Equal(t, syncproto.StatusApplied, third.Status, third.Error)
	assert.Equal(t, "2017-06-12", third.Item.Published, "a shorter lift gives way")
	got := u.pull(t, 0, "")
	require.Len(t, got.Items, 1)
	assert.Equal(t, "2017-06-12", got.Items[0].Published)
	assert.Nil(t, got.Items[0].Dispute)

	// An equal re-save of a lifted month (a separate request, so through the stored row) makes it the user's: a
	// later fuller lift conflicts instead of replacing it.
	const id2 = "arxiv:2401.00008"
	w1 := u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{newChange(id2, "Resaved")}}).Version
	push := func(base int64, published string, lifted ...string) syncproto.Result {
		ch := syncproto.Change{ID: id2, BaseVersion: base, Published: ptr(published), Lifted: lifted}
		return u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{ch}}).Results[0]
	}
	lifted := push(w1, "2017-06", "published")
	require.Equal(t, syncproto.StatusApplied, lifted.Status, lifted.Error)
	resaved := push(lifted.Item.Version, "2017-06")
	require.Equal(t, syncproto.StatusApplied, resaved.Status, resaved.Error)
	late := push(w1, "2017-06-12", "published")
	assert.Equal(t, syncproto.StatusConflict, late.Status, "a lift must not undo a re-save")

	bad := syncproto.Change{ID: id, BaseVersion: v1, Title: ptr("Dated"), Lifted: []string{"title"}}
	res := u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{bad}}).Results[0]
	assert.Equal(t, syncproto.StatusInvalid, res.Status)

	r := u.c.Do(t, "GET", "/v1/sync?since=0", u.token, nil)
	assert.Equal(t, syncproto.FeatureLifted, r.Header.Get(syncproto.HeaderFeatures))
	r = u.c.Do(t, "GET", "/v1/sync?since=0", u.token, nil, syncproto.HeaderIfModifiedSinceVersion, "1000")
	require.Equal(t, http.StatusNotModified, r.Status)
	assert.Equal(t, syncproto.FeatureLifted, r.Header.Get(syncproto.HeaderFeatures), "a 304 says it too")
}
