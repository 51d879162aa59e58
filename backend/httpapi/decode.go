package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/papergist/papergist/shared/syncproto"
)

// readBody returns the request body; requireJSON already checked its type, the body limit capped its size.
func readBody(c echo.Context) ([]byte, error) {
	b, err := io.ReadAll(c.Request().Body)
	if err != nil {
		var he *echo.HTTPError
		if errors.As(err, &he) {
			return nil, he
		}
		if strings.Contains(err.Error(), "too large") {
			return nil, echo.ErrStatusRequestEntityTooLarge
		}
		return nil, apiError(syncproto.CodeInvalid, "cannot read the request body")
	}
	return b, nil
}

// decodeJSON decodes a JSON body strictly: unknown fields and trailing data are errors, so typos are not ignored.
func decodeJSON(c echo.Context, v any) error {
	b, err := readBody(c)
	if err != nil {
		return err
	}
	return decodeBytes(b, v)
}

func decodeBytes(b []byte, v any) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return apiError(syncproto.CodeInvalid, "the request body is empty; send JSON")
	}
	if !utf8.Valid(b) {
		// encoding/json would store U+FFFD in place of each bad byte: refused, so that no byte sent is changed
		// unseen. (A JSON escape of a lone surrogate, "\ud83e", still decodes to U+FFFD, as JSON parsers do.)
		return apiError(syncproto.CodeInvalid, "the request body is not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return apiError(syncproto.CodeInvalid, "malformed JSON body: %s", jsonProblem(err))
	}
	if dec.More() {
		return apiError(syncproto.CodeInvalid, "malformed JSON body: data after the JSON value")
	}
	return nil
}

// jsonProblem describes a decode error without echoing Go type names.
func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te) && te.Field == "":
		return "the body must be a JSON object"
	case errors.As(err, &te):
		return "field " + strconv.Quote(te.Field) + " has the wrong type"
	case errors.As(err, &se):
		return "syntax error at byte " + strconv.FormatInt(se.Offset, 10)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "unknown field " + strings.TrimPrefix(err.Error(), "json: unknown field ")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "unexpected end of JSON"
	}
	return "cannot parse"
}

// queryInt reads an optional integer query parameter within [min, max].
func queryInt(c echo.Context, name string, def, min, max int64) (int64, error) {
	s := c.QueryParam(name)
	if s == "" {
		return def, nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v < min || v > max {
		return 0, apiError(syncproto.CodeInvalid, "%s must be an integer from %d to %d", name, min, max)
	}
	return v, nil
}

// versionHeader reads a header holding a version, bare or as an ETag ("5" or W/"5" are accepted).
func versionHeader(c echo.Context, name string) (*int64, error) {
	s := strings.TrimSpace(c.Request().Header.Get(name))
	if s == "" {
		return nil, nil
	}
	s = strings.Trim(strings.TrimPrefix(s, "W/"), `"`)
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v < 0 || v > syncproto.MaxVersion {
		return nil, apiError(syncproto.CodeInvalid, "%s must be a version number", name)
	}
	return &v, nil
}

func noContent(c echo.Context) error { return c.NoContent(http.StatusNoContent) }
