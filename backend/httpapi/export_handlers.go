package httpapi

import (
	"bytes"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/papergist/papergist/backend/internal/citation"
	"github.com/papergist/papergist/backend/sqlite"
	"github.com/papergist/papergist/shared/syncproto"
)

// export answers GET /v1/export?format=bibtex|ris|csljson with the whole library as a download.
func (a *app) export(c echo.Context) error {
	format := c.QueryParam("format")
	f, ok := citation.Formats[format]
	if !ok {
		return apiError(syncproto.CodeInvalid, "format must be bibtex, ris or csljson")
	}
	items, err := a.store.Search(c.Request().Context(), who(c).userID, sqlite.Filter{})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := citation.Write(&buf, format, items); err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="papergist.`+f.Ext+`"`)
	return c.Blob(http.StatusOK, f.MediaType, buf.Bytes())
}
