package httpapi_test

import (
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/internal/apitest"
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

	require.Equal(t, http.StatusNoContent, c.Do(t, "POST", "/v1/auth/logout", a.AccessToken, nil).Status)
	requireError(t, c.Do(t, "GET", "/v1/me", a.AccessToken, nil), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	requireError(t, refresh(t, c, a.RefreshToken), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	requireError(t, c.Do(t, "POST", "/v1/auth/logout", a.AccessToken, nil), http.StatusUnauthorized, syncproto.CodeUnauthorized)
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
