package httpapi

import (
	_ "embed"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/papergist/papergist/shared/syncproto"
)

// openapiDoc is the OpenAPI 3.1 description of this API; a test checks it lists every route of the table.
//
//go:embed openapi.json
var openapiDoc []byte

func (a *app) openapi(c echo.Context) error {
	return c.JSONBlob(http.StatusOK, openapiDoc)
}

// healthz says the process serves; readyz that it can also reach its database.
func (a *app) healthz(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

func (a *app) readyz(c echo.Context) error {
	if err := a.store.Ping(c.Request().Context()); err != nil {
		a.cfg.Logger.Error("readiness check failed", "error", err)
		return apiError(syncproto.CodeUnavailable, "the database is not reachable or cannot write")
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ready"})
}
