package scorer

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDecodeReadsWeightsItself: the weights file takes Decode's own path, not encoding/json's (the slow one).
func TestDecodeReadsWeightsItself(t *testing.T) {
	data, err := os.ReadFile("../../weights.json")
	require.NoError(t, err)
	require.NoError(t, decodeWeights(data, new(Model)))
}
