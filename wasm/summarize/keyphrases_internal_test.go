package summarize

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIsVariant(t *testing.T) {
	for _, pair := range [][2]string{{"graph convolution networks", "graph convolutional networks"},
		{"adversarial loss", "adversarial losses"}, {"low rank decomposition", "low-rank decomposition"},
		{"generative models", "Generative Modeling"}, {"Zero-Shot Learning", "zero shot learning"},
		{"transient bias", "transient biases"}, {"schedule optimization", "scheduling optimization"},
		{"Schrödinger bridge", "schrödinger bridges"}, {"complex-valued neural networks", "complex-value neural networks"},
		{"tags", "tagging"}, {"hierarchical plans", "hierarchical planning"}, {"retrieved facts", "retrieve facts"},
		{"noise robust", "noise robustness"}, {"global translation invariance", "global translational invariance"},
		{"uncertainty estimates", "uncertainty estimation"}, {"strategy", "strategies"}} {
		assert.True(t, isVariant(pair[0], pair[1]), "%q %q", pair[0], pair[1])
	}
	for _, pair := range [][2]string{{"high-order decoder", "high-order decoding"}, {"general model", "generation model"},
		{"state estimation", "statistics estimation"}, {"graph networks", "graph neural networks"},
		{"neural network", "network"}, {"anti-spam act", "anti-spam action"}, {"sign detection", "signal detection"},
		{"norm bound", "normal bound"}, {"cause inference", "causal inference"}, {"bran", "brand"}} {
		assert.False(t, isVariant(pair[0], pair[1]), "%q %q", pair[0], pair[1])
	}
}
