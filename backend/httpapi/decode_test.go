package httpapi_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/backend/auth"
	"github.com/papergist/papergist/backend/internal/apitest"
	"github.com/papergist/papergist/shared/syncproto"
)

// TestBodyIsValidUTF8: a body with bytes that are not UTF-8 is refused whole, where decoding would have stored
// U+FFFD in their place; the item is left as it was.
func TestBodyIsValidUTF8(t *testing.T) {
	srv := apitest.Start(t)
	u := newUser(t, srv)
	id := "arxiv:2401.00004"
	put := u.c.Do(t, "PUT", itemPath(id), u.token, map[string]any{"title": "café"})
	assert.Equal(t, http.StatusCreated, put.Status, put.String())

	for name, body := range map[string]string{
		"title": "{\"title\":\"caf\xe9\"}",
		"tags":  "{\"tags\":[\"r\xe9sum\xe9\"]}",
		"note":  "{\"note\":\"\xff\xfe\"}",
	} {
		r := u.c.Do(t, "PUT", itemPath(id), u.token, []byte(body))
		requireError(t, r, http.StatusBadRequest, syncproto.CodeInvalid)
		assert.Contains(t, string(r.Body), "UTF-8", name)
	}
	push := "{\"changes\":[{\"id\":\"" + id + "\",\"title\":\"caf\xe9\",\"base_version\":1}]}"
	r := u.c.Do(t, "POST", "/v1/sync", u.token, []byte(push), syncproto.HeaderIdempotencyKey, auth.RandomToken(12))
	requireError(t, r, http.StatusBadRequest, syncproto.CodeInvalid)

	var it syncproto.Item
	u.c.Do(t, "GET", itemPath(id), u.token, nil).JSON(t, &it)
	assert.Equal(t, "café", it.Title)
	assert.Empty(t, it.Tags)
	assert.Equal(t, int64(1), it.Version, "nothing was written")
}
