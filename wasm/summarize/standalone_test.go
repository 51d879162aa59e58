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

// A TL;DR is never the clause before the main one: the SciTLDR training abstract of MelNet gave "While
// long-range dependencies are difficult to model directly in the time domain.", cut before ", we show that…".
func TestTLDRKeepsTheMainClause(t *testing.T) {
	got := summarize.TLDR("MelNet: A Generative Model for Audio in the Frequency Domain",
		"Capturing high-level structure in audio waveforms is challenging because a single second of audio spans tens of thousands of timesteps.   While long-range dependencies are difficult to model directly in the time domain, we show that they can be more tractably modelled in two-dimensional time-frequency representations such as spectrograms.   By leveraging this representational advantage, in conjunction with a highly expressive probabilistic model and a multiscale generation procedure, we design a model capable of generating high-fidelity audio samples which capture structure at timescales which time-domain models have yet to achieve.   We demonstrate that our model captures longer-range dependencies than time-domain models such as WaveNet across a diverse set of unconditional generation tasks, including single-speaker speech generation, multi-speaker speech generation, and music generation.")
	assert.NotEqual(t, "While long-range dependencies are difficult to model directly in the time domain.", got)
	assert.Contains(t, strings.ToLower(got), "we show")
}

// A TL;DR never ends on a conjunction or "that": SciTLDR train's Adversarial Lipschitz Regularization gave "…we
// propose a method called Adversarial Lipschitz Regularization, and show that.".
func TestTLDREndsWithTheThought(t *testing.T) {
	got := summarize.TLDR("Adversarial Lipschitz Regularization", "Generative adversarial networks (GANs) are one of the most popular approaches when it comes to training generative models, among which variants of Wasserstein GANs are considered superior to the standard GAN formulation in terms of learning stability and sample quality. However, Wasserstein GANs require the critic to be 1-Lipschitz, which is often enforced implicitly by penalizing the norm of its gradient, or by globally restricting its Lipschitz constant via weight normalization techniques. Training with a regularization term penalizing the violation of the Lipschitz constraint explicitly, instead of through the norm of the gradient, was found to be practically infeasible in most situations. Inspired by Virtual Adversarial Training, we propose a method called Adversarial Lipschitz Regularization, and show that using an explicit Lipschitz penalty is indeed viable and leads to competitive performance when applied to Wasserstein GANs, highlighting an important connection between Lipschitz regularization and adversarial training.")
	for _, end := range []string{" that.", " and.", " or."} {
		assert.False(t, strings.HasSuffix(got, end), got)
	}
}

// A “ closed by a straight quote is one pair: a SciTLDR dev TL;DR was cut to "…showing their strong promise in
// achieving a.".
func TestTLDRKeepsMixedQuotes(t *testing.T) {
	s := "This paper studies multi-exit networks associated with input-adaptive efficient inference, showing their strong promise in achieving a “sweet point\" in co-optimizing model accuracy, robustness, and efficiency."
	assert.Equal(t, strings.Replace(s, `"`, "”", 1), summarize.TLDR("Multi-exit networks", s))
}
