package httpapi_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/internal/apitest"
	"github.com/papergist/papergist/shared/syncproto"
)

// TestPublishedAndVenueSync: a paper's publication date and venue are pushed by one device and pulled by another;
// a push without them (an older extension) leaves them as they are; a bad date is refused naming the field.
func TestPublishedAndVenueSync(t *testing.T) {
	srv := apitest.Start(t)
	u := newUser(t, srv)
	id := "doi:10.1000/xyz123"

	ch := syncproto.Change{ID: id, Title: ptr("A DOI paper"), Published: ptr("2019-06-02"), Venue: ptr("  Nature Communications ")}
	resp := u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{ch}})
	require.Equal(t, syncproto.StatusApplied, resp.Results[0].Status, resp.Results[0].Error)
	got := u.pull(t, 0, "")
	require.Len(t, got.Items, 1)
	assert.Equal(t, [2]string{"2019-06-02", "Nature Communications"}, [2]string{got.Items[0].Published, got.Items[0].Venue}, "trimmed, as stored")

	// An older extension knows neither field: its push of a note must not blank them.
	r := u.c.Do(t, "POST", "/v1/sync", u.token, map[string]any{"changes": []map[string]any{{"id": id, "base_version": 1, "note": "old device"}}},
		syncproto.HeaderIdempotencyKey, "old-client-1")
	require.Equal(t, http.StatusOK, r.Status, r.String())
	got = u.pull(t, 1, "")
	require.Len(t, got.Items, 1)
	assert.Equal(t, "old device", got.Items[0].Note)
	assert.Equal(t, [2]string{"2019-06-02", "Nature Communications"}, [2]string{got.Items[0].Published, got.Items[0].Venue}, "absent is not empty")

	// Empty is a value: a device that clears the venue clears it.
	resp = u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{{ID: id, BaseVersion: got.Version, Venue: ptr("")}}})
	require.Equal(t, syncproto.StatusApplied, resp.Results[0].Status, resp.Results[0].Error)
	assert.Equal(t, "", resp.Results[0].Item.Venue)
	assert.Equal(t, "2019-06-02", resp.Results[0].Item.Published)

	// They merge as the title does: a stale edit of the date written since is a conflict, naming it.
	v := resp.Version
	resp = u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{{ID: id, BaseVersion: v, Published: ptr("2019")}}})
	require.Equal(t, syncproto.StatusApplied, resp.Results[0].Status)
	resp = u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{{ID: id, BaseVersion: v, Published: ptr("2018-01"), Venue: ptr("arXiv")}}})
	require.Equal(t, syncproto.StatusConflict, resp.Results[0].Status)
	assert.Equal(t, []string{"published"}, resp.Results[0].Fields)
	require.NotNil(t, resp.Results[0].Item.Dispute)
	assert.JSONEq(t, `"2018-01"`, string(resp.Results[0].Item.Dispute.Values["published"]))

	// A date that is not YYYY, YYYY-MM or YYYY-MM-DD is refused with a 400 that names the field, and nothing is lost.
	for _, bad := range []string{"June 2019", "2019-6", "2019-02-30", "2019-06-02T00:00:00Z", "19"} {
		res := u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{{ID: id, BaseVersion: resp.Version, Published: ptr(bad)}}})
		require.Equal(t, syncproto.StatusInvalid, res.Results[0].Status, bad)
		assert.Contains(t, res.Results[0].Error.Message, "published", bad)
		r := u.c.Do(t, "PUT", itemPath(id), u.token, map[string]any{"published": bad})
		requireError(t, r, http.StatusBadRequest, syncproto.CodeInvalid)
		assert.Contains(t, r.String(), "published: ", bad)
	}
	long := make([]byte, syncproto.MaxVenue+1)
	for i := range long {
		long[i] = 'v'
	}
	r = u.c.Do(t, "PUT", itemPath(id), u.token, map[string]any{"venue": string(long)})
	requireError(t, r, http.StatusBadRequest, syncproto.CodeInvalid)
	assert.Contains(t, r.String(), "venue: longer than 500")
	r = u.c.Do(t, "GET", itemPath(id), u.token, nil)
	require.Equal(t, http.StatusOK, r.Status, r.String())
	var it syncproto.Item
	r.JSON(t, &it)
	assert.Equal(t, [2]string{"2019", ""}, [2]string{it.Published, it.Venue})
}
