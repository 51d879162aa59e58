package httpapi_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/internal/apitest"
	"github.com/papergist/papergist/shared/syncproto"
)

func itemPath(id string) string { return "/v1/items/" + url.PathEscape(id) }

func TestItemsCRUD(t *testing.T) {
	srv := apitest.Start(t)
	u := newUser(t, srv)
	id := "doi:10.1000/xyz.123"
	body := map[string]any{"title": "A DOI paper", "url": "https://doi.org/10.1000/xyz.123", "tags": []string{" b ", "a", "b"}, "read": true}

	requireError(t, u.c.Do(t, "GET", itemPath(id), u.token, nil), http.StatusNotFound, syncproto.CodeNotFound)
	requireError(t, u.c.Do(t, "PUT", itemPath(id), u.token, body, "If-Match", "3"), http.StatusPreconditionFailed, syncproto.CodePreconditionFailed)
	r := u.c.Do(t, "PUT", itemPath(id), u.token, body, "If-Match", "0")
	require.Equal(t, http.StatusCreated, r.Status, r.String())
	var it syncproto.Item
	r.JSON(t, &it)
	assert.Equal(t, syncproto.Item{ID: id, Title: "A DOI paper", Authors: []string{}, URL: "https://doi.org/10.1000/xyz.123",
		Keyphrases: []string{}, Tags: []string{"a", "b"}, Read: true, SavedAt: it.SavedAt, UpdatedAt: it.UpdatedAt, Version: 1}, it)
	assert.Equal(t, `"1"`, r.Header.Get("ETag"))

	// The raw path form (slash not encoded) reaches the same item.
	r = u.c.Do(t, "GET", "/v1/items/"+id, u.token, nil)
	require.Equal(t, http.StatusOK, r.Status, r.String())
	var again syncproto.Item
	r.JSON(t, &again)
	assert.Equal(t, it, again)

	requireError(t, u.c.Do(t, "PUT", itemPath(id), u.token, map[string]any{"note": "n"}, "If-Match", "0"), http.StatusPreconditionFailed, syncproto.CodePreconditionFailed)
	r = u.c.Do(t, "PUT", itemPath(id), u.token, map[string]any{"note": "n"}, "If-Match", `"1"`)
	require.Equal(t, http.StatusOK, r.Status, r.String())
	r.JSON(t, &it)
	assert.Equal(t, "n", it.Note)
	assert.Equal(t, "A DOI paper", it.Title, "absent fields are left alone")
	assert.Equal(t, int64(2), it.Version)
	// Without If-Match the write is unconditional.
	r = u.c.Do(t, "PUT", itemPath(id), u.token, map[string]any{"read": false})
	require.Equal(t, http.StatusOK, r.Status, r.String())

	requireError(t, u.c.Do(t, "PUT", itemPath(id), u.token, map[string]any{"id": "arxiv:2401.00001", "note": "x"}), http.StatusBadRequest, syncproto.CodeInvalid)
	requireError(t, u.c.Do(t, "PUT", itemPath(id), u.token, map[string]any{"url": "ftp://x"}), http.StatusBadRequest, syncproto.CodeInvalid)
	requireError(t, u.c.Do(t, "PUT", itemPath(id), u.token, map[string]any{"note": "x"}, "If-Match", "v1"), http.StatusBadRequest, syncproto.CodeInvalid)
	requireError(t, u.c.Do(t, "PUT", itemPath("arxiv:2401.00009"), u.token, map[string]any{"note": "no title"}), http.StatusBadRequest, syncproto.CodeInvalid)
	requireError(t, u.c.Do(t, "GET", itemPath("arXiv:1234"), u.token, nil), http.StatusBadRequest, syncproto.CodeInvalid)
	requireError(t, u.c.Do(t, "GET", "/v1/items/%25zz", u.token, nil), http.StatusBadRequest, syncproto.CodeInvalid)

	requireError(t, u.c.Do(t, "DELETE", itemPath(id), u.token, nil, "If-Match", "1"), http.StatusPreconditionFailed, syncproto.CodePreconditionFailed)
	require.Equal(t, http.StatusNoContent, u.c.Do(t, "DELETE", itemPath(id), u.token, nil, "If-Match", "3").Status)
	requireError(t, u.c.Do(t, "GET", itemPath(id), u.token, nil), http.StatusNotFound, syncproto.CodeNotFound)
	requireError(t, u.c.Do(t, "DELETE", itemPath(id), u.token, nil), http.StatusNotFound, syncproto.CodeNotFound)
	p := u.pull(t, 3, "")
	assert.Equal(t, []syncproto.Tombstone{{ID: id, Version: 4}}, p.Deleted)
}

func TestItemsSearch(t *testing.T) {
	srv := apitest.Start(t)
	u := newUser(t, srv)
	u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{
		{ID: "arxiv:2406.00001", Title: ptr("Attention is all you need"), Tags: ptr([]string{"nlp", "classic"}), Read: ptr(true)},
		{ID: "arxiv:2406.00002", Title: ptr("Deep residual learning"), Tags: ptr([]string{"vision"}), Note: ptr("100% worth it")},
		{ID: "arxiv:2406.00003", Title: ptr("BERT"), Abstract: ptr("We introduce a new language representation model"), Tags: ptr([]string{"nlp"})},
	}})
	ids := func(query string) []string {
		r := u.c.Do(t, "GET", "/v1/items?"+query, u.token, nil)
		require.Equal(t, http.StatusOK, r.Status, r.String())
		var list struct{ Items []syncproto.Item }
		r.JSON(t, &list)
		out := []string{}
		for _, it := range list.Items {
			out = append(out, it.ID)
		}
		return out
	}
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"arxiv:2406.00001", "arxiv:2406.00002", "arxiv:2406.00003"}},
		{"tag=nlp", []string{"arxiv:2406.00001", "arxiv:2406.00003"}},
		{"tag=nl", []string{}},
		{"q=ATTENTION", []string{"arxiv:2406.00001"}},
		{"q=language", []string{"arxiv:2406.00003"}},
		{"q=" + url.QueryEscape("100%"), []string{"arxiv:2406.00002"}},
		{"q=" + url.QueryEscape("%"), []string{"arxiv:2406.00002"}},
		{"q=_", []string{}},
		{"read=true", []string{"arxiv:2406.00001"}},
		{"read=false&tag=nlp", []string{"arxiv:2406.00003"}},
		{"limit=1&offset=1", []string{"arxiv:2406.00002"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			assert.ElementsMatch(t, tt.want, ids(tt.query))
		})
	}
	for _, q := range []string{"read=maybe", "limit=0", "offset=-1"} {
		requireError(t, u.c.Do(t, "GET", "/v1/items?"+q, u.token, nil), http.StatusBadRequest, syncproto.CodeInvalid)
	}
}

// TestLongIDsAreRefused: an ID past paper.MaxIDLen is never stored, and errors quote bad input cut short.
func TestLongIDsAreRefused(t *testing.T) {
	srv := apitest.Start(t)
	u := newUser(t, srv)
	long := "openreview:" + strings.Repeat("a", 600<<10)
	resp := u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{
		{ID: long, Title: ptr("Long")}, {ID: "url:https://example.org/" + strings.Repeat("b", 300<<10), Title: ptr("Long URL")},
	}})
	for _, res := range resp.Results {
		assert.Equal(t, syncproto.StatusInvalid, res.Status)
		require.NotNil(t, res.Error)
		assert.Less(t, len(res.Error.Message), 200, "%.300s", res.Error.Message)
	}
	assert.Empty(t, u.pull(t, 0, "").Items, "nothing was stored")

	r := u.c.Do(t, "PUT", itemPath("arxiv:2401.00001"), u.token, map[string]any{"id": long, "title": "x"})
	requireError(t, r, http.StatusBadRequest, syncproto.CodeInvalid)
	assert.Less(t, len(r.Body), 400, "%.500s", r.Body)
}

// The extension tells the two 404s apart (background/sync.js bringBackRefused): the store's own miss of an item
// names it ("item <id> not found"), a route the server does not have says only "Not Found".
func TestItemMissAndMissingRouteSayDifferentThings(t *testing.T) {
	srv := apitest.Start(t)
	u := newUser(t, srv)
	var body syncproto.ErrorBody
	r := u.c.Do(t, "GET", itemPath("arxiv:2401.09999"), u.token, nil)
	require.Equal(t, http.StatusNotFound, r.Status, r.String())
	r.JSON(t, &body)
	assert.Equal(t, syncproto.Error{Code: syncproto.CodeNotFound, Message: "item arxiv:2401.09999 not found"}, body.Error)
	r = u.c.Do(t, "GET", "/v1/itemz/arxiv:2401.09999", u.token, nil)
	require.Equal(t, http.StatusNotFound, r.Status, r.String())
	r.JSON(t, &body)
	assert.Equal(t, syncproto.Error{Code: syncproto.CodeNotFound, Message: "Not Found"}, body.Error)
}
