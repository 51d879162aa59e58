// Package auth issues and verifies access tokens (JWT), hashes passwords and makes refresh tokens.
// It holds no state and imports no storage: the caller keeps users, devices and refresh tokens.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Argon2Params are the argon2id cost parameters. They are stored in every hash, so changing them only affects
// new hashes and old ones keep verifying.
type Argon2Params struct {
	Time      uint32 // passes over memory
	MemoryKiB uint32
	Threads   uint8
}

// DefaultArgon2 follows OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane): about 20-40 ms natively.
// On Cloudflare Workers (wasm, one thread, 10-50 ms CPU per request, 128 MB) use WorkersArgon2 instead.
var DefaultArgon2 = Argon2Params{Time: 2, MemoryKiB: 19 * 1024, Threads: 1}

// WorkersArgon2 is OWASP's lowest-memory equivalent (7 MiB × 5 passes would be too slow in wasm), chosen to fit
// a paid Workers CPU budget; measure on the deployment and raise it if it allows.
var WorkersArgon2 = Argon2Params{Time: 1, MemoryKiB: 4 * 1024, Threads: 1}

// MaxPassword bounds the work an attacker can ask for, in bytes.
const (
	MinPassword = 8
	MaxPassword = 1024
)

// ErrMismatch means the password does not match the hash.
var ErrMismatch = errors.New("password does not match")

// HashPassword returns the PHC-style encoding $argon2id$v=19$m=…,t=…,p=…$salt$hash.
func HashPassword(password string, p Argon2Params) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("salt: %w", err)
	}
	return encodeHash(p, salt, argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, 32)), nil
}

// encodeHash writes the PHC string that VerifyPassword reads.
func encodeHash(p Argon2Params, salt, sum []byte) string {
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.MemoryKiB, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(sum))
}

// VerifyPassword reports nil when password matches encoded, ErrMismatch when not, another error when encoded is
// not a hash this package wrote.
func VerifyPassword(password, encoded string) error {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" || parts[2] != fmt.Sprintf("v=%d", argon2.Version) {
		return errors.New("unknown password hash format")
	}
	var p Argon2Params
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.MemoryKiB, &p.Time, &p.Threads); err != nil {
		return fmt.Errorf("password hash parameters: %w", err)
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err := errors.Join(err1, err2); err != nil || len(want) == 0 || p.Threads == 0 {
		return errors.New("malformed password hash")
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, uint32(len(want)))
	if subtle.ConstantTimeCompare(got, want) != 1 {
		return ErrMismatch
	}
	return nil
}
