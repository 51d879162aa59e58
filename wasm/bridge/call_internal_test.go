package bridge

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCallTurnsAPanicIntoAnErrorEnvelope(t *testing.T) {
	var e Envelope
	require.NotPanics(t, func() {
		require.NoError(t, json.Unmarshal([]byte(call(func() (any, error) { panic("index out of range") })), &e))
	})
	assert.False(t, e.OK)
	assert.Nil(t, e.Data)
	assert.Contains(t, e.Error, "index out of range")
}
