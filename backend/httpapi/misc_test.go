package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/auth"
	"github.com/papergist/papergist/backend/httpapi"
	"github.com/papergist/papergist/backend/internal/apitest"
	"github.com/papergist/papergist/backend/sqlite"
	"github.com/papergist/papergist/shared/syncproto"
)

func TestHealthAndErrors(t *testing.T) {
	srv := apitest.Start(t)
	c := srv.NewClient()
	for _, p := range []string{"/healthz", "/readyz"} {
		r := c.Do(t, "GET", p, "", nil)
		assert.Equal(t, http.StatusOK, r.Status, p)
		assert.NotEmpty(t, r.Header.Get("X-Request-Id"), "every response carries its request id")
	}
	requireError(t, c.Do(t, "GET", "/v1/nothing-here", "", nil), http.StatusNotFound, syncproto.CodeNotFound)
	requireError(t, c.Do(t, "PATCH", "/v1/sync", "", nil), http.StatusMethodNotAllowed, syncproto.CodeMethodNotAllowed)
	for _, p := range []string{"/v1/me", "/v1/devices", "/v1/sync", "/v1/items", "/v1/items/arxiv:2401.00001", "/v1/export?format=ris"} {
		requireError(t, c.Do(t, "GET", p, "", nil), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	}
}

// TestOpenAPIListsEveryRoute keeps the served OpenAPI document and the route table in step.
func TestOpenAPIListsEveryRoute(t *testing.T) {
	srv := apitest.Start(t)
	r := srv.NewClient().Do(t, "GET", "/v1/openapi.json", "", nil)
	require.Equal(t, http.StatusOK, r.Status)
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	r.JSON(t, &doc)
	assert.Equal(t, "3.1.0", doc.OpenAPI)

	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "routes.db"))
	require.NoError(t, err)
	defer db.Close()
	e, err := httpapi.New(db, httpapi.Config{JWTKey: []byte(auth.RandomToken(32)), Argon2: auth.Argon2Params{Time: 1, MemoryKiB: 64, Threads: 1}})
	require.NoError(t, err)
	param := regexp.MustCompile(`:(\w+)|\*`)
	var routes []string
	for _, rt := range e.Routes() {
		p := param.ReplaceAllStringFunc(rt.Path, func(m string) string {
			if m == "*" {
				return "{id}"
			}
			return "{" + m[1:] + "}"
		})
		routes = append(routes, strings.ToLower(rt.Method)+" "+p)
	}
	var documented []string
	for p, ops := range doc.Paths {
		for m := range ops {
			documented = append(documented, m+" "+p)
		}
	}
	assert.ElementsMatch(t, routes, documented)
}

func TestExport(t *testing.T) {
	srv := apitest.Start(t)
	u := newUser(t, srv)
	u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{
		{ID: "arxiv:2407.00001", Title: ptr("Tricky {title} with 50% & $math$"), Authors: ptr([]string{"Ada Lovelace"}), URL: ptr("https://arxiv.org/abs/2407.00001")},
		{ID: "doi:10.1000/x", Title: ptr("Journal paper"), URL: ptr("https://doi.org/10.1000/x")},
	}})
	tests := []struct{ format, mediaType, contains string }{
		{"bibtex", "application/x-bibtex", `title = {{Tricky {\textbraceleft}title{\textbraceright} with 50\% \& \$math\$}}`},
		{"ris", "application/x-research-info-systems", "TI  - Tricky {title} with 50% & $math$\r\n"},
		{"csljson", "application/vnd.citationstyles.csl+json", `"DOI": "10.1000/x"`},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			r := u.c.Do(t, "GET", "/v1/export?format="+tt.format, u.token, nil)
			require.Equal(t, http.StatusOK, r.Status, r.String())
			assert.Contains(t, r.Header.Get("Content-Type"), tt.mediaType)
			assert.Contains(t, r.Header.Get("Content-Disposition"), "attachment")
			assert.Contains(t, string(r.Body), tt.contains)
			assert.Contains(t, string(r.Body), "10.1000/x")
		})
	}
	requireError(t, u.c.Do(t, "GET", "/v1/export?format=doc", u.token, nil), http.StatusBadRequest, syncproto.CodeInvalid)
	requireError(t, u.c.Do(t, "GET", "/v1/export", u.token, nil), http.StatusBadRequest, syncproto.CodeInvalid)
}

// TestInternalErrorsDoNotLeak breaks the database under a running app: errors are logged with their request id
// and answered as a bare "internal" (or "unavailable" for readiness), never with the cause.
func TestInternalErrorsDoNotLeak(t *testing.T) {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "broken.db"))
	require.NoError(t, err)
	var logs bytes.Buffer
	e, err := httpapi.New(db, httpapi.Config{JWTKey: []byte(auth.RandomToken(32)), Argon2: auth.Argon2Params{Time: 1, MemoryKiB: 64, Threads: 1},
		Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	require.NoError(t, err)
	require.NoError(t, db.Close())

	req := httptest.NewRequest("POST", "/v1/auth/login", strings.NewReader(`{"email":"a@b.org","password":"some password"}`))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	e.ServeHTTP(w, req)
	assert.Equal(t, http.StatusInternalServerError, w.Code)
	assert.JSONEq(t, `{"error":{"code":"internal","message":"internal error"}}`, w.Body.String())
	id := w.Header().Get("X-Request-Id")
	require.NotEmpty(t, id)
	assert.Contains(t, logs.String(), `"request_id":"`+id+`"`, "the cause is logged under the request id")
	assert.Contains(t, logs.String(), "database is closed")

	w = httptest.NewRecorder()
	e.ServeHTTP(w, httptest.NewRequest("GET", "/readyz", nil))
	assert.Equal(t, http.StatusServiceUnavailable, w.Code)
	assert.NotContains(t, w.Body.String(), "closed")
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
