//go:build js && wasm

// Command worker serves the papergist sync API on Cloudflare Workers: the same Echo app as the native server
// (backend/httpapi), over D1 instead of the SQLite file.
//
// glue.mjs starts one Go runtime per isolate, so main runs once per isolate: it builds the app, and serve (glue_js.go)
// hands it every request after that. Isolates come and go at Cloudflare's will, so nothing is kept in memory
// between requests: rate limits, idempotency keys and refresh tokens all live in D1. The schema comes from
// backend/sqlite/migrations, applied by `wrangler d1 migrations apply` (scripts/worker-dev.sh, worker-deploy.sh),
// so the worker never migrates.
package main

import (
	"database/sql"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"syscall/js"

	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/d1"

	"github.com/papergist/papergist/backend/httpapi"
)

// d1Binding is the D1 binding's name in wrangler.toml.
const d1Binding = "DB"

func main() {
	h, ok := handler(cloudflare.Getenv)
	serve(testRoutes(h), ok)
}

// handler returns the API and true, or, when the Worker is misconfigured, a handler that says why and false.
func handler(getenv func(string) string) (http.Handler, bool) {
	cfg, err := loadConfig(getenv)
	if err != nil {
		return misconfigured(err), false
	}
	connector, err := d1.OpenConnector(d1Binding)
	if err != nil {
		return misconfigured(fmt.Errorf("D1 binding %s: %w", d1Binding, err)), false
	}
	// On Workers, the request's RemoteAddr is the CF-Connecting-IP header that Cloudflare sets, so the app's
	// default IP extractor already rate-limits by the real client address.
	cfg.Logger = slog.New(quietRequests{slog.NewJSONHandler(os.Stderr, nil)})
	cfg.Batch = d1Batch(js.Global().Get("context").Get("env").Get(d1Binding))
	e, err := httpapi.New(sql.OpenDB(connector), cfg)
	if err != nil {
		return misconfigured(err), false
	}
	return e, true
}
