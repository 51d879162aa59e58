package main

import (
	"fmt"
	"net/http"

	"github.com/papergist/papergist/backend/auth"
	"github.com/papergist/papergist/backend/httpapi"
	"github.com/papergist/papergist/shared/syncproto"
)

// workerBodyLimit keeps a push under D1's 2 MB cap on one bound value: the store binds a push's items as one JSON
// string. The native server allows 4 MiB.
const workerBodyLimit = 1 << 20

// loadConfig reads the app's configuration from the Worker's vars and secrets (getenv), the same names as the
// native server's environment:
//
//   - PAPERGIST_JWT_SECRET (secret, required): the HS256 signing key, at least 32 characters.
//   - the vars httpapi.Config.ReadEnv reads; PAPERGIST_ARGON2 defaults to auth.WorkersArgon2, sized for the
//     Workers CPU budget.
//
// Request bodies are capped at workerBodyLimit.
func loadConfig(getenv func(string) string) (httpapi.Config, error) {
	cfg := httpapi.Config{JWTKey: []byte(getenv("PAPERGIST_JWT_SECRET")), Argon2: auth.WorkersArgon2,
		BodyLimit: workerBodyLimit}
	if len(cfg.JWTKey) < 32 {
		return httpapi.Config{}, fmt.Errorf("the secret PAPERGIST_JWT_SECRET must be set to at least 32 characters")
	}
	if err := cfg.ReadEnv(getenv); err != nil {
		return httpapi.Config{}, err
	}
	return cfg, nil
}

// misconfigured answers every request with 503 and the reason, in the API's error shape: a Worker deployed
// without its secret must say so rather than fail with an opaque 500.
func misconfigured(err error) http.Handler {
	body := errorBody(syncproto.CodeUnavailable, "the worker is misconfigured: "+err.Error())
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write(body)
	})
}
