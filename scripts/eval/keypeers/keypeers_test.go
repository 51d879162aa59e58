package keypeers_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/scripts/eval/keypeers"
)

const (
	title    = "Optimal and safe ship control as a multi-step matrix game"
	abstract = "The paper describes the process of the safe ship control in a collision situation using a differential game model with j participants. As an approximated model of the manoeuvring process, a model of a multi-step matrix game is adopted here. The matrix game gives the optimal ship control."
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
		assert.True(t, top["safe ship control"] || top["ship control"] || top["optimal ship control"] || top["multi-step matrix game"] || top["matrix game"], "%s: %q", name, got)
		assert.Empty(t, rank("", "", 10), name)
	}
}
