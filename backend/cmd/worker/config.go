package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

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
//   - PAPERGIST_ARGON2 (var): "time,memoryKiB,threads" password hash costs; default auth.WorkersArgon2, sized for
//     the Workers CPU budget.
//   - PAPERGIST_LOGIN_PER_ACCOUNT, PAPERGIST_LOGIN_PER_ADDRESS, PAPERGIST_REGISTER_PER_ADDRESS (vars): attempts
//     allowed per window, and PAPERGIST_LOGIN_WINDOW (var, a Go duration such as "5m") that window.
//
// Request bodies are capped at workerBodyLimit.
func loadConfig(getenv func(string) string) (httpapi.Config, error) {
	cfg := httpapi.Config{JWTKey: []byte(getenv("PAPERGIST_JWT_SECRET")), Argon2: auth.WorkersArgon2,
		BodyLimit: workerBodyLimit}
	if len(cfg.JWTKey) < 32 {
		return httpapi.Config{}, fmt.Errorf("the secret PAPERGIST_JWT_SECRET must be set to at least 32 characters")
	}
	if s := getenv("PAPERGIST_ARGON2"); s != "" {
		var p auth.Argon2Params
		if _, err := fmt.Sscanf(s, "%d,%d,%d", &p.Time, &p.MemoryKiB, &p.Threads); err != nil || p.Time == 0 || p.MemoryKiB == 0 || p.Threads == 0 {
			return httpapi.Config{}, fmt.Errorf("PAPERGIST_ARGON2 must be time,memoryKiB,threads (all above 0): %q", s)
		}
		cfg.Argon2 = p
	}
	for name, dst := range map[string]*int{
		"PAPERGIST_LOGIN_PER_ACCOUNT":    &cfg.LoginPerAccount,
		"PAPERGIST_LOGIN_PER_ADDRESS":    &cfg.LoginPerAddress,
		"PAPERGIST_REGISTER_PER_ADDRESS": &cfg.RegisterPerAddress,
	} {
		if s := getenv(name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 {
				return httpapi.Config{}, fmt.Errorf("%s must be a positive whole number: %q", name, s)
			}
			*dst = n
		}
	}
	if s := getenv("PAPERGIST_LOGIN_WINDOW"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d < time.Second {
			return httpapi.Config{}, fmt.Errorf("PAPERGIST_LOGIN_WINDOW must be a duration of at least 1s, such as 5m: %q", s)
		}
		cfg.LoginWindow = d
	}
	return cfg, nil
}

// misconfigured answers every request with 503 and the reason, in the API's error shape: a Worker deployed
// without its secret must say so rather than fail with an opaque 500.
func misconfigured(err error) http.Handler {
	body, _ := json.Marshal(syncproto.ErrorBody{Error: syncproto.Error{
		Code: syncproto.CodeUnavailable, Message: "the worker is misconfigured: " + err.Error()}})
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write(body)
	})
}
