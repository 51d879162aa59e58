package summarize_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/wasm/summarize"
)

// Sentences of real SciTLDR training abstracts whose TL;DRs began with discourse glue before.
func TestTLDRDropsLeadingGlue(t *testing.T) {
	for _, tt := range []struct{ title, abstract, start string }{
		{"AmbientGAN: Generative models from lossy measurements",
			"Based on this, we propose a new method of training Generative Adversarial Networks (GANs) which we call AmbientGAN.",
			"We propose a new method of training Generative Adversarial Networks"},
		{"Normalizing flows as variational autoencoders",
			"For this purpose we reinterpret NFs in the framework of Variational Autoencoders (VAEs), and present a new form of VAE that generalises normalising flows.",
			"We reinterpret NFs in the framework of Variational Autoencoders"},
		{"Faster Transformers by decomposition",
			"Based on this observation, we propose a decomposition to a pre-trained Transformer that allows the lower layers to process segments of the input independently.",
			"We propose a decomposition to a pre-trained Transformer"},
		{"Graph matching networks", // SciTLDR dev
			"Secondly, we employ synchronous message passing networks to iteratively re-rank the soft correspondences to reach a matching consensus in local neighborhoods between graphs.",
			"We employ synchronous message passing networks"},
	} {
		got := summarize.TLDR(tt.title, tt.abstract)
		assert.True(t, strings.HasPrefix(got, tt.start), "%q", got)
	}
	// an adverb after the opening "We" that orders the sentence among unseen ones (SciTLDR dev's TL;DRs had "We
	// then apply…", "We therefore propose…", "We first provide…")
	for abstract, want := range map[string]string{
		"We then apply our methods to correlate neural representations of English sentences with their constituency parse trees.": "We apply our methods to correlate",
		"We therefore propose a new molecule generation model, mirroring a more realistic real-world process.":                    "We propose a new molecule generation model",
		"We first provide a solid exploration on how well AltQ performs with Adam.":                                               "We provide a solid exploration",
	} {
		got := summarize.TLDR("Methods", abstract)
		assert.True(t, strings.HasPrefix(got, want), "%q", got)
	}
	assert.True(t, strings.HasPrefix(summarize.TLDR("Methods", "We first-order approximate the loss of deep networks with a linear model of their weights."), "We first-order"))
	// a leading clause that refers to nothing unseen is content and stays
	keep := "To train large language models on a single GPU, we offload optimizer states to the CPU memory."
	assert.Equal(t, keep, summarize.TLDR("Offloading", keep))
}

func TestTLDRNeverEndsInsideBrackets(t *testing.T) {
	for _, r := range devRecords(t, 0) {
		got := summarize.TLDR(r.Title, r.Abstract())
		assert.LessOrEqual(t, strings.Count(got, "("), strings.Count(got, ")"), "%s: %q", r.PaperID, got)
		assert.Equal(t, 0, strings.Count(got, `"`)%2, "%s: %q", r.PaperID, got)
		assert.False(t, strings.HasPrefix(got, ")"), "%s: %q", r.PaperID, got)
	}
}
