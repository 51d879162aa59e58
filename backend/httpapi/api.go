// Package httpapi is the papergist sync API: Echo routes over the sqlite store, with JWT authentication.
// The same app serves the native server (backend/cmd/server) and the Cloudflare worker; it keeps nothing in
// memory between requests that matters (rate limits, idempotency keys, refresh tokens live in the database).
package httpapi

import (
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/papergist/papergist/backend/auth"
	"github.com/papergist/papergist/backend/sqlite"
)

// Config is everything the app needs besides the database. Zero values take the defaults noted.
type Config struct {
	// JWTKey signs access tokens (HS256); at least 32 bytes. Required.
	JWTKey []byte
	// Issuer and Audience of access tokens; default "papergist" and "papergist-api".
	Issuer, Audience string
	// AccessTTL defaults to auth.AccessTTL (15 min); RefreshTTL to 60 days.
	AccessTTL, RefreshTTL time.Duration
	// Argon2 are the password hash costs; default auth.DefaultArgon2 (use auth.WorkersArgon2 on Workers).
	Argon2 auth.Argon2Params
	// LoginPerAccount caps login attempts at one account from one address, LoginPerAddress at all accounts
	// from one address, per LoginWindow (sliding); default 10 and 50 per 5 minutes. LoginAccountBudget caps
	// attempts at one account from all addresses together, per hour; default 300, which one address at
	// LoginPerAccount cannot spend alone (120 an hour), so an attacker cannot lock the owner out from one.
	// RegisterPerAddress caps account creation per address and window (each costs a password hash); default 20.
	LoginPerAccount, LoginPerAddress, LoginAccountBudget, RegisterPerAddress int
	LoginWindow                                                              time.Duration
	// HashConcurrency bounds the password hashes computing at once (each holds Argon2.MemoryKiB); default one
	// per core (GOMAXPROCS). A login or registration waits up to HashWait (default 2s) for a turn, then is
	// answered 503 with Retry-After.
	HashConcurrency int
	HashWait        time.Duration
	// BodyLimit caps request bodies, in bytes; default 4 MiB (a full push of 500 items with abstracts).
	BodyLimit int64
	// IPExtractor finds the client address for rate limits; default the TCP peer (echo.ExtractIPDirect), or,
	// with TrustedProxies, X-Forwarded-For as far as those proxies vouch for it.
	IPExtractor echo.IPExtractor
	// TrustedProxies are the reverse proxies (CIDR ranges) whose X-Forwarded-For is believed: the client
	// address is the rightmost one in the header that is not a trusted proxy. A request from any other peer is
	// that peer, whatever it sends. Empty: no header is believed.
	TrustedProxies []*net.IPNet
	// SyncWait sets the long polls of GET /v1/sync/wait (sync_wait.go).
	SyncWait SyncWaitConfig
	// Batch runs the store's batches of statements (sqlite.Batch); default a transaction on the database. The
	// worker gives D1's batch, one round trip for a push's write and its answer.
	Batch sqlite.Batch
	// Now is the clock; default time.Now.
	Now func() time.Time
	// Logger receives one structured line per request; default slog.Default().
	Logger *slog.Logger
}

func (c *Config) defaults() error {
	if len(c.JWTKey) < 32 {
		return errors.New("httpapi: JWT key must be at least 32 bytes")
	}
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&c.Issuer, "papergist")
	def(&c.Audience, "papergist-api")
	if c.AccessTTL == 0 {
		c.AccessTTL = auth.AccessTTL
	}
	if c.RefreshTTL == 0 {
		c.RefreshTTL = 60 * 24 * time.Hour
	}
	if c.Argon2 == (auth.Argon2Params{}) {
		c.Argon2 = auth.DefaultArgon2
	}
	if c.LoginPerAccount == 0 {
		c.LoginPerAccount = 10
	}
	if c.LoginPerAddress == 0 {
		c.LoginPerAddress = 50
	}
	if c.LoginAccountBudget == 0 {
		c.LoginAccountBudget = 300
	}
	if c.RegisterPerAddress == 0 {
		c.RegisterPerAddress = 20
	}
	if c.LoginWindow == 0 {
		c.LoginWindow = 5 * time.Minute
	}
	if c.HashConcurrency == 0 {
		c.HashConcurrency = runtime.GOMAXPROCS(0)
	}
	if c.HashWait == 0 {
		c.HashWait = 2 * time.Second
	}
	if c.BodyLimit == 0 {
		c.BodyLimit = 4 << 20
	}
	if c.IPExtractor == nil && len(c.TrustedProxies) > 0 {
		trust := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
		for _, n := range c.TrustedProxies {
			trust = append(trust, echo.TrustIPRange(n))
		}
		c.IPExtractor = echo.ExtractIPFromXFFHeader(trust...)
	}
	if c.IPExtractor == nil {
		c.IPExtractor = echo.ExtractIPDirect()
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return nil
}

// app holds the handlers' dependencies.
type app struct {
	cfg    Config
	store  *sqlite.Store
	tokens *auth.Issuer
	// verified caches verified access tokens (see verify); verifiedN counts its entries, roughly.
	verified  sync.Map
	verifiedN atomic.Int64
	// hashes bounds the password hashes computing at once.
	hashes *hashLimiter
	// dummyHash is verified against when a login names no account, so that response time does not tell
	// whether an email is registered. Made on first need: a Workers request that never needs it never pays.
	dummyHash func() (string, error)
}

// access says who may call a route.
type access int

const (
	public access = iota
	// bearer: a valid access token whose device session still exists.
	bearer
	// bearerChecksDevice: a valid access token; the handler checks the device session in its own statement.
	bearerChecksDevice
)

type route struct {
	method, path string
	handler      echo.HandlerFunc
	access       access
}

// routes is the whole API, in one table.
func (a *app) routes() []route {
	return []route{
		{http.MethodGet, "/healthz", a.healthz, public},
		{http.MethodGet, "/readyz", a.readyz, public},
		{http.MethodGet, "/v1/openapi.json", a.openapi, public},

		{http.MethodPost, "/v1/auth/register", a.register, public},
		{http.MethodPost, "/v1/auth/login", a.login, public},
		{http.MethodPost, "/v1/auth/refresh", a.refresh, public},
		{http.MethodPost, "/v1/auth/logout", a.logout, bearer},
		{http.MethodGet, "/v1/me", a.me, bearer},
		{http.MethodGet, "/v1/devices", a.listDevices, bearer},
		{http.MethodPatch, "/v1/devices/:id", a.renameDevice, bearer},
		{http.MethodDelete, "/v1/devices/:id", a.deleteDevice, bearer},

		{http.MethodGet, "/v1/sync", a.pull, bearerChecksDevice},
		{http.MethodPost, "/v1/sync", a.push, bearerChecksDevice},
		{http.MethodGet, "/v1/sync/wait", a.syncWait, bearerChecksDevice},

		{http.MethodGet, "/v1/items", a.searchItems, bearer},
		{http.MethodGet, "/v1/items/*", a.getItem, bearer},
		{http.MethodPut, "/v1/items/*", a.putItem, bearer},
		{http.MethodDelete, "/v1/items/*", a.deleteItem, bearer},
		{http.MethodGet, "/v1/export", a.export, bearer},
	}
}

// New returns the API over db (already migrated) as an Echo app, ready to serve.
func New(db *sql.DB, cfg Config) (*echo.Echo, error) {
	if err := cfg.defaults(); err != nil {
		return nil, err
	}
	a := &app{
		cfg:    cfg,
		store:  sqlite.New(db, cfg.Now).WithBatch(cfg.Batch),
		hashes: newHashLimiter(cfg.HashConcurrency, cfg.HashWait),
		tokens: &auth.Issuer{Key: cfg.JWTKey, Issuer: cfg.Issuer, Audience: cfg.Audience,
			TTL: cfg.AccessTTL, Now: cfg.Now},
	}
	// Built, not hashed: HashPassword would cost an unknown-account login two argon2 runs instead of one (and
	// on Workers, where the app is built per request, every such login), which tells registered emails apart.
	a.dummyHash = func() (string, error) { return auth.DummyHash(cfg.Argon2), nil }
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.IPExtractor = cfg.IPExtractor
	e.HTTPErrorHandler = a.handleError
	e.Use(middleware.RequestID())
	e.Use(a.logRequests())
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{DisableStackAll: true, LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
		a.cfg.Logger.Error("panic", "request_id", c.Response().Header().Get(echo.HeaderXRequestID), "error", err, "stack", string(stack))
		return err
	}}))
	e.Use(middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{Limit: fmt.Sprint(cfg.BodyLimit) + "B"}))
	e.Use(secureHeaders, requireJSON)
	for _, r := range a.routes() {
		h := r.handler
		if r.access != public {
			h = a.authenticate(h, r.access == bearer)
		}
		e.Add(r.method, r.path, h)
	}
	return e, nil
}

// logRequests writes one slog line per request, with the request id that is also sent back in X-Request-Id.
func (a *app) logRequests() echo.MiddlewareFunc {
	return middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus: true, LogMethod: true, LogURIPath: true, LogLatency: true, LogRequestID: true, LogError: true,
		LogRemoteIP: true, HandleError: true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			level := slog.LevelInfo
			if v.Status >= 500 {
				level = slog.LevelError
			}
			if !a.cfg.Logger.Enabled(c.Request().Context(), level) {
				return nil
			}
			attrs := []slog.Attr{
				slog.String("request_id", v.RequestID), slog.String("method", v.Method), slog.String("path", v.URIPath),
				slog.Int("status", v.Status), slog.Duration("latency", v.Latency), slog.String("remote_ip", v.RemoteIP),
			}
			if v.Error != nil {
				attrs = append(attrs, slog.String("error", v.Error.Error()))
			}
			if reason, ok := c.Get(authErrorKey).(string); ok {
				attrs = append(attrs, slog.String("auth_error", reason))
			}
			a.cfg.Logger.LogAttrs(c.Request().Context(), level, "request", attrs...)
			return nil
		},
	})
}
