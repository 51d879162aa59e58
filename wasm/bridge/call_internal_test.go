package bridge

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGuardTurnsAPanicIntoAnInternalError(t *testing.T) {
	var e Envelope
	require.NotPanics(t, func() {
		require.NoError(t, json.Unmarshal([]byte(guard(func() (string, error) { panic("index out of range") })), &e))
	})
	assert.False(t, e.OK)
	assert.Nil(t, e.Data)
	require.NotNil(t, e.Error)
	assert.Equal(t, "internal", e.Error.Code)
	assert.Contains(t, e.Error.Message, "index out of range")
}
