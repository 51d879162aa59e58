package keypeers_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/scripts/eval/keypeers"
)

// An abstract written for the test, whose phrases "safe drone routing" and "matrix game" come back again and
// again, as in Inspec's abstracts.
const (
	title    = "Safe drone routing as a multi-stage matrix game"
	abstract = "The paper describes safe drone routing in a crowded airspace using a matrix game model with n participants. " +
		"As an approximation of the flight process, safe drone routing is posed as a multi-stage matrix game. " +
		"Each stage is solved by linear programming, with the distances between the participants as constraints. " +
		"The matrix game gives every participant a course that keeps clear of the others for the whole flight. " +
		"A computer program written for the purpose computes safe drone routing for up to forty participants. " +
		"Simulations over a city show that the multi-stage matrix game avoids every collision at a small cost in length."
)

func TestPeersRankTheRepeatedPhrasesFirst(t *testing.T) {
	for name, rank := range map[string]func(string, string, int) []string{
		"SingleRank": keypeers.SingleRank, "PositionRank": keypeers.PositionRank, "YAKE": keypeers.YAKE,
	} {
		got := rank(title, abstract, 10)
		assert.NotEmpty(t, got, name)
		assert.LessOrEqual(t, len(got), 10, name)
		top := map[string]bool{}
		for _, p := range got[:min(5, len(got))] {
			top[p] = true
		}
		assert.True(t, top["safe drone routing"] || top["drone routing"] || top["multi-stage matrix game"] || top["matrix game"], "%s: %q", name, got)
		assert.Empty(t, rank("", "", 10), name)
	}
}
