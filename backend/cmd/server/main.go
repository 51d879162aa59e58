// Command server is the native papergist sync server: it opens (creating and migrating) the SQLite file and
// serves the API until interrupted.
//
//	server [-addr 127.0.0.1:8080] [-db ./data/papergist.db] [-trusted-proxies 127.0.0.1,10.0.0.0/8]
//
// The JWT signing key comes from PAPERGIST_JWT_SECRET, else from jwt.key beside the database (generated on first
// run). PAPERGIST_ARGON2 ("time,memoryKiB,threads") overrides the password hash costs, and
// PAPERGIST_LOGIN_PER_ACCOUNT, PAPERGIST_LOGIN_PER_ADDRESS and PAPERGIST_REGISTER_PER_ADDRESS the attempts allowed
// per PAPERGIST_LOGIN_WINDOW (default 10, 50 and 20 per 5m; the contract tests run against a server need a high
// register limit); see httpapi.Config.ReadEnv. Behind a reverse proxy, -trusted-proxies (or
// PAPERGIST_TRUSTED_PROXIES) names the proxies whose X-Forwarded-For gives the client address for rate limits.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/papergist/papergist/backend/httpapi"
	"github.com/papergist/papergist/backend/sqlite"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

// run serves until ctx is done, then shuts down gracefully.
func run(ctx context.Context, args []string, getenv func(string) string) error {
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address")
	dbPath := fs.String("db", "./data/papergist.db", "SQLite database file (created and migrated at start)")
	proxies := fs.String("trusted-proxies", "", "reverse proxies whose X-Forwarded-For is believed: comma-separated CIDR ranges or addresses (default $PAPERGIST_TRUSTED_PROXIES)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	logger := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	db, err := sqlite.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	key, err := jwtKey(getenv("PAPERGIST_JWT_SECRET"), filepath.Join(filepath.Dir(*dbPath), "jwt.key"))
	if err != nil {
		return err
	}
	cfg := httpapi.Config{JWTKey: key, Logger: logger}
	if err := cfg.ReadEnv(getenv); err != nil {
		return err
	}
	if *proxies != "" {
		if cfg.TrustedProxies, err = httpapi.ParseTrustedProxies(*proxies); err != nil {
			return fmt.Errorf("-trusted-proxies: %w", err)
		}
	}
	e, err := httpapi.New(db, cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: e, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		WriteTimeout: time.Minute, IdleTimeout: 2 * time.Minute}
	logger.Info("listening", "addr", "http://"+ln.Addr().String(), "db", *dbPath)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}

// jwtKey returns the configured secret, or the key stored in path, generating it on first run.
func jwtKey(secret, path string) ([]byte, error) {
	if secret != "" {
		if len(secret) < 32 {
			return nil, errors.New("PAPERGIST_JWT_SECRET must be at least 32 characters")
		}
		return []byte(secret), nil
	}
	if b, err := os.ReadFile(path); err == nil {
		k := strings.TrimSpace(string(b))
		if len(k) < 32 {
			return nil, fmt.Errorf("%s: key too short", path)
		}
		return []byte(k), nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return nil, err
	}
	k := hex.EncodeToString(raw)
	// O_EXCL: if two servers start at once on the same folder, one key wins and the other reads it.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return jwtKey("", path)
	}
	if err != nil {
		return nil, fmt.Errorf("store JWT key: %w", err)
	}
	if _, err := f.WriteString(k + "\n"); err != nil {
		f.Close()
		return nil, fmt.Errorf("store JWT key: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return nil, err
	}
	return []byte(k), f.Close()
}
