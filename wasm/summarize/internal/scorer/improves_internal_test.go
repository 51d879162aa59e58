package scorer

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestImprovesIsWhatRateKeeps checks candidateBuilder.improves, which lets add skip the checks of a cut that
// cannot be kept, against what it stands for: rate changes the builder's best, argued or own-voice
// candidates exactly when improves says so, over random runs of heads in the paper's own voice or not,
// argued or not, with scores that tie often.
func TestImprovesIsWhatRateKeeps(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	changed := 0
	for run := range 2000 {
		b := &candidateBuilder{bestAt: -1, ownAt: -1, arguedAt: -1}
		for head := range 1 + run%6 {
			b.own, b.argued = rng.IntN(2) == 0, rng.IntN(3) == 0
			if b.own {
				b.owns = append(b.owns, ownHead{at: -1})
			}
			for at := range 1 + rng.IntN(6) {
				s := float64(rng.IntN(7)) / 2
				before := *b
				before.owns = append([]ownHead(nil), b.owns...)
				want := b.improves(s)
				b.rate("", 10*head+at, s)
				got := b.bestAt != before.bestAt || b.arguedAt != before.arguedAt || b.ownAt != before.ownAt ||
					len(b.owns) > 0 && b.owns[len(b.owns)-1] != before.owns[len(b.owns)-1]
				require.Equal(t, got, want, "run %d, head %d (own %v, argued %v), score %v", run, head, b.own, b.argued, s)
				if got {
					changed++
				}
			}
		}
	}
	require.Greater(t, changed, 1000)
}
