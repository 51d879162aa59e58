package scorer

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// mayDropScopePlain is mayDropScope's definition, one search per stem.
func mayDropScopePlain(head string) bool {
	if strings.Contains(head, "not only ") {
		return true
	}
	for _, stem := range claimStems {
		if strings.Contains(head, stem) {
			return true
		}
	}
	return false
}

// TestMayDropScopeIsItsDefinition checks the look at the head's tokens against the definition on written
// heads, on heads cut at every byte, and on random strings of the bytes the stems are made of.
func TestMayDropScopeIsItsDefinition(t *testing.T) {
	heads := []string{
		"", " ", "n", "not only", "not only ", "It is not only fast", "We reach the highest accuracy to date",
		"This outperforms the baselines", "a state-of-the-art model", "the best-of-n sampler", "bestow",
		"Our model is better", "higher-order terms", "superior results", "surpassing humans",
		"We study graphs", "known only to", "cannot only be", "Not only this", "(best results)", "no\u00a0better", "é best", " b", " s", " o", " h", "ends with a space ",
	}
	for _, h := range heads {
		for i := 0; i <= len(h); i++ {
			assert.Equal(t, mayDropScopePlain(h[:i]), mayDropScope(h[:i], scanTokens(h[:i], nil)), "%q", h[:i])
			assert.Equal(t, mayDropScopePlain(h[i:]), mayDropScope(h[i:], scanTokens(h[i:], nil)), "%q", h[i:])
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = " notlyuperfmhigsbacd-(é,."
	found := 0
	for range 20_000 {
		b := make([]byte, 1+r.IntN(24))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		// plant a stem or "not only " in some, so both answers are tried
		if r.IntN(3) == 0 {
			stem := append(claimStems[:], "not only ")[r.IntN(len(claimStems)+1)]
			at := r.IntN(len(b) + 1)
			b = append(b[:at], append([]byte(stem), b[at:]...)...)
		}
		h := string(b)
		want := mayDropScopePlain(h)
		if want {
			found++
		}
		if !assert.Equal(t, want, mayDropScope(h, scanTokens(h, nil)), "%q", h) {
			return
		}
	}
	assert.Greater(t, found, 1000, "random heads with a stem")
}
