// Package matchtest checks hand-written matchers against the regular expressions they stand for: it makes
// strings joined from random fragments, so that a matcher meets the near misses its expression would see,
// and compares the results.
package matchtest

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Strings returns n strings of one to nine fragments each, the same ones for the same seed on every run.
func Strings(seed uint64, n int, fragments ...string) []string {
	r := rand.New(rand.NewPCG(seed, seed+1))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for k := r.IntN(9); k >= 0; k-- {
			b.WriteString(fragments[r.IntN(len(fragments))])
		}
		out[i] = b.String()
	}
	return out
}

// RequireGroups checks a matcher's result on s against re: a match exactly when ok, with got as its groups.
func RequireGroups(t testing.TB, re *regexp.Regexp, s string, ok bool, got ...string) {
	t.Helper()
	m := re.FindStringSubmatch(s)
	require.Equal(t, m != nil, ok, "%s on %q", re, s)
	if ok {
		require.Equal(t, m[1:], got, "%s on %q", re, s)
	}
}
