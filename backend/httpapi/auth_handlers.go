package httpapi

import (
	"errors"
	"math"
	"net"
	"net/http"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/papergist/papergist/backend/auth"
	"github.com/papergist/papergist/backend/sqlite"
	"github.com/papergist/papergist/shared/syncproto"
)

// Credentials is the body of register and login.
type Credentials struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	// DeviceName labels the login in GET /v1/devices; default the User-Agent.
	DeviceName string `json:"device_name,omitempty"`
}

// UserView is a user as the API shows it.
type UserView struct {
	ID        string    `json:"id"`
	Email     string    `json:"email"`
	CreatedAt time.Time `json:"created_at"`
}

// Session is the answer to register, login and refresh.
type Session struct {
	User         UserView `json:"user"`
	DeviceID     string   `json:"device_id"`
	AccessToken  string   `json:"access_token"`
	RefreshToken string   `json:"refresh_token"`
	TokenType    string   `json:"token_type"`
	ExpiresIn    int      `json:"expires_in"` // seconds
}

func normalizeEmail(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Address != s || len(s) > 254 || !strings.Contains(s[strings.LastIndexByte(s, '@'):], ".") {
		return "", apiError(syncproto.CodeInvalid, "email: not a valid address")
	}
	return s, nil
}

var errNoAccount = errors.New("no such account")

// limit counts one attempt against key and refuses it (429 with Retry-After) once more than max happened in
// the sliding window.
func (a *app) limit(c echo.Context, key string, max int, window time.Duration) error {
	ok, retry, err := a.store.Allow(c.Request().Context(), key, max, window)
	if err != nil {
		return err
	}
	if !ok {
		c.Response().Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(retry.Seconds()))))
		return apiError(syncproto.CodeRateLimited, "too many attempts; retry later")
	}
	return nil
}

// clientAddress is the address that rate limits count by: the client's IPv4 address, or its IPv6 /64, since
// one host commonly holds a whole /64 and could otherwise step through addresses.
func clientAddress(c echo.Context) string {
	ip := net.ParseIP(c.RealIP())
	if ip == nil || ip.To4() != nil {
		return c.RealIP()
	}
	return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
}

func (a *app) register(c echo.Context) error {
	var in Credentials
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	email, err := normalizeEmail(in.Email)
	if err != nil {
		return err
	}
	if n := utf8.RuneCountInString(in.Password); n < auth.MinPassword || len(in.Password) > auth.MaxPassword {
		return apiError(syncproto.CodeInvalid, "password: must be %d to %d bytes long", auth.MinPassword, auth.MaxPassword)
	}
	if err := a.limit(c, "register:addr:"+clientAddress(c), a.cfg.RegisterPerAddress, a.cfg.LoginWindow); err != nil {
		return err
	}
	hash, err := a.hashPassword(c.Request().Context(), in.Password)
	if err != nil {
		return err
	}
	u, err := a.store.CreateUser(c.Request().Context(), auth.RandomToken(12), email, hash)
	if err != nil {
		return err
	}
	return a.startSession(c, http.StatusCreated, u, in.DeviceName)
}

func (a *app) login(c echo.Context) error {
	var in Credentials
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	email := strings.ToLower(strings.TrimSpace(in.Email))
	if email == "" || in.Password == "" || len(in.Password) > auth.MaxPassword || len(email) > 254 {
		return apiError(syncproto.CodeInvalid, "email and password are required")
	}
	// The limits count before the password is checked, so that guessing costs the attacker attempts and not
	// the server argon2 time. Guesses at one account are limited per (account, address), so an attacker
	// refused there does not lock the owner out, and then by a slower budget over all addresses, which an
	// attacker needs several addresses guessing at full speed to spend.
	addr := clientAddress(c)
	if err := a.limit(c, "login:addr:"+addr, a.cfg.LoginPerAddress, a.cfg.LoginWindow); err != nil {
		return err
	}
	if err := a.limit(c, "login:pair:"+addr+" "+email, a.cfg.LoginPerAccount, a.cfg.LoginWindow); err != nil {
		return err
	}
	if err := a.limit(c, "login:acct:"+email, a.cfg.LoginAccountBudget, time.Hour); err != nil {
		return err
	}
	u, err := a.store.UserByEmail(c.Request().Context(), email)
	hash := u.PasswordHash
	if err != nil {
		var pe *syncproto.Error
		if !errors.As(err, &pe) || pe.Code != syncproto.CodeNotFound {
			return err
		}
		if hash, err = a.dummyHash(); err != nil {
			return err
		}
		err = errNoAccount
	}
	if verr := a.verifyPassword(c.Request().Context(), in.Password, hash); verr != nil || err != nil {
		if verr != nil && !errors.Is(verr, auth.ErrMismatch) {
			return verr
		}
		return apiError(syncproto.CodeUnauthorized, "wrong email or password")
	}
	return a.startSession(c, http.StatusOK, u, in.DeviceName)
}

// startSession creates a device (login) with its first refresh token and answers with a Session.
func (a *app) startSession(c echo.Context, status int, u sqlite.User, deviceName string) error {
	name := strings.TrimSpace(deviceName)
	if name == "" {
		name = c.Request().UserAgent()
	}
	if utf8.RuneCountInString(name) > 200 {
		name = string([]rune(name)[:200])
	}
	refresh := auth.RandomToken(32)
	d, err := a.store.CreateDevice(c.Request().Context(), u.ID, auth.RandomToken(12), name,
		auth.HashRefreshToken(refresh), a.cfg.Now().Add(a.cfg.RefreshTTL))
	if err != nil {
		return err
	}
	return a.session(c, status, u, d.ID, refresh)
}

func (a *app) session(c echo.Context, status int, u sqlite.User, deviceID, refresh string) error {
	access, _, err := a.tokens.Issue(u.ID, deviceID)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(status, Session{
		User:     UserView{ID: u.ID, Email: u.Email, CreatedAt: u.CreatedAt},
		DeviceID: deviceID, AccessToken: access, RefreshToken: refresh, TokenType: "Bearer",
		ExpiresIn: int(a.cfg.AccessTTL / time.Second),
	})
}

// RefreshRequest is the body of /v1/auth/refresh.
type RefreshRequest struct {
	RefreshToken string `json:"refresh_token"`
}

// RefreshGrace is how long after a rotation the retired refresh token still gets the same successor, as long as
// that successor is unused: a client whose answer was lost (dropped connection, timeout) retries within it.
const RefreshGrace = time.Minute

// refresh rotates a refresh token: the presented one is retired and its successor issued with a new access
// token. Presenting a retired token again, except within RefreshGrace while its successor is unused, revokes
// the whole login (the store deletes the device).
func (a *app) refresh(c echo.Context) error {
	var in RefreshRequest
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	if in.RefreshToken == "" || len(in.RefreshToken) > 200 {
		return apiError(syncproto.CodeInvalid, "refresh_token is required")
	}
	ctx := c.Request().Context()
	next := a.tokens.NextRefreshToken(in.RefreshToken)
	userID, deviceID, err := a.store.RotateRefreshToken(ctx, auth.HashRefreshToken(in.RefreshToken), auth.HashRefreshToken(next),
		a.cfg.Now().Add(a.cfg.RefreshTTL), RefreshGrace)
	if errors.Is(err, sqlite.ErrRefreshReused) {
		a.cfg.Logger.Warn("refresh token reuse; login revoked", "request_id", c.Response().Header().Get(echo.HeaderXRequestID))
		return apiError(syncproto.CodeUnauthorized, "this refresh token was already used; the login is revoked")
	}
	if err != nil {
		return err
	}
	u, err := a.store.UserByID(ctx, userID)
	if err != nil {
		return err
	}
	return a.session(c, http.StatusOK, u, deviceID, next)
}

// logout ends the current login: its refresh tokens and access tokens stop working.
func (a *app) logout(c echo.Context) error {
	p := who(c)
	if err := a.store.DeleteDevice(c.Request().Context(), p.userID, p.deviceID); err != nil {
		return err
	}
	return noContent(c)
}

// Me is the answer to GET /v1/me.
type Me struct {
	UserView
	DeviceID string `json:"device_id"`
}

func (a *app) me(c echo.Context) error {
	p := who(c)
	u, err := a.store.UserByID(c.Request().Context(), p.userID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, Me{UserView: UserView{ID: u.ID, Email: u.Email, CreatedAt: u.CreatedAt}, DeviceID: p.deviceID})
}
