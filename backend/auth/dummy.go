package auth

import (
	"encoding/base64"
	"fmt"

	"golang.org/x/crypto/argon2"
)

// DummyHash returns a hash in HashPassword's format, with the costs p, that no password matches (its digest is
// all zeros). Verifying a password against it costs what verifying against a real hash with p costs, which is
// all a login for an unknown account needs; unlike HashPassword it spends no argon2 run to make, and that matters
// on Workers, where the app is built anew for every request.
func DummyHash(p Argon2Params) string {
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.MemoryKiB, p.Time, p.Threads,
		b64.EncodeToString([]byte("papergist-dummy!")), b64.EncodeToString(make([]byte, 32)))
}
