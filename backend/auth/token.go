package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// AccessTTL is how long an access token is valid.
const AccessTTL = 15 * time.Minute

// Claims are what an access token says: the registered claims (sub is the user id) plus the device session.
type Claims struct {
	jwt.RegisteredClaims
	// Device is the id of the login (device session) the token belongs to; revoking it revokes the token.
	Device string `json:"sid"`
}

// Issuer signs and verifies HS256 access tokens. Key comes from configuration; Now is the clock.
type Issuer struct {
	Key      []byte
	Issuer   string
	Audience string
	TTL      time.Duration
	Now      func() time.Time
}

// ErrInvalidToken wraps every reason a token is refused; the reason is for logs only.
var ErrInvalidToken = errors.New("invalid access token")

// Issue returns a signed access token for the user's device session and its expiry.
func (is *Issuer) Issue(userID, deviceID string) (string, time.Time, error) {
	now := is.Now().Truncate(time.Second)
	exp := now.Add(is.TTL)
	claims := Claims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    is.Issuer,
			Subject:   userID,
			Audience:  jwt.ClaimStrings{is.Audience},
			ExpiresAt: jwt.NewNumericDate(exp),
			IssuedAt:  jwt.NewNumericDate(now),
			ID:        RandomToken(16),
		},
		Device: deviceID,
	}
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(is.Key)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("sign access token: %w", err)
	}
	return s, exp, nil
}

// Verify checks signature (HS256 only, so alg none or any other algorithm is refused), issuer, audience, expiry
// and issue time, and that sub and sid are present.
func (is *Issuer) Verify(token string) (*Claims, error) {
	var c Claims
	_, err := jwt.ParseWithClaims(token, &c, func(*jwt.Token) (any, error) { return is.Key, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithIssuer(is.Issuer),
		jwt.WithAudience(is.Audience),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithTimeFunc(is.Now),
		jwt.WithLeeway(5*time.Second),
	)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidToken, err)
	}
	if c.Subject == "" || c.Device == "" || c.ID == "" {
		return nil, fmt.Errorf("%w: missing sub, sid or jti", ErrInvalidToken)
	}
	return &c, nil
}

// RandomToken returns n random bytes, base64url-encoded: refresh tokens, device ids, jti.
func RandomToken(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("crypto/rand failed: " + err.Error()) // never happens on supported platforms (Go 1.24+ rand.Read does not fail)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashRefreshToken is what is stored for a refresh token: a leaked database does not leak usable tokens.
// A fast hash is enough because the token has 256 random bits.
func HashRefreshToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// NextRefreshToken is the successor of a refresh token: an HMAC of it under the signing key, in RandomToken(32)'s
// format. Deriving it, rather than drawing it, lets the server answer a repeated refresh with the same successor
// without storing any usable token; without the key it cannot be guessed from the token.
func (is *Issuer) NextRefreshToken(token string) string {
	m := hmac.New(sha256.New, is.Key)
	m.Write([]byte("papergist refresh successor\x00"))
	m.Write([]byte(token))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}
