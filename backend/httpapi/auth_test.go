package httpapi_test

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/auth"
	"github.com/papergist/papergist/backend/httpapi"
	"github.com/papergist/papergist/backend/internal/apitest"
	"github.com/papergist/papergist/backend/sqlite"
	"github.com/papergist/papergist/shared/syncproto"
)

// requireError checks an error response: the status and the one JSON error shape with the expected code.
func requireError(t *testing.T, r *apitest.Response, status int, code string) {
	t.Helper()
	require.Equal(t, status, r.Status, r.String())
	assert.Contains(t, r.Header.Get("Content-Type"), "application/json")
	var body syncproto.ErrorBody
	r.JSON(t, &body)
	assert.Equal(t, code, body.Error.Code, r.String())
	assert.NotEmpty(t, body.Error.Message)
	if status == http.StatusUnauthorized {
		// The extension tells the server's 401 from a proxy's by this realm, also when a proxy replaced the body.
		assert.Equal(t, `Bearer realm="papergist"`, r.Header.Get("WWW-Authenticate"), r.String())
	}
}

func TestRegisterAndLogin(t *testing.T) {
	srv := apitest.Start(t)
	c := srv.NewClient()
	email := apitest.NewEmail()
	cred := map[string]string{"email": email, "password": "long enough password"}

	r := c.Do(t, "POST", "/v1/auth/register", "", cred)
	require.Equal(t, http.StatusCreated, r.Status, r.String())
	var s apitest.Session
	r.JSON(t, &s)
	assert.Equal(t, email, s.User.Email)
	assert.NotEmpty(t, s.User.ID)
	assert.NotEmpty(t, s.AccessToken)
	assert.NotEmpty(t, s.RefreshToken)
	assert.Equal(t, 900, s.ExpiresIn)
	assert.Equal(t, "no-store", r.Header.Get("Cache-Control"))

	me := c.Do(t, "GET", "/v1/me", s.AccessToken, nil)
	require.Equal(t, http.StatusOK, me.Status, me.String())
	assert.Contains(t, string(me.Body), email)

	r = c.Do(t, "POST", "/v1/auth/login", "", map[string]string{"email": strings.ToUpper(email), "password": cred["password"]})
	require.Equal(t, http.StatusOK, r.Status, r.String())
	var s2 apitest.Session
	r.JSON(t, &s2)
	assert.Equal(t, s.User.ID, s2.User.ID)
	assert.NotEqual(t, s.DeviceID, s2.DeviceID, "each login is its own device session")

	tests := []struct {
		name, path, body, contentType string
		status                        int
		code                          string
	}{
		{"duplicate email", "/v1/auth/register", `{"email":"` + email + `","password":"another password"}`, "", 409, syncproto.CodeConflict},
		{"bad email", "/v1/auth/register", `{"email":"not-an-email","password":"long enough password"}`, "", 400, syncproto.CodeInvalid},
		{"short password", "/v1/auth/register", `{"email":"` + apitest.NewEmail() + `","password":"short"}`, "", 400, syncproto.CodeInvalid},
		{"malformed JSON", "/v1/auth/register", `{"email":`, "", 400, syncproto.CodeInvalid},
		{"unknown field", "/v1/auth/register", `{"email":"a@b.org","password":"long enough password","admin":true}`, "", 400, syncproto.CodeInvalid},
		{"empty body", "/v1/auth/login", ``, "", 400, syncproto.CodeInvalid},
		{"not JSON", "/v1/auth/login", `email=a`, "application/x-www-form-urlencoded", 415, syncproto.CodeUnsupportedMedia},
		{"wrong password", "/v1/auth/login", `{"email":"` + email + `","password":"wrong password!"}`, "", 401, syncproto.CodeUnauthorized},
		{"unknown account", "/v1/auth/login", `{"email":"` + apitest.NewEmail() + `","password":"whatever password"}`, "", 401, syncproto.CodeUnauthorized},
		{"missing fields", "/v1/auth/login", `{}`, "", 400, syncproto.CodeInvalid},
		{"not an object", "/v1/auth/login", `["a@b.org"]`, "", 400, syncproto.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct := tt.contentType
			if ct == "" {
				ct = "application/json"
			}
			r := c.Do(t, "POST", tt.path, "", []byte(tt.body), "Content-Type", ct)
			requireError(t, r, tt.status, tt.code)
		})
	}
	t.Run("a body that is not an object says so", func(t *testing.T) {
		r := c.Do(t, "POST", "/v1/auth/login", "", []byte(`[]`))
		var body syncproto.ErrorBody
		r.JSON(t, &body)
		assert.Equal(t, "malformed JSON body: the body must be a JSON object", body.Error.Message)
	})
	t.Run("body too large", func(t *testing.T) {
		big := `{"email":"a@b.org","password":"` + strings.Repeat("x", 5<<20) + `"}`
		r := c.Do(t, "POST", "/v1/auth/register", "", big)
		requireError(t, r, http.StatusRequestEntityTooLarge, syncproto.CodeTooLarge)
	})
}

func refresh(t *testing.T, c *apitest.Client, token string) *apitest.Response {
	return c.Do(t, "POST", "/v1/auth/refresh", "", map[string]string{"refresh_token": token})
}

func TestRefreshRotation(t *testing.T) {
	srv := apitest.Start(t)
	c := srv.NewClient()
	s, pw := c.Register(t)
	other := c.Login(t, s.User.Email, pw, "laptop")

	r := refresh(t, c, s.RefreshToken)
	require.Equal(t, http.StatusOK, r.Status, r.String())
	var s2 apitest.Session
	r.JSON(t, &s2)
	assert.NotEqual(t, s.RefreshToken, s2.RefreshToken)
	assert.Equal(t, s.DeviceID, s2.DeviceID, "refresh keeps the device session")
	assert.Equal(t, s.User.ID, s2.User.ID)
	require.Equal(t, http.StatusOK, c.Do(t, "GET", "/v1/me", s2.AccessToken, nil).Status)

	// Rotation continues with the new token.
	r = refresh(t, c, s2.RefreshToken)
	require.Equal(t, http.StatusOK, r.Status, r.String())
	var s3 apitest.Session
	r.JSON(t, &s3)

	// Reusing a used token revokes the whole login: its newest refresh token and access tokens too.
	requireError(t, refresh(t, c, s.RefreshToken), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	requireError(t, refresh(t, c, s3.RefreshToken), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	requireError(t, c.Do(t, "GET", "/v1/me", s3.AccessToken, nil), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	// Other logins of the same user are untouched.
	assert.Equal(t, http.StatusOK, c.Do(t, "GET", "/v1/me", other.AccessToken, nil).Status)
	assert.Equal(t, http.StatusOK, refresh(t, c, other.RefreshToken).Status)

	requireError(t, refresh(t, c, "made-up-token"), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	requireError(t, c.Do(t, "POST", "/v1/auth/refresh", "", map[string]string{}), http.StatusBadRequest, syncproto.CodeInvalid)

	t.Run("expired refresh token", func(t *testing.T) {
		if srv.Clock == nil {
			t.Skip("needs the in-process server's clock")
		}
		s, _ := c.Register(t)
		srv.Clock.Advance(61 * 24 * time.Hour)
		requireError(t, refresh(t, c, s.RefreshToken), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	})
}

func TestLoginRateLimits(t *testing.T) {
	srv := apitest.Start(t)
	if srv.External() && os.Getenv("PAPERGIST_TEST_RATE_LIMITS") == "" {
		t.Skip("locks this address out of login on the external server for a window: set PAPERGIST_TEST_RATE_LIMITS=1 and run it alone")
	}
	c := srv.NewClient()
	s, pw := c.Register(t)
	login := func(email, password string) *apitest.Response {
		return c.Do(t, "POST", "/v1/auth/login", "", map[string]string{"email": email, "password": password})
	}
	t.Run("per account", func(t *testing.T) {
		for i := 0; i < srv.LoginPerAccount; i++ {
			requireError(t, login(s.User.Email, "wrong password "+strconv.Itoa(i)), http.StatusUnauthorized, syncproto.CodeUnauthorized)
		}
		r := login(s.User.Email, pw) // even the right password waits: the attempts are what is limited
		requireError(t, r, http.StatusTooManyRequests, syncproto.CodeRateLimited)
		retry, err := strconv.Atoi(r.Header.Get("Retry-After"))
		require.NoError(t, err)
		assert.Positive(t, retry)
		if srv.Clock != nil {
			srv.Clock.Advance(time.Duration(retry) * time.Second)
			assert.Equal(t, http.StatusOK, login(s.User.Email, pw).Status, "the window passed")
		}
	})
	t.Run("an attacker elsewhere cannot lock the owner out", func(t *testing.T) {
		if srv.External() {
			t.Skip("speaks from several addresses through X-Forwarded-For, which only the in-process server trusts")
		}
		victim, pw := c.Register(t)
		from := func(addr, password string) *apitest.Response {
			return c.Do(t, "POST", "/v1/auth/login", "", map[string]string{"email": victim.User.Email, "password": password}, "X-Forwarded-For", addr)
		}
		for i := range 11 {
			r := from("203.0.113.66", "guess "+strconv.Itoa(i))
			if i < srv.LoginPerAccount {
				requireError(t, r, http.StatusUnauthorized, syncproto.CodeUnauthorized)
			} else {
				requireError(t, r, http.StatusTooManyRequests, syncproto.CodeRateLimited)
			}
		}
		assert.Equal(t, http.StatusOK, from("198.51.100.7", pw).Status, "the owner, from their own address, gets in")
		requireError(t, from("203.0.113.66", pw), http.StatusTooManyRequests, syncproto.CodeRateLimited)
	})
	t.Run("and many addresses share a slower budget per account", func(t *testing.T) {
		if srv.External() {
			t.Skip("speaks from several addresses through X-Forwarded-For, which only the in-process server trusts")
		}
		victim, pw := c.Register(t)
		spent := 0
		for a := 1; spent < srv.LoginAccountBudget; a++ {
			for i := 0; i < srv.LoginPerAccount && spent < srv.LoginAccountBudget; i++ {
				r := c.Do(t, "POST", "/v1/auth/login", "", map[string]string{"email": victim.User.Email, "password": "guess"},
					"X-Forwarded-For", "203.0.113."+strconv.Itoa(a))
				requireError(t, r, http.StatusUnauthorized, syncproto.CodeUnauthorized)
				spent++
			}
		}
		r := c.Do(t, "POST", "/v1/auth/login", "", map[string]string{"email": victim.User.Email, "password": pw}, "X-Forwarded-For", "198.51.100.7")
		requireError(t, r, http.StatusTooManyRequests, syncproto.CodeRateLimited)
		retry, err := strconv.Atoi(r.Header.Get("Retry-After"))
		require.NoError(t, err)
		srv.Clock.Advance(time.Duration(retry) * time.Second)
		r = c.Do(t, "POST", "/v1/auth/login", "", map[string]string{"email": victim.User.Email, "password": pw}, "X-Forwarded-For", "198.51.100.7")
		assert.Equal(t, http.StatusOK, r.Status, r.String())
	})
	t.Run("an IPv6 client counts by its /64", func(t *testing.T) {
		if srv.External() {
			t.Skip("speaks from several addresses through X-Forwarded-For, which only the in-process server trusts")
		}
		srv.Clock.Advance(time.Hour) // a fresh window
		victim, _ := c.Register(t)
		for i := range srv.LoginPerAccount + 1 {
			r := c.Do(t, "POST", "/v1/auth/login", "", map[string]string{"email": victim.User.Email, "password": "guess"},
				"X-Forwarded-For", "2001:db8:1:2::"+strconv.FormatInt(int64(i+1), 16))
			if i < srv.LoginPerAccount {
				requireError(t, r, http.StatusUnauthorized, syncproto.CodeUnauthorized)
			} else {
				requireError(t, r, http.StatusTooManyRequests, syncproto.CodeRateLimited)
			}
		}
		r := c.Do(t, "POST", "/v1/auth/login", "", map[string]string{"email": victim.User.Email, "password": "guess"},
			"X-Forwarded-For", "2001:db8:1:3::1")
		requireError(t, r, http.StatusUnauthorized, syncproto.CodeUnauthorized)
	})
	t.Run("per address", func(t *testing.T) {
		if srv.Clock != nil {
			srv.Clock.Advance(time.Hour) // a fresh window
		}
		var last *apitest.Response
		for i := 0; i <= srv.LoginPerAddress; i++ {
			last = login(apitest.NewEmail(), "some password")
			if last.Status == http.StatusTooManyRequests {
				break
			}
			requireError(t, last, http.StatusUnauthorized, syncproto.CodeUnauthorized)
		}
		requireError(t, last, http.StatusTooManyRequests, syncproto.CodeRateLimited)
	})
}

// TestRefreshAfterALostAnswer: a refresh whose answer never arrived can be repeated within the grace and the
// login lives on; once its successor was used, the old token revokes the login as before.
func TestRefreshAfterALostAnswer(t *testing.T) {
	srv := apitest.Start(t)
	c := srv.NewClient()
	session := func(r *apitest.Response) apitest.Session {
		t.Helper()
		require.Equal(t, http.StatusOK, r.Status, r.String())
		var s apitest.Session
		r.JSON(t, &s)
		return s
	}

	t.Run("retry after a timeout", func(t *testing.T) {
		s, _ := c.Register(t)
		lost := session(refresh(t, c, s.RefreshToken)) // the client never read this
		retried := session(refresh(t, c, s.RefreshToken))
		assert.Equal(t, lost.RefreshToken, retried.RefreshToken, "the same successor")
		assert.Equal(t, s.DeviceID, retried.DeviceID)
		next := session(refresh(t, c, retried.RefreshToken))
		require.Equal(t, http.StatusOK, c.Do(t, "GET", "/v1/me", next.AccessToken, nil).Status)

		requireError(t, refresh(t, c, s.RefreshToken), http.StatusUnauthorized, syncproto.CodeUnauthorized)
		requireError(t, c.Do(t, "GET", "/v1/me", next.AccessToken, nil), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	})

	t.Run("connection dropped right after sending", func(t *testing.T) {
		s, _ := c.Register(t)
		conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
		require.NoError(t, err)
		body := `{"refresh_token":"` + s.RefreshToken + `"}`
		_, err = fmt.Fprintf(conn, "POST /v1/auth/refresh HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
		require.NoError(t, err)
		require.NoError(t, conn.Close())
		// Whether or not the server finished that refresh, the client's retry works and so does its result.
		retried := session(refresh(t, c, s.RefreshToken))
		assert.Equal(t, http.StatusOK, c.Do(t, "GET", "/v1/me", retried.AccessToken, nil).Status)
		session(refresh(t, c, retried.RefreshToken))
	})

	t.Run("8 concurrent refreshes with one token", func(t *testing.T) {
		s, _ := c.Register(t)
		got := make([]*apitest.Response, 8)
		var wg sync.WaitGroup
		for i := range got {
			wg.Go(func() {
				r, err := c.Try("POST", "/v1/auth/refresh", "", map[string]string{"refresh_token": s.RefreshToken})
				assert.NoError(t, err)
				got[i] = r
			})
		}
		wg.Wait()
		tokens := map[string]bool{}
		for _, r := range got {
			tokens[session(r).RefreshToken] = true
		}
		assert.Len(t, tokens, 1, "every answer carries the same successor")
		for tok := range tokens {
			next := session(refresh(t, c, tok))
			assert.Equal(t, http.StatusOK, c.Do(t, "GET", "/v1/me", next.AccessToken, nil).Status, "the login lives")
		}
	})

	t.Run("the grace ends", func(t *testing.T) {
		if srv.Clock == nil {
			t.Skip("needs the in-process server's clock")
		}
		s, _ := c.Register(t)
		lost := session(refresh(t, c, s.RefreshToken))
		srv.Clock.Advance(httpapi.RefreshGrace + time.Second)
		requireError(t, refresh(t, c, s.RefreshToken), http.StatusUnauthorized, syncproto.CodeUnauthorized)
		requireError(t, refresh(t, c, lost.RefreshToken), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	})
}

// TestLoginsBeyondTheHashSlotsAreTurnedAway: 50 logins at once with one hash slot and no time to wait: the
// overflow is answered 503 with Retry-After, never 500, and every other answer is the normal one.
func TestLoginsBeyondTheHashSlotsAreTurnedAway(t *testing.T) {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "hash.db"))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	e, err := httpapi.New(db, httpapi.Config{JWTKey: []byte(auth.RandomToken(32)), Logger: slog.New(slog.DiscardHandler),
		Argon2: auth.Argon2Params{Time: 1, MemoryKiB: 4 << 10, Threads: 1}, LoginPerAddress: 1000,
		HashConcurrency: 1, HashWait: time.Nanosecond})
	require.NoError(t, err)
	ts := httptest.NewServer(e)
	t.Cleanup(ts.Close)
	c := &apitest.Client{URL: ts.URL, HTTP: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}}

	statuses := make([]*apitest.Response, 50)
	var wg sync.WaitGroup
	for i := range statuses {
		wg.Go(func() {
			r, err := c.Try("POST", "/v1/auth/login", "", map[string]string{"email": apitest.NewEmail(), "password": "some password"})
			assert.NoError(t, err)
			statuses[i] = r
		})
	}
	wg.Wait()
	count := map[int]int{}
	for _, r := range statuses {
		require.NotNil(t, r)
		count[r.Status]++
		switch r.Status {
		case http.StatusServiceUnavailable:
			requireError(t, r, http.StatusServiceUnavailable, syncproto.CodeUnavailable)
			assert.NotEmpty(t, r.Header.Get("Retry-After"))
		default:
			requireError(t, r, http.StatusUnauthorized, syncproto.CodeUnauthorized)
		}
	}
	assert.Positive(t, count[http.StatusServiceUnavailable], "%v", count)
	assert.Positive(t, count[http.StatusUnauthorized], "%v", count)
}
