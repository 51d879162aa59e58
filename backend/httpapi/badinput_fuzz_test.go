package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/auth"
	"github.com/papergist/papergist/backend/internal/apitest"
	"github.com/papergist/papergist/shared/syncproto"
)

// The product rule under test: bad input always gets a clear error and loses nothing. FuzzBadInput sends
// mutated requests to every route of openapi.json and checks each answer: never a 500 (a panic would be one,
// through Echo's recover), every refusal in the one error shape with a code from syncproto and its status, and
// the library of the user unchanged after a refusal (or after any request made with someone else's token).
//
// Run it: cd backend/httpapi && nice -n 19 go test -run '^$' -fuzz FuzzBadInput -fuzztime 10m -parallel 1

// specRoute is one operation of openapi.json.
type specRoute struct{ method, path string }

func (r specRoute) String() string { return r.method + " " + r.path }

// specRoutes reads every operation of the API's OpenAPI document, in a stable order (fuzz inputs pick by index).
func specRoutes(t testing.TB) []specRoute {
	t.Helper()
	b, err := os.ReadFile("openapi.json")
	require.NoError(t, err)
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	require.NoError(t, json.Unmarshal(b, &doc))
	var routes []specRoute
	for p, ops := range doc.Paths {
		for m := range ops {
			routes = append(routes, specRoute{strings.ToUpper(m), p})
		}
	}
	sort.Slice(routes, func(i, j int) bool { return routes[i].String() < routes[j].String() })
	return routes
}

// Auth modes of a fuzzed request: what its Authorization header carries.
const (
	authOwn       = iota // the fuzzed user's access token
	authNone             // no header
	authMalformed        // not a JWT
	authExpired          // the user's session, in a token that expired an hour ago
	authOther            // another user's access token
	authRefresh          // the user's refresh token, used as an access token
	authBasic            // another scheme
	authModes
)

// A request's body, query, headers and path id may name the user's values, filled in before sending, so that
// mutations of a valid request stay near it.
const (
	phEmail    = "$EMAIL"
	phPassword = "$PASSWORD"
	phRefresh  = "$REFRESH"
	phDevice   = "$DEVICE"
	phItem     = "$ITEM"
)

// seedItem is in the user's library before each request, at version 1.
const seedItem = "arxiv:2401.00001"

// validRequests is the valid request of every route: [query, headers, path id, body]. Headers are
// "Name: value" lines.
var validRequests = map[string][4]string{
	"GET /healthz":           {},
	"GET /readyz":            {},
	"GET /v1/openapi.json":   {},
	"POST /v1/auth/register": {"", "Content-Type: application/json", "", `{"email":"new-$EMAIL","password":"correct horse battery"}`},
	"POST /v1/auth/login": {"", "Content-Type: application/json", "",
		`{"email":"$EMAIL","password":"$PASSWORD","device_name":"Laptop"}`},
	"POST /v1/auth/refresh":   {"", "Content-Type: application/json", "", `{"refresh_token":"$REFRESH"}`},
	"POST /v1/auth/logout":    {},
	"GET /v1/me":              {},
	"GET /v1/devices":         {},
	"PATCH /v1/devices/{id}":  {"", "Content-Type: application/json", phDevice, `{"name":"Work laptop"}`},
	"DELETE /v1/devices/{id}": {"", "", phDevice, ""},
	"GET /v1/sync":            {"since=0&limit=10", "If-Modified-Since-Version: 0", "", ""},
	"POST /v1/sync": {"", "Content-Type: application/json\nIdempotency-Key: k1", "",
		`{"changes":[{"id":"arxiv:2401.00002","base_version":0,"title":"T","tags":["a"],"read":true}],"deletions":[{"id":"$ITEM","base_version":1}]}`},
	"GET /v1/sync/wait":     {"since=0&timeout=1", "", "", ""},
	"GET /v1/items":         {"tag=ml&q=paper&read=false&limit=5&offset=0", "", "", ""},
	"GET /v1/items/{id}":    {"", "", phItem, ""},
	"PUT /v1/items/{id}":    {"", "Content-Type: application/json\nIf-Match: 1", phItem, `{"title":"New title","note":"n"}`},
	"DELETE /v1/items/{id}": {"", "If-Match: 1", phItem, ""},
	"GET /v1/export":        {"format=bibtex", "", "", ""},
}

// badRequests are mutations the fuzzer might take long to find, on the routes they matter to.
var badRequests = []struct {
	route                    string
	auth                     uint8
	query, headers, id, body string
}{
	{"POST /v1/sync", authOwn, "", "Content-Type: application/json\nIdempotency-Key: k2", "", `{"changes":[{"id":"$ITEM","base_version":1,"title":"T"`},
	{"POST /v1/sync", authOwn, "", "Content-Type: application/json\nIdempotency-Key: k3", "", `{"changes":"nope","deletions":7}`},
	{"POST /v1/sync", authOwn, "", "Content-Type: application/json\nIdempotency-Key: k4", "", `{"changes":[{"id":"$ITEM","base_version":1e400}]}`},
	{"POST /v1/sync", authOwn, "", "Content-Type: application/json\nIdempotency-Key: k5", "", `{"changes":[{"id":"$ITEM","base_version":-1,"title":null,"tags":[null]}]}`},
	{"POST /v1/sync", authOwn, "", "Content-Type: application/json\nIdempotency-Key: k6", "", strings.Repeat("[", 20000)},
	{"POST /v1/sync", authOwn, "", "Content-Type: application/json\nIdempotency-Key: k7", "", "{\"changes\":[{\"id\":\"$ITEM\",\"base_version\":1,\"title\":\"\xff\xfe\"}]}"},
	{"POST /v1/sync", authOwn, "", "Content-Type: application/json\nIdempotency-Key: k8", "", `{"changes":[],"changes":[{"id":"$ITEM","base_version":1,"title":"dup"}]}`},
	{"POST /v1/sync", authOwn, "", "Content-Type: text/plain\nIdempotency-Key: k9", "", `{"deletions":[{"id":"$ITEM","base_version":1}]}`},
	{"POST /v1/sync", authOwn, "", "Content-Type: application/json\nIdempotency-Key: \u00e9", "", `{"deletions":[{"id":"$ITEM","base_version":1}]}`},
	{"POST /v1/sync", authOther, "", "Content-Type: application/json\nIdempotency-Key: k10", "", `{"deletions":[{"id":"$ITEM","base_version":1}]}`},
	{"POST /v1/sync", authRefresh, "", "Content-Type: application/json\nIdempotency-Key: k11", "", `{"deletions":[{"id":"$ITEM","base_version":1}]}`},
	{"POST /v1/sync", authExpired, "", "Content-Type: application/json\nIdempotency-Key: k12", "", `{"deletions":[{"id":"$ITEM","base_version":1}]}`},
	{"GET /v1/sync", authOwn, "since=-1&limit=99999999999999999999", "", "", ""},
	{"GET /v1/sync", authOwn, "since=abc&limit=0", "If-Modified-Since-Version: W/\"-3\"", "", ""},
	{"GET /v1/sync/wait", authOwn, "since=9223372036854775807&timeout=-5", "", "", ""},
	{"GET /v1/items", authOwn, "limit=-1&offset=1e9&read=maybe", "", "", ""},
	{"GET /v1/export", authOwn, "format=", "", "", ""},
	{"PUT /v1/items/{id}", authOwn, "", "Content-Type: application/json\nIf-Match: 99999999999999999999", phItem, `{"title":123}`},
	{"PUT /v1/items/{id}", authOther, "", "Content-Type: application/json\nIf-Match: 1", phItem, `{"title":"theirs"}`},
	{"DELETE /v1/items/{id}", authMalformed, "", "If-Match: 1", phItem, ""},
	{"DELETE /v1/items/{id}", authOwn, "", "If-Match: 0", phItem, ""},
	{"DELETE /v1/devices/{id}", authOther, "", "", phDevice, ""},
	{"PATCH /v1/devices/{id}", authBasic, "", "Content-Type: application/json", phDevice, `{"name":null}`},
	{"POST /v1/auth/login", authNone, "", "Content-Type: application/json", "", `{"email":["$EMAIL"],"password":1}`},
	{"POST /v1/auth/refresh", authNone, "", "Content-Type: application/json", "", `{"refresh_token":"$REFRESH","refresh_token":""}`},
	{"POST /v1/auth/register", authNone, "", "Content-Type: application/json; charset=\"", "", `{"email":"$EMAIL","password":"x"}`},
	{"POST /v1/auth/register", authNone, "", "Content-Type: application/json", "", `{"email":"` + strings.Repeat("a", 300) + `@example.org","password":"correct horse battery"}`},
	{"POST /v1/auth/refresh", authOwn, "", "Content-Type: application/json", "", `{"refresh_token":12}`},
	{"POST /v1/sync", authOwn, "", "Content-Type: application/json\nIdempotency-Key: k13", "",
		`{"deletions":[` + strings.Repeat(`{"id":"$ITEM","base_version":1},`, syncproto.MaxPushOps) + `{"id":"$ITEM","base_version":1}]}`},
	{"GET /v1/sync/wait", authOwn, "since=1&timeout=51", "", "", ""},
	{"GET /v1/items", authOwn, "q=%FF%25_&tag=%00", "", "", ""},
	{"GET /v1/items/{id}", authOwn, "", "", "%zz", ""},
	{"PUT /v1/items/{id}", authOwn, "", "Content-Type: application/json\nIf-Match: 0", "doi:10.1/\xff", `{"title":"x"}`},
	{"PATCH /v1/devices/{id}", authOwn, "", "Content-Type: application/json", phDevice, `{"name":"\u0000` + strings.Repeat("n", 300) + `"}`},
}

// statusOfCode is the HTTP status of each error code a response may carry (syncproto's list; "gone" is only
// ever a push result's).
var statusOfCode = map[string]int{
	syncproto.CodeInvalid:            http.StatusBadRequest,
	syncproto.CodeUnauthorized:       http.StatusUnauthorized,
	syncproto.CodeNotFound:           http.StatusNotFound,
	syncproto.CodeMethodNotAllowed:   http.StatusMethodNotAllowed,
	syncproto.CodeConflict:           http.StatusConflict,
	syncproto.CodePreconditionFailed: http.StatusPreconditionFailed,
	syncproto.CodeTooLarge:           http.StatusRequestEntityTooLarge,
	syncproto.CodeUnsupportedMedia:   http.StatusUnsupportedMediaType,
	syncproto.CodeIdempotencyReused:  http.StatusUnprocessableEntity,
	syncproto.CodeRateLimited:        http.StatusTooManyRequests,
	syncproto.CodeUnavailable:        http.StatusServiceUnavailable,
}

// badInputRig is the server and the per-request accounts of the fuzz target.
type badInputRig struct {
	srv    *apitest.Server
	http   *http.Client
	routes []specRoute
	// addr numbers the client addresses (X-Forwarded-For): each request comes from its own, so that the
	// per-address login and wait limits do not turn later inputs into 429s.
	addr atomic.Uint32
}

func newBadInputRig(t testing.TB) *badInputRig {
	srv := apitest.Start(t)
	return &badInputRig{srv: srv, http: srv.NewClient().HTTP, routes: specRoutes(t)}
}

// fuzzUser is a fresh account: the session the request is made with, a second session (witness) that reads its
// library afterwards whatever the request did to the first, and another account's session.
type fuzzUser struct {
	email, password string
	own, witness    apitest.Session
	other           apitest.Session
	from            string
}

func (rig *badInputRig) newUser(t *testing.T) fuzzUser {
	t.Helper()
	n := rig.addr.Add(1)
	u := fuzzUser{from: fmt.Sprintf("10.%d.%d.%d", n>>16&255, n>>8&255, n&255)}
	c := rig.srv.NewClient()
	c.HTTP = rig.http
	u.own, u.password = c.Register(t)
	u.email = u.own.User.Email
	r := c.Do(t, "POST", "/v1/auth/login", "", map[string]string{"email": u.email, "password": u.password, "device_name": "witness"},
		"X-Forwarded-For", u.from)
	require.Equal(t, http.StatusOK, r.Status, r.String())
	r.JSON(t, &u.witness)
	u.other, _ = c.Register(t)
	push := syncproto.PushRequest{Changes: []syncproto.Change{newChange(seedItem, "Seed")}}
	r = c.Do(t, "POST", "/v1/sync", u.witness.AccessToken, push, syncproto.HeaderIdempotencyKey, auth.RandomToken(12))
	require.Equal(t, http.StatusOK, r.Status, r.String())
	return u
}

// library is the user's whole library as the witness session pulls it.
func (rig *badInputRig) library(t *testing.T, u fuzzUser) syncproto.PullResponse {
	t.Helper()
	c := rig.srv.NewClient()
	c.HTTP = rig.http
	var lib syncproto.PullResponse
	r := c.Do(t, "GET", fmt.Sprintf("/v1/sync?since=0&limit=%d", syncproto.MaxPullLimit), u.witness.AccessToken, nil)
	require.Equal(t, http.StatusOK, r.Status, r.String())
	r.JSON(t, &lib)
	return lib
}

func (u fuzzUser) fill(s string) string {
	return strings.NewReplacer(phEmail, u.email, phPassword, u.password, phRefresh, u.own.RefreshToken,
		phDevice, u.own.DeviceID, phItem, seedItem).Replace(s)
}

// escapeQuery keeps a fuzzed query string sendable (a raw space or control byte would break the request line
// before the server could answer) but otherwise as it is, bad percent-escapes included.
func escapeQuery(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f || c == '#' {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// send makes one fuzzed request and checks its answer. It returns false when the request could not be sent
// (a header no HTTP client sends).
func (rig *badInputRig) send(t *testing.T, routeN, authN uint8, query, headers, id string, body []byte) bool {
	t.Helper()
	rt := rig.routes[int(routeN)%len(rig.routes)]
	mode := authN % authModes
	u := rig.newUser(t)
	before := rig.library(t, u)

	path := strings.ReplaceAll(rt.path, "{id}", u.fill(id))
	target := &url.URL{Scheme: "http", Host: strings.TrimPrefix(rig.srv.URL, "http://"), Path: path, RawQuery: escapeQuery(u.fill(query))}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if rt.path == "/v1/sync/wait" {
		// A wait the library does not end holds until its timeout (up to 50 s): not waited for.
		ctx, cancel = context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
	}
	var rd io.Reader
	if len(body) > 0 {
		rd = bytes.NewReader([]byte(u.fill(string(body))))
	}
	req, err := http.NewRequestWithContext(ctx, rt.method, target.String(), rd)
	if err != nil {
		return false
	}
	req.Header.Set("X-Forwarded-For", u.from)
	switch mode {
	case authOwn:
		req.Header.Set("Authorization", "Bearer "+u.own.AccessToken)
	case authMalformed:
		req.Header.Set("Authorization", "Bearer not.a.jwt")
	case authExpired:
		// An external server (PAPERGIST_BASE_URL: wrangler dev in make test) runs on the wall clock, and its key is
		// known only when PAPERGIST_JWT_SECRET is given; without it the token is signed with another key.
		now, key := time.Now, rig.srv.Secret
		if rig.srv.Clock != nil {
			now = rig.srv.Clock.Now
		}
		if len(key) == 0 {
			key = []byte(auth.RandomToken(32))
		}
		is := &auth.Issuer{Key: key, Issuer: "papergist", Audience: "papergist-api", TTL: time.Minute,
			Now: func() time.Time { return now().Add(-time.Hour) }}
		tok, _, err := is.Issue(u.own.User.ID, u.own.DeviceID)
		require.NoError(t, err)
		req.Header.Set("Authorization", "Bearer "+tok)
	case authOther:
		req.Header.Set("Authorization", "Bearer "+u.other.AccessToken)
	case authRefresh:
		req.Header.Set("Authorization", "Bearer "+u.own.RefreshToken)
	case authBasic:
		req.Header.Set("Authorization", "Basic dTpw")
	}
	for _, line := range strings.Split(u.fill(headers), "\n") {
		if name, value, ok := strings.Cut(line, ":"); ok {
			req.Header.Set(strings.TrimSpace(name), strings.TrimSpace(value))
		}
	}
	resp, err := rig.http.Do(req)
	if err != nil {
		if rt.path == "/v1/sync/wait" && errors.Is(err, context.DeadlineExceeded) {
			return true
		}
		if strings.Contains(err.Error(), "invalid header") || strings.Contains(err.Error(), "net/http: invalid") || strings.Contains(err.Error(), "net/http: can't write") {
			return false // refused by the client before sending
		}
		require.NoError(t, err, "%s %s", rt, target)
	}
	got, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	what := fmt.Sprintf("%s %s (auth mode %d) -> %d %s", rt.method, target, mode, resp.StatusCode, got)

	require.Less(t, resp.StatusCode, 500, what)
	ok := resp.StatusCode < 300 || resp.StatusCode == http.StatusNotModified
	if !ok && rt.method != http.MethodHead {
		var e struct {
			Error *syncproto.Error `json:"error"`
		}
		require.NoError(t, json.Unmarshal(got, &e), what)
		require.NotNil(t, e.Error, what)
		status, known := statusOfCode[e.Error.Code]
		assert.True(t, known, "unknown code: %s", what)
		assert.Equal(t, status, resp.StatusCode, "code and status disagree: %s", what)
		assert.NotEmpty(t, strings.TrimSpace(e.Error.Message), what)
	}
	if !ok || mode != authOwn {
		assert.Equal(t, before, rig.library(t, u), "the library changed: %s", what)
	}
	return true
}

func FuzzBadInput(f *testing.F) {
	rig := newBadInputRig(f)
	for i, rt := range rig.routes {
		v, ok := validRequests[rt.String()]
		require.True(f, ok, "no valid request for %s: add one to validRequests", rt)
		auth := uint8(authOwn)
		if strings.HasPrefix(rt.path, "/v1/auth/") && rt.path != "/v1/auth/logout" || !strings.HasPrefix(rt.path, "/v1/") {
			auth = authNone
		}
		f.Add(uint8(i), auth, v[0], v[1], v[2], []byte(v[3]))
	}
	for _, b := range badRequests {
		f.Add(routeIndex(f, rig.routes, b.route), b.auth, b.query, b.headers, b.id, []byte(b.body))
	}
	f.Fuzz(func(t *testing.T, route, authMode uint8, query, headers, id string, body []byte) {
		rig.send(t, route, authMode, query, headers, id, body)
	})
}

func routeIndex(t testing.TB, routes []specRoute, name string) uint8 {
	for i, rt := range routes {
		if rt.String() == name {
			return uint8(i)
		}
	}
	require.FailNow(t, "no route "+name)
	return 0
}
