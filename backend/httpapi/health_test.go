package httpapi_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/backend/internal/apitest"
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
