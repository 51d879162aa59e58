package httpapi

import (
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/papergist/papergist/backend/auth"
)

// ReadEnv sets the tunables that the native server's environment and the Worker's vars share, leaving a field
// as it is when its variable is unset:
//
//   - PAPERGIST_ARGON2: "time,memoryKiB,threads" password hash costs (all above 0: argon2 panics on 0 rounds
//     or threads).
//   - PAPERGIST_LOGIN_PER_ACCOUNT (per account and address), PAPERGIST_LOGIN_PER_ADDRESS,
//     PAPERGIST_REGISTER_PER_ADDRESS: attempts allowed per sliding window, and PAPERGIST_LOGIN_WINDOW (a Go
//     duration such as "5m") that window; PAPERGIST_LOGIN_ACCOUNT_BUDGET: attempts per hour at one account
//     from all addresses.
//   - PAPERGIST_HASH_CONCURRENCY: password hashes computing at once (default one per core).
//   - PAPERGIST_TRUSTED_PROXIES: the reverse proxies whose X-Forwarded-For is believed, as comma-separated
//     CIDR ranges or addresses ("127.0.0.1,10.0.0.0/8"); see Config.TrustedProxies.
//   - PAPERGIST_ACCESS_TTL: how long an access token lives (a Go duration from 10s to 24h; default 15m).
//     Clients refresh it before it expires, so a short one costs a refresh request per period, nothing more.
//
// The JWT key is left to the caller: where it comes from differs between the two.
func (c *Config) ReadEnv(getenv func(string) string) error {
	if s := getenv("PAPERGIST_ARGON2"); s != "" {
		var p auth.Argon2Params
		if _, err := fmt.Sscanf(s, "%d,%d,%d", &p.Time, &p.MemoryKiB, &p.Threads); err != nil || p.Time == 0 || p.MemoryKiB == 0 || p.Threads == 0 {
			return fmt.Errorf("PAPERGIST_ARGON2 must be time,memoryKiB,threads (all above 0): %q", s)
		}
		c.Argon2 = p
	}
	for _, v := range []struct {
		name string
		dst  *int
	}{
		{"PAPERGIST_LOGIN_PER_ACCOUNT", &c.LoginPerAccount},
		{"PAPERGIST_LOGIN_PER_ADDRESS", &c.LoginPerAddress},
		{"PAPERGIST_LOGIN_ACCOUNT_BUDGET", &c.LoginAccountBudget},
		{"PAPERGIST_REGISTER_PER_ADDRESS", &c.RegisterPerAddress},
		{"PAPERGIST_HASH_CONCURRENCY", &c.HashConcurrency},
	} {
		if s := getenv(v.name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 {
				return fmt.Errorf("%s must be a positive whole number: %q", v.name, s)
			}
			*v.dst = n
		}
	}
	if s := getenv("PAPERGIST_LOGIN_WINDOW"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d < time.Second {
			return fmt.Errorf("PAPERGIST_LOGIN_WINDOW must be a duration of at least 1s, such as 5m: %q", s)
		}
		c.LoginWindow = d
	}
	if s := getenv("PAPERGIST_TRUSTED_PROXIES"); s != "" {
		nets, err := ParseTrustedProxies(s)
		if err != nil {
			return fmt.Errorf("PAPERGIST_TRUSTED_PROXIES: %w", err)
		}
		c.TrustedProxies = nets
	}
	if s := getenv("PAPERGIST_ACCESS_TTL"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d < 10*time.Second || d > 24*time.Hour {
			return fmt.Errorf("PAPERGIST_ACCESS_TTL must be a duration from 10s to 24h, such as 15m: %q", s)
		}
		c.AccessTTL = d
	}
	return nil
}

// ParseTrustedProxies reads a comma-separated list of CIDR ranges or single addresses.
func ParseTrustedProxies(s string) ([]*net.IPNet, error) {
	var out []*net.IPNet
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !strings.Contains(f, "/") {
			ip := net.ParseIP(f)
			if ip == nil {
				return nil, fmt.Errorf("%q is not an address or a CIDR range", f)
			}
			bits := 128
			if ip4 := ip.To4(); ip4 != nil {
				ip, bits = ip4, 32
			}
			out = append(out, &net.IPNet{IP: ip, Mask: net.CIDRMask(bits, bits)})
			continue
		}
		_, n, err := net.ParseCIDR(f)
		if err != nil {
			return nil, fmt.Errorf("%q is not an address or a CIDR range", f)
		}
		out = append(out, n)
	}
	return out, nil
}
