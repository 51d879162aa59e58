package paper_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/shared/paper"
)

// AsideBetween runs for every bracket of every TL;DR candidate: it reads a few words back and allocates nothing.
func TestAsideBetweenAllocatesNothing(t *testing.T) {
	for _, before := range []string{"We also extend ", "Our method outperforms ", "Recent deep Transformers ", "as shown "} {
		assert.Zero(t, testing.AllocsPerRun(100, func() { paper.AsideBetween(before, ", who showed") }), before)
	}
}
