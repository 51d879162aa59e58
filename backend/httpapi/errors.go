package httpapi

import (
	"context"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/papergist/papergist/backend/sqlite"
	"github.com/papergist/papergist/shared/syncproto"
)

// statusClientClosed is what the request log records for a request whose client left before its answer.
const statusClientClosed = 499

// statusOf is the one map from error codes to HTTP statuses.
var statusOf = map[string]int{
	syncproto.CodeInvalid:            http.StatusBadRequest,
	syncproto.CodeUnauthorized:       http.StatusUnauthorized,
	syncproto.CodeNotFound:           http.StatusNotFound,
	syncproto.CodeMethodNotAllowed:   http.StatusMethodNotAllowed,
	syncproto.CodeConflict:           http.StatusConflict,
	syncproto.CodeGone:               http.StatusGone,
	syncproto.CodePreconditionFailed: http.StatusPreconditionFailed,
	syncproto.CodeTooLarge:           http.StatusRequestEntityTooLarge,
	syncproto.CodeUnsupportedMedia:   http.StatusUnsupportedMediaType,
	syncproto.CodeIdempotencyReused:  http.StatusUnprocessableEntity,
	syncproto.CodeRateLimited:        http.StatusTooManyRequests,
	syncproto.CodeInternal:           http.StatusInternalServerError,
	syncproto.CodeUnavailable:        http.StatusServiceUnavailable,
}

// codeOf turns Echo's own errors (unknown route, body too large, …) into our codes.
var codeOf = map[int]string{
	http.StatusBadRequest:            syncproto.CodeInvalid,
	http.StatusUnauthorized:          syncproto.CodeUnauthorized,
	http.StatusNotFound:              syncproto.CodeNotFound,
	http.StatusMethodNotAllowed:      syncproto.CodeMethodNotAllowed,
	http.StatusRequestEntityTooLarge: syncproto.CodeTooLarge,
	http.StatusUnsupportedMediaType:  syncproto.CodeUnsupportedMedia,
	http.StatusServiceUnavailable:    syncproto.CodeUnavailable,
}

func apiError(code, format string, args ...any) error { return syncproto.Errorf(code, format, args...) }

// handleError is Echo's HTTPErrorHandler: every error leaves as {"error": {"code", "message"}}. A database that
// cannot serve for now (full disk, I/O error, read-only: sqlite.Unavailable) is a 503 with Retry-After; anything
// else that is not one of ours is logged and sent as a bare "internal" so internals never leak.
func (a *app) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	if errors.Is(err, context.Canceled) && c.Request().Context().Err() != nil {
		// The client went away (a long poll whose browser stopped its worker, a request cut off): no one to
		// answer, and nothing wrong here. The request log says 499, as proxies do, at info level.
		c.Response().Status = statusClientClosed
		return
	}
	var body syncproto.Error
	var status int
	var pe *syncproto.Error
	var he *echo.HTTPError
	switch {
	case errors.As(err, &pe):
		body, status = *pe, statusOf[pe.Code]
	case errors.As(err, &he) && codeOf[he.Code] != "":
		body = syncproto.Error{Code: codeOf[he.Code], Message: http.StatusText(he.Code)}
		status = he.Code
	}
	if status == 0 && sqlite.Unavailable(err) {
		a.cfg.Logger.Error("storage unavailable", "request_id", c.Response().Header().Get(echo.HeaderXRequestID),
			"path", c.Request().URL.Path, "error", err.Error())
		body = syncproto.Error{Code: syncproto.CodeUnavailable, Message: "the server cannot store data right now; retry later"}
		status = http.StatusServiceUnavailable
	}
	if status == 0 {
		a.cfg.Logger.Error("internal error", "request_id", c.Response().Header().Get(echo.HeaderXRequestID),
			"path", c.Request().URL.Path, "error", err.Error())
		body, status = syncproto.Error{Code: syncproto.CodeInternal, Message: "internal error"}, http.StatusInternalServerError
	}
	if status == http.StatusServiceUnavailable && c.Response().Header().Get("Retry-After") == "" {
		c.Response().Header().Set("Retry-After", "2") // seconds: long enough for a hash slot or a disk to free up
	}
	if status == http.StatusUnauthorized {
		c.Response().Header().Set("WWW-Authenticate", `Bearer realm="papergist"`)
	}
	if c.Request().Method == http.MethodHead {
		err = c.NoContent(status)
	} else {
		err = c.JSON(status, syncproto.ErrorBody{Error: body})
	}
	if err != nil {
		a.cfg.Logger.Error("write error response", "error", err)
	}
}
