package httpapi

import (
	"bytes"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/papergist/papergist/backend/auth"
	"github.com/papergist/papergist/shared/syncproto"
)

type principal struct{ userID, deviceID string }

const (
	principalKey = "papergist.principal"
	// authErrorKey holds why an access token was refused, for the request log.
	authErrorKey = "papergist.auth_error"
)

func who(c echo.Context) principal { return c.Get(principalKey).(principal) }

// authenticate admits requests with a valid access token and, when checkDevice, whose login (device) still exists.
func (a *app) authenticate(next echo.HandlerFunc, checkDevice bool) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Request().Header.Get(echo.HeaderAuthorization)
		scheme, token, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
			return apiError(syncproto.CodeUnauthorized, "send an access token: Authorization: Bearer <token>")
		}
		claims, err := a.verify(strings.TrimSpace(token))
		if err != nil {
			c.Set(authErrorKey, err.Error()) // the reason goes to the request log, never to the client
			return apiError(syncproto.CodeUnauthorized, "the access token is invalid or expired")
		}
		if checkDevice {
			active, err := a.store.DeviceActive(c.Request().Context(), claims.Subject, claims.Device)
			if err != nil {
				return err
			}
			if !active {
				return errRevoked()
			}
		}
		c.Set(principalKey, principal{userID: claims.Subject, deviceID: claims.Device})
		// What an authenticated request gets back is the user's own data: no cache keeps it.
		c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
		return next(c)
	}
}

func errRevoked() error {
	return apiError(syncproto.CodeUnauthorized, "this login was revoked; log in again")
}

// verifiedCap bounds the cache of verified access tokens.
const verifiedCap = 10000

// verify checks an access token, remembering tokens it already verified: checking the signature and decoding
// the claims is most of the CPU of a small authenticated request, and a client sends the same token for 15
// minutes. The cache only skips repeating a pure computation; expiry is checked against the clock on every use,
// and revocation is checked in the database by the caller. (On Workers each request starts empty: no harm.)
func (a *app) verify(token string) (*auth.Claims, error) {
	if c, ok := a.verified.Load(token); ok {
		claims := c.(*auth.Claims)
		if a.cfg.Now().Before(claims.ExpiresAt.Time) {
			return claims, nil
		}
		a.verified.Delete(token)
	}
	claims, err := a.tokens.Verify(token)
	if err != nil {
		return nil, err
	}
	if a.verifiedN.Add(1) > verifiedCap {
		a.verified.Clear()
		a.verifiedN.Store(0)
	}
	a.verified.Store(token, claims)
	return claims, nil
}

// secureHeaders marks every answer as what its Content-Type says (no sniffing an error body into HTML).
func secureHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set(echo.HeaderXContentTypeOptions, "nosniff")
		return next(c)
	}
}

// requireJSON refuses a request that carries a body in anything but application/json, before any handler runs.
// A cross-site page can send a "simple" POST (no Content-Type, text/plain, a form) without a CORS preflight;
// JSON is not one of those, so this keeps other sites from creating accounts or spending login attempts.
func requireJSON(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if !hasBody(r) {
			return next(c)
		}
		if mt, _, err := mime.ParseMediaType(r.Header.Get(echo.HeaderContentType)); err != nil || mt != echo.MIMEApplicationJSON {
			return apiError(syncproto.CodeUnsupportedMedia, "send the body as application/json")
		}
		return next(c)
	}
}

// hasBody reports whether r carries a body of at least one byte. When the length is unknown (a chunked request,
// or on Workers, where every request arrives so, GETs included) it reads one byte and puts it back.
func hasBody(r *http.Request) bool {
	if r.ContentLength >= 0 || r.Body == nil || r.Body == http.NoBody {
		return r.ContentLength > 0
	}
	var first [1]byte
	n, _ := io.ReadFull(r.Body, first[:])
	if n == 0 {
		return false // empty, or unreadable: the handler meets the same error when it reads
	}
	r.Body = readCloser{io.MultiReader(bytes.NewReader(first[:n]), r.Body), r.Body}
	return true
}

type readCloser struct {
	io.Reader
	io.Closer
}
