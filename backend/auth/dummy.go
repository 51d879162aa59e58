package auth

// DummyHash returns a hash in HashPassword's format, with the costs p, that no password matches (its digest is
// all zeros). Verifying a password against it costs what verifying against a real hash with p costs, which is
// all a login for an unknown account needs; unlike HashPassword it spends no argon2 run to make, and that matters
// on Workers, where the app is built anew for every request.
func DummyHash(p Argon2Params) string {
	return encodeHash(p, []byte("papergist-dummy!"), make([]byte, 32))
}
