package httpapi_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/auth"
	"github.com/papergist/papergist/backend/httpapi"
	"github.com/papergist/papergist/backend/internal/apitest"
	"github.com/papergist/papergist/backend/sqlite"
	"github.com/papergist/papergist/shared/syncproto"
)

// forge signs claims with the server's key (or another) and method.
func forge(t *testing.T, method jwt.SigningMethod, key any, claims jwt.MapClaims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(method, claims).SignedString(key)
	require.NoError(t, err)
	return s
}

func TestAccessTokensAreChecked(t *testing.T) {
	srv := apitest.Start(t)
	c := srv.NewClient()
	s, _ := c.Register(t)
	require.Equal(t, http.StatusOK, c.Do(t, "GET", "/v1/me", s.AccessToken, nil).Status)

	// The valid token's claims, to tamper with one at a time.
	parsed, _, err := jwt.NewParser().ParseUnverified(s.AccessToken, jwt.MapClaims{})
	require.NoError(t, err)
	good := parsed.Claims.(jwt.MapClaims)
	for _, k := range []string{"iss", "aud", "sub", "exp", "iat", "jti", "sid"} {
		assert.Contains(t, good, k)
	}
	with := func(k string, v any) jwt.MapClaims {
		c := jwt.MapClaims{}
		for kk, vv := range good {
			c[kk] = vv
		}
		if v == nil {
			delete(c, k)
		} else {
			c[k] = v
		}
		return c
	}
	parts := strings.Split(s.AccessToken, ".")
	tampered := parts[0] + "." + parts[1] + "." + strings.Repeat("A", len(parts[2]))

	tests := []struct{ name, header string }{
		{"no header", ""},
		{"not bearer", "Basic " + s.AccessToken},
		{"garbage", "Bearer not.a.jwt"},
		{"bad signature", "Bearer " + tampered},
		{"alg none", "Bearer " + forge(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, good)},
	}
	if srv.Secret != nil {
		now := time.Now()
		if srv.Clock != nil {
			now = srv.Clock.Now()
		}
		tests = append(tests, []struct{ name, header string }{
			{"other algorithm", "Bearer " + forge(t, jwt.SigningMethodHS512, srv.Secret, good)},
			{"other key", "Bearer " + forge(t, jwt.SigningMethodHS256, []byte("another key that is long enough!!"), good)},
			{"expired", "Bearer " + forge(t, jwt.SigningMethodHS256, srv.Secret, with("exp", now.Add(-time.Minute).Unix()))},
			{"no expiry", "Bearer " + forge(t, jwt.SigningMethodHS256, srv.Secret, with("exp", nil))},
			{"issued in the future", "Bearer " + forge(t, jwt.SigningMethodHS256, srv.Secret, with("iat", now.Add(time.Hour).Unix()))},
			{"wrong audience", "Bearer " + forge(t, jwt.SigningMethodHS256, srv.Secret, with("aud", "someone-else"))},
			{"wrong issuer", "Bearer " + forge(t, jwt.SigningMethodHS256, srv.Secret, with("iss", "evil"))},
			{"other user's device", "Bearer " + forge(t, jwt.SigningMethodHS256, srv.Secret, with("sub", "nobody"))},
			{"no device", "Bearer " + forge(t, jwt.SigningMethodHS256, srv.Secret, with("sid", nil))},
		}...)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hdr []string
			if tt.header != "" {
				hdr = []string{"Authorization", tt.header}
			}
			r := c.Do(t, "GET", "/v1/me", "", nil, hdr...)
			requireError(t, r, http.StatusUnauthorized, syncproto.CodeUnauthorized)
			assert.Contains(t, r.Header.Get("WWW-Authenticate"), "Bearer")
		})
	}
	t.Run("expires after 15 minutes", func(t *testing.T) {
		if srv.Clock == nil {
			t.Skip("needs the in-process server's clock")
		}
		srv.Clock.Advance(14 * time.Minute)
		require.Equal(t, http.StatusOK, c.Do(t, "GET", "/v1/me", s.AccessToken, nil).Status)
		srv.Clock.Advance(2 * time.Minute)
		requireError(t, c.Do(t, "GET", "/v1/me", s.AccessToken, nil), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	})
}

// TestRefusedTokenReasonIsLogged: the client hears only "invalid or expired"; the log says why.
func TestRefusedTokenReasonIsLogged(t *testing.T) {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "log.db"))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	var logs bytes.Buffer
	e, err := httpapi.New(db, httpapi.Config{JWTKey: []byte(auth.RandomToken(32)), Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	require.NoError(t, err)

	req := httptest.NewRequest("GET", "/v1/me", nil)
	req.Header.Set("Authorization", "Bearer not.a.jwt")
	w := httptest.NewRecorder()
	e.ServeHTTP(w, req)
	assert.Equal(t, http.StatusUnauthorized, w.Code)
	assert.NotContains(t, w.Body.String(), "malformed")
	assert.Regexp(t, `"auth_error":"invalid access token: token is malformed`, logs.String())
}

// TestBodiesMustBeJSON: a body without application/json (what a cross-site form or fetch can send without a
// CORS preflight) is refused before any handler runs, on every route that takes one.
func TestBodiesMustBeJSON(t *testing.T) {
	srv := apitest.Start(t)
	c := srv.NewClient()
	s, _ := c.Register(t)
	cred := `{"email":"` + apitest.NewEmail() + `","password":"long enough password"}`
	routes := []struct{ method, path, token, body string }{
		{"POST", "/v1/auth/register", "", cred},
		{"POST", "/v1/auth/login", "", cred},
		{"POST", "/v1/auth/refresh", "", `{"refresh_token":"` + s.RefreshToken + `"}`},
		{"POST", "/v1/auth/logout", s.AccessToken, `{}`},
		{"POST", "/v1/sync", s.AccessToken, `{"base_version":0,"changes":[]}`},
		{"PUT", "/v1/items/arxiv:2401.00001", s.AccessToken, `{"id":"arxiv:2401.00001","title":"T"}`},
		{"PATCH", "/v1/devices/" + s.DeviceID, s.AccessToken, `{"name":"x"}`},
	}
	for _, rt := range routes {
		for _, ct := range []string{"", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp"} {
			t.Run(rt.method+" "+rt.path+" "+ct, func(t *testing.T) {
				req, err := http.NewRequest(rt.method, srv.URL+rt.path, strings.NewReader(rt.body))
				require.NoError(t, err)
				if ct != "" {
					req.Header.Set("Content-Type", ct)
				}
				if rt.token != "" {
					req.Header.Set("Authorization", "Bearer "+rt.token)
				}
				resp, err := c.HTTP.Do(req)
				require.NoError(t, err)
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				requireError(t, &apitest.Response{Status: resp.StatusCode, Header: resp.Header, Body: body}, http.StatusUnsupportedMediaType, syncproto.CodeUnsupportedMedia)
			})
		}
	}
	// Nothing was done: the session still refreshes, the account still logs in from its first session.
	require.Equal(t, http.StatusOK, c.Do(t, "GET", "/v1/me", s.AccessToken, nil).Status)
	r := c.Do(t, "POST", "/v1/auth/login", "", []byte(cred), "Content-Type", "application/json; charset=utf-8")
	requireError(t, r, http.StatusUnauthorized, syncproto.CodeUnauthorized) // the register above was refused
}

// TestAnswersAreNotSniffedOrCached: every answer forbids MIME sniffing; an authenticated one, being the user's
// own data, also forbids caching.
func TestAnswersAreNotSniffedOrCached(t *testing.T) {
	srv := apitest.Start(t)
	c := srv.NewClient()
	s, _ := c.Register(t)
	for _, p := range []string{"/v1/me", "/v1/devices", "/v1/sync", "/v1/items", "/v1/export?format=bibtex", "/v1/items/arxiv:2401.00001"} {
		r := c.Do(t, "GET", p, s.AccessToken, nil)
		assert.Equal(t, "nosniff", r.Header.Get("X-Content-Type-Options"), p)
		assert.Equal(t, "no-store", r.Header.Get("Cache-Control"), p)
	}
	for _, p := range []string{"/healthz", "/v1/nothing-here", "/v1/me"} {
		r := c.Do(t, "GET", p, "", nil)
		assert.Equal(t, "nosniff", r.Header.Get("X-Content-Type-Options"), p)
	}
}

// TestBodiesOfUnknownLength: a request whose length is not given (chunked; and on Workers every request, GETs
// included) is judged by whether a body actually comes.
func TestBodiesOfUnknownLength(t *testing.T) {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "unknown.db"))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	e, err := httpapi.New(db, httpapi.Config{JWTKey: []byte(auth.RandomToken(32)), Argon2: auth.Argon2Params{Time: 1, MemoryKiB: 64, Threads: 1},
		Logger: slog.New(slog.DiscardHandler)})
	require.NoError(t, err)
	serve := func(method, path, contentType, body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, path, io.NopCloser(strings.NewReader(body)))
		req.ContentLength = -1
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		w := httptest.NewRecorder()
		e.ServeHTTP(w, req)
		return w
	}
	assert.Equal(t, http.StatusOK, serve("GET", "/healthz", "", "").Code, "no body, no type needed")
	assert.Equal(t, http.StatusUnauthorized, serve("POST", "/v1/auth/logout", "", "").Code, "an empty POST reaches its handler")
	assert.Equal(t, http.StatusUnsupportedMediaType, serve("POST", "/v1/auth/login", "", `{"email":"a@b.org","password":"x"}`).Code)
	assert.Equal(t, http.StatusUnsupportedMediaType, serve("POST", "/v1/auth/register", "text/plain", `{}`).Code)
	w := serve("POST", "/v1/auth/register", "application/json", `{"email":"`+apitest.NewEmail()+`","password":"long enough password"}`)
	assert.Equal(t, http.StatusCreated, w.Code, "the byte read to look is put back: %s", w.Body)
}
