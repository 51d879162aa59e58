package auth_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/auth"
)

func TestDummyHashMatchesNoPasswordAndCostsAVerification(t *testing.T) {
	p := auth.Argon2Params{Time: 2, MemoryKiB: 8 * 1024, Threads: 1}
	dummy := auth.DummyHash(p)
	for _, pw := range []string{"", "papergist-dummy-password", "correct horse battery"} {
		assert.ErrorIs(t, auth.VerifyPassword(pw, dummy), auth.ErrMismatch, "password %q", pw)
	}

	// Same parameters as a real hash, so an unknown account takes as long to refuse as a wrong password.
	hashed, err := auth.HashPassword("correct horse battery", p)
	require.NoError(t, err)
	assert.Equal(t, paramsOf(hashed), paramsOf(dummy))
	assert.NotEqual(t, paramsOf(auth.DummyHash(auth.DefaultArgon2)), paramsOf(dummy))
}

// paramsOf is the "$argon2id$v=…$m=…,t=…,p=…" prefix of a hash.
func paramsOf(hash string) string {
	n := 0
	for i, r := range hash {
		if r == '$' {
			if n++; n == 4 {
				return hash[:i]
			}
		}
	}
	return hash
}
