package httpapi_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/internal/apitest"
	"github.com/papergist/papergist/shared/syncproto"
)

func TestDevicesAndLogout(t *testing.T) {
	srv := apitest.Start(t)
	c := srv.NewClient()
	a, pw := c.Register(t)
	b := c.Login(t, a.User.Email, pw, "phone")
	stranger, _ := c.Register(t)

	r := c.Do(t, "GET", "/v1/devices", a.AccessToken, nil)
	require.Equal(t, http.StatusOK, r.Status, r.String())
	var list struct {
		Devices []struct {
			ID, Name string
			Current  bool
		}
	}
	r.JSON(t, &list)
	require.Len(t, list.Devices, 2)
	names := map[string]bool{}
	for _, d := range list.Devices {
		names[d.Name] = true
		assert.Equal(t, d.ID == a.DeviceID, d.Current)
	}
	assert.True(t, names["phone"])

	requireError(t, c.Do(t, "DELETE", "/v1/devices/"+b.DeviceID, stranger.AccessToken, nil), http.StatusNotFound, syncproto.CodeNotFound)
	requireError(t, c.Do(t, "DELETE", "/v1/devices/nope", a.AccessToken, nil), http.StatusNotFound, syncproto.CodeNotFound)
	require.Equal(t, http.StatusNoContent, c.Do(t, "DELETE", "/v1/devices/"+b.DeviceID, a.AccessToken, nil).Status)
	requireError(t, c.Do(t, "GET", "/v1/me", b.AccessToken, nil), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	requireError(t, refresh(t, c, b.RefreshToken), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	// The sync pull checks the device in its own statement: revoked there too, with or without a version header.
	requireError(t, c.Do(t, "GET", "/v1/sync", b.AccessToken, nil), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	requireError(t, c.Do(t, "GET", "/v1/sync", b.AccessToken, nil, syncproto.HeaderIfModifiedSinceVersion, "0"), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	assert.Equal(t, http.StatusOK, c.Do(t, "GET", "/v1/sync", a.AccessToken, nil).Status)
	// So does the push, in its first read; a refused body or a reused key is still answered as revoked first.
	push := syncproto.PushRequest{Changes: []syncproto.Change{{ID: "arxiv:1706.03762"}}}
	requireError(t, c.Do(t, "POST", "/v1/sync", b.AccessToken, push, syncproto.HeaderIdempotencyKey, "k1"), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	requireError(t, c.Do(t, "POST", "/v1/sync", b.AccessToken, map[string]int{"bogus": 1}, syncproto.HeaderIdempotencyKey, "k2"), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	requireError(t, c.Do(t, "POST", "/v1/sync", b.AccessToken, push), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	require.Equal(t, http.StatusOK, c.Do(t, "POST", "/v1/sync", a.AccessToken, push, syncproto.HeaderIdempotencyKey, "k1").Status)

	require.Equal(t, http.StatusNoContent, c.Do(t, "POST", "/v1/auth/logout", a.AccessToken, nil).Status)
	requireError(t, c.Do(t, "GET", "/v1/me", a.AccessToken, nil), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	requireError(t, refresh(t, c, a.RefreshToken), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	requireError(t, c.Do(t, "POST", "/v1/auth/logout", a.AccessToken, nil), http.StatusUnauthorized, syncproto.CodeUnauthorized)
}

func TestRenameDevice(t *testing.T) {
	srv := apitest.Start(t)
	c := srv.NewClient()
	a, pw := c.Register(t)
	b := c.Login(t, a.User.Email, pw, "phone")
	stranger, _ := c.Register(t)

	// devices returns the user's devices by id, as GET /v1/devices shows them.
	devices := func(t *testing.T, token string) map[string]string {
		t.Helper()
		r := c.Do(t, "GET", "/v1/devices", token, nil)
		require.Equal(t, http.StatusOK, r.Status, r.String())
		var list struct{ Devices []struct{ ID, Name string } }
		r.JSON(t, &list)
		out := map[string]string{}
		for _, d := range list.Devices {
			out[d.ID] = d.Name
		}
		return out
	}

	renames := []struct {
		name, device, token, body string
		want                      string
		current                   bool
	}{
		{"this device, trimmed", a.DeviceID, a.AccessToken, `{"name":"  Work laptop\t"}`, "Work laptop", true},
		{"another of the user's devices", b.DeviceID, a.AccessToken, `{"name":"Phone (old)"}`, "Phone (old)", false},
		{"100 characters, not bytes", b.DeviceID, b.AccessToken, `{"name":"` + strings.Repeat("é", 100) + `"}`, strings.Repeat("é", 100), true},
		{"one character", a.DeviceID, a.AccessToken, `{"name":"x"}`, "x", true},
	}
	for _, tt := range renames {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Do(t, "PATCH", "/v1/devices/"+tt.device, tt.token, []byte(tt.body))
			require.Equal(t, http.StatusOK, r.Status, r.String())
			var got struct {
				ID, Name  string
				Current   bool
				CreatedAt time.Time `json:"created_at"`
			}
			r.JSON(t, &got)
			assert.Equal(t, tt.device, got.ID)
			assert.Equal(t, tt.want, got.Name)
			assert.Equal(t, tt.current, got.Current)
			assert.False(t, got.CreatedAt.IsZero())
			assert.Equal(t, tt.want, devices(t, a.AccessToken)[tt.device])
		})
	}

	before := devices(t, a.AccessToken)
	refused := []struct {
		name, device, token, body, contentType string
		status                                 int
		code                                   string
	}{
		{"empty name", a.DeviceID, a.AccessToken, `{"name":""}`, "", 400, syncproto.CodeInvalid},
		{"only spaces", a.DeviceID, a.AccessToken, `{"name":"   "}`, "", 400, syncproto.CodeInvalid},
		{"101 characters", a.DeviceID, a.AccessToken, `{"name":"` + strings.Repeat("a", 101) + `"}`, "", 400, syncproto.CodeInvalid},
		{"line break inside", a.DeviceID, a.AccessToken, `{"name":"Work\nlaptop"}`, "", 400, syncproto.CodeInvalid},
		{"NUL inside", a.DeviceID, a.AccessToken, `{"name":"Work\u0000laptop"}`, "", 400, syncproto.CodeInvalid},
		{"C1 control inside", a.DeviceID, a.AccessToken, `{"name":"Work\u0085laptop"}`, "", 400, syncproto.CodeInvalid},
		{"no name", a.DeviceID, a.AccessToken, `{}`, "", 400, syncproto.CodeInvalid},
		{"name not a string", a.DeviceID, a.AccessToken, `{"name":42}`, "", 400, syncproto.CodeInvalid},
		{"unknown field", a.DeviceID, a.AccessToken, `{"name":"ok","current":true}`, "", 400, syncproto.CodeInvalid},
		{"empty body", a.DeviceID, a.AccessToken, ``, "", 400, syncproto.CodeInvalid},
		{"not JSON", a.DeviceID, a.AccessToken, `name=ok`, "application/x-www-form-urlencoded", 415, syncproto.CodeUnsupportedMedia},
		{"another user's device", a.DeviceID, stranger.AccessToken, `{"name":"mine now"}`, "", 404, syncproto.CodeNotFound},
		{"no such device", "nope", a.AccessToken, `{"name":"ok"}`, "", 404, syncproto.CodeNotFound},
		{"no token", a.DeviceID, "", `{"name":"ok"}`, "", 401, syncproto.CodeUnauthorized},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			ct := tt.contentType
			if ct == "" {
				ct = "application/json"
			}
			r := c.Do(t, "PATCH", "/v1/devices/"+tt.device, tt.token, []byte(tt.body), "Content-Type", ct)
			requireError(t, r, tt.status, tt.code)
		})
	}
	assert.Equal(t, before, devices(t, a.AccessToken), "refused renames change nothing")

	t.Run("a revoked device cannot rename", func(t *testing.T) {
		require.Equal(t, http.StatusNoContent, c.Do(t, "DELETE", "/v1/devices/"+b.DeviceID, a.AccessToken, nil).Status)
		requireError(t, c.Do(t, "PATCH", "/v1/devices/"+a.DeviceID, b.AccessToken, []byte(`{"name":"ghost"}`)), http.StatusUnauthorized, syncproto.CodeUnauthorized)
		requireError(t, c.Do(t, "PATCH", "/v1/devices/"+b.DeviceID, a.AccessToken, []byte(`{"name":"ghost"}`)), http.StatusNotFound, syncproto.CodeNotFound)
	})
}
