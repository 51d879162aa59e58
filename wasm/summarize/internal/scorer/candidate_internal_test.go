package scorer

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestInList(t *testing.T) {
	for rest, want := range map[string]bool{
		", cost-effective, time-effective and life-enhancing": true,
		", design, and experimentally evaluate a technique":   true,
		", and experimentally evaluate a technique":           true,
		", where hidden state vectors keep track of changes":  false,
		", a structured neural-symbolic framework developed":  false,
	} {
		assert.Equal(t, want, inList(rest), rest)
	}
}
