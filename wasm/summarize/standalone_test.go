package summarize_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/summarize"
)

// Sentences written for the test in the forms SciTLDR's abstracts have, whose TL;DRs began with discourse glue
// before ("Based on this, we propose…", "For this purpose we…", "Secondly, we…").
func TestTLDRDropsLeadingGlue(t *testing.T) {
	for _, tt := range []struct{ title, abstract, start string }{
		{"SparseBox: sparse autoencoders from noisy labels",
			"Based on this, we propose a new method of training sparse autoencoders which we call SparseBox.",
			"We propose a new method of training sparse autoencoders"},
		{"Decision trees as kernel machines",
			"For this purpose we reinterpret decision trees in the framework of kernel machines, and present a new form of kernel that generalises random forests.",
			"We reinterpret decision trees in the framework of kernel machines"},
		{"Faster speech encoders by decomposition",
			"Based on this observation, we propose a decomposition of a pre-trained speech encoder that allows the lower layers to process frames independently.",
			"We propose a decomposition of a pre-trained speech encoder"},
		{"Gossip for distributed estimation",
			"Secondly, we employ asynchronous gossip protocols to iteratively refine the shared estimates to reach a consensus between neighbouring nodes.",
			"We employ asynchronous gossip protocols"},
	} {
		got := summarize.TLDR(tt.title, tt.abstract)
		assert.True(t, strings.HasPrefix(got, tt.start), "%q", got)
	}
	// an adverb after the opening "We" that orders the sentence among unseen ones (SciTLDR dev's TL;DRs had "We
	// then apply…", "We therefore propose…", "We first provide…")
	for abstract, want := range map[string]string{
		"We then apply our probes to relate hidden states of protein language models with their contact maps.": "We apply our probes to relate",
		"We therefore propose a new route planning model, mirroring how couriers plan their rounds.":           "We propose a new route planning model",
		"We first provide a careful study of how well sign descent performs with momentum.":                    "We provide a careful study",
	} {
		got := summarize.TLDR("Methods", abstract)
		assert.True(t, strings.HasPrefix(got, want), "%q", got)
	}
	// connectives of several words, and "Aiming to…" with a word that points back (SciTLDR dev's TL;DRs had "By
	// contrast, we show…", "More precisely, we augment…", "As a byproduct, we analyze…", "Aiming to bridge this gap,
	// we propose…")
	for abstract, want := range map[string]string{
		"By contrast, we show that sign descent converges on deep networks whose gradients are heavy-tailed.":      "We show that sign descent converges",
		"More precisely, we add a learned memory of key vectors to every attention layer of the encoder.":          "We add a learned memory of key vectors",
		"As a byproduct, we measure how much of the speed-up comes from the learned step sizes alone.":             "We measure how much of the speed-up",
		"On the other hand, we find that pruned networks forget the rare classes of their training data first.":    "We find that pruned networks forget",
		"Aiming to close this gap, we propose a courier route planner that learns from the rounds couriers drive.": "We propose a courier route planner",
	} {
		got := summarize.TLDR("Methods", abstract)
		assert.True(t, strings.HasPrefix(got, want), "%q", got)
	}
	r := sharedRecordByID(t, "Syg9YyBFvS")
	assert.NotContains(t, summarize.TLDR(r.Title, r.Abstract), "Aiming to bridge this gap")
	aim := "Aiming to train large language models on one GPU, we offload optimizer states to the CPU memory."
	assert.Equal(t, aim, summarize.TLDR("Offloading", aim))
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

// A TL;DR is never the clause before the main one: the SciTLDR training abstract of MelNet (r1gIa0NtDH) gave
// its second sentence's "While …" clause alone, cut before ", we show that…".
func TestTLDRKeepsTheMainClause(t *testing.T) {
	r := sharedRecordByID(t, "r1gIa0NtDH")
	clause, _, ok := strings.Cut(r.Sentence(t, "While long-range"), ", we show")
	require.True(t, ok)
	got := summarize.TLDR(r.Title, r.Abstract)
	assert.NotEqual(t, clause+".", got)
	assert.Contains(t, strings.ToLower(got), "we show")
}

// A TL;DR never ends on a conjunction or "that": SciTLDR train's Adversarial Lipschitz Regularization (Bke_DertPB)
// gave "…we propose a method called Adversarial Lipschitz Regularization, and show that.".
func TestTLDREndsWithTheThought(t *testing.T) {
	r := sharedRecordByID(t, "Bke_DertPB")
	got := summarize.TLDR(r.Title, r.Abstract)
	for _, end := range []string{" that.", " and.", " or."} {
		assert.False(t, strings.HasSuffix(got, end), got)
	}
}

// A TL;DR is never cut after a number without its noun, a word that needs what follows ("but", "in", "each"…)
// or the first of two modifiers joined by "and": SciTLDR dev Skep6TVYDB gave "…for any monotone transform of a
// smooth." of "a smooth and strongly convex objective", train S1xSSTNKDB "…containing 108." of "108,501
// images", rkgO66VKDS "…quantized to 2." of "2-, 3- or 4-bits", S1giVsRcYm "…in the tabular case but.".
func TestTLDRIsNotCutIntoABrokenSentence(t *testing.T) {
	for _, tt := range []struct{ id, broken string }{
		{"Skep6TVYDB", " of a smooth."},
		{"S1xSSTNKDB", " containing 108."},
		{"rkgO66VKDS", " quantized to 2."},
		{"S1giVsRcYm", " case but."},
	} {
		r := sharedRecordByID(t, tt.id)
		got := summarize.TLDR(r.Title, r.Abstract)
		assert.False(t, strings.HasSuffix(got, tt.broken), "%s: %q", tt.id, got)
		words := strings.Fields(strings.TrimSuffix(got, "."))
		assert.Greater(t, len(words), 3, "%s: %q", tt.id, got)
	}
}

// Abstracts written for the test: a thousands separator is no cut, "containing 86,240 utterances" was cut to
// "…containing 86.".
func TestTLDRKeepsANumberWithItsNoun(t *testing.T) {
	for _, tt := range []struct{ abstract, want string }{
		{"Speech corpora are skewed. To reduce the accent gap in these corpora, we recorded a new speech corpus containing 86,240 utterances which is balanced on accent, age and gender, and we show that recognizers trained on it make fewer errors on minority accents than recognizers trained on existing corpora.",
			"86,240 utterances"},
		{"Medical images are scarce. To address the site imbalance in public collections, we assembled a chest radiograph collection containing 31,904 studies which is balanced on hospital and scanner, and we show that classifiers trained on it are more robust to new hospitals than classifiers trained on earlier collections.",
			"31,904 studies"},
	} {
		assert.Contains(t, summarize.TLDR("Methods", tt.abstract), tt.want)
	}
}

// A “ closed by a straight quote is one pair: a SciTLDR dev TL;DR (rJgzzJHtDB) was cut to "…showing their strong
// promise in achieving a.".
func TestTLDRKeepsMixedQuotes(t *testing.T) {
	s := sharedRecordByID(t, "rJgzzJHtDB").Sentence(t, "sweet point")
	require.Equal(t, 1, strings.Count(s, "“")+strings.Count(s, `"`)-1, "one “ and one straight quote: %q", s)
	assert.Equal(t, strings.Replace(s, `"`, "”", 1), summarize.TLDR("Multi-exit networks", s))
}

// An acronym defined in the TL;DR and used nowhere else on the card names nothing the reader meets: SciTLDR dev's
// TL;DRs read "…for Zero Shot Learning (ZSL)." (Hye_V0NKwr) and "…with Rectified Linear Unit (ReLU) activation
// function." (SkA-IE06W). The words it abbreviates stay.
func TestTLDRDropsAcronymsItNeverUses(t *testing.T) {
	for id, words := range map[string]string{"Hye_V0NKwr": "Zero Shot Learning", "SkA-IE06W": "Rectified Linear Unit"} {
		r := sharedRecordByID(t, id)
		got := summarize.TLDR(r.Title, r.Abstract)
		assert.Contains(t, got, words, id)
		assert.NotContains(t, got, "(", id)
	}
	// sentences of our own, each on its own as the abstract
	for _, tt := range []struct{ title, abstract, want string }{
		{"Sparse experts", "We train generative adversarial networks (GANs) with sparse experts to cut the cost of sampling images.",
			"We train generative adversarial networks with sparse experts to cut the cost of sampling images."},
		{"Calibration", "We show that out-of-distribution (OOD) detectors and calibrated classifiers fail on the same inputs.",
			"We show that out-of-distribution detectors and calibrated classifiers fail on the same inputs."},
		// used again in the TL;DR: the definition says what it stands for
		{"Sparse experts", "We train generative adversarial networks (GANs) with sparse experts, and GANs sample images ten times faster.",
			"We train generative adversarial networks (GANs) with sparse experts, and GANs sample images ten times faster."},
		// shown in the title: the definition ties the title to the TL;DR's words
		{"GANs with sparse experts", "We train generative adversarial networks (GANs) with sparse experts to cut the cost of sampling images.",
			"We train generative adversarial networks (GANs) with sparse experts to cut the cost of sampling images."},
		// a name that abbreviates none of the words before it is the only place the TL;DR names the method
		{"Weight sharing", "We build a general framework (WeightNets) that shares weights across the layers of deep networks.",
			"We build a general framework (WeightNets) that shares weights across the layers of deep networks."},
		// not an acronym: one capital, or glued to the word after it
		{"Arrow of time", "We learn an arrow of time in a Markov (Decision) Process from the states an agent visits.",
			"We learn an arrow of time in a Markov (Decision) Process from the states an agent visits."},
		{"Sparse experts", "We train many generative adversarial network (GAN)s with sparse experts to cut the cost of sampling.",
			"We train many generative adversarial network (GAN)s with sparse experts to cut the cost of sampling."},
	} {
		assert.Equal(t, tt.want, summarize.TLDR(tt.title, tt.abstract))
	}
}

// A TL;DR's subject never points back at a sentence the card leaves out, when the abstract has a candidate that
// does not: SciTLDR's TL;DRs read "This motivates an alternative objective…" (dev SkgpBJrtvS), "This requirement
// warrants…" (dev HylgS2IpLN), "This state-denoised recurrent neural network performs…" (dev HJgyAoRqFQ), "It
// applies formal methods…" (dev H1luEtWjTE), "This is a key hurdle…" (train H1gfFaEYDS) and "It is attractive to
// consider…" (train SyYe6k-CW).
func TestTLDRSubjectDoesNotPointBack(t *testing.T) {
	for _, id := range []string{"SkgpBJrtvS", "HylgS2IpLN", "HJgyAoRqFQ", "H1luEtWjTE", "H1gfFaEYDS", "SyYe6k-CW"} {
		r := sharedRecordByID(t, id)
		got := summarize.TLDR(r.Title, r.Abstract)
		first, _, _ := strings.Cut(got, " ")
		assert.NotContains(t, []string{"This", "These", "It", "They", "Such"}, first, "%s: %q", id, got)
	}
	// "This paper" names the paper itself, after a modifier too: train HJxM3hftiX's "This workshop paper outlines…"
	r := sharedRecordByID(t, "HJxM3hftiX")
	assert.True(t, strings.HasPrefix(summarize.TLDR(r.Title, r.Abstract), "This workshop paper"))
	// with no other sentence, the one there is
	only := "This bound tightens the best known rates for sign descent with momentum by a logarithmic factor."
	assert.Equal(t, only, summarize.TLDR("Sign descent", only))
}
