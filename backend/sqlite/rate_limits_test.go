package sqlite_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHitCountsPerKey(t *testing.T) {
	s, _ := mustOpenStore(t)
	ctx := context.Background()
	for want := 1; want <= 3; want++ {
		n, err := s.Hit(ctx, "login:a", time.Minute)
		require.NoError(t, err)
		assert.Equal(t, want, n)
	}
	n, err := s.Hit(ctx, "login:b", time.Minute)
	require.NoError(t, err)
	assert.Equal(t, 1, n, "keys count apart")
}
