package httpapi_test

import (
	"context"
	"encoding/json"
	"net/http"
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
)

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
