package summarize_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/shared/paper"
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
		"By contrast, we show that sign descent converges on deep networks whose gradients are heavy-tailed.":       "We show that sign descent converges",
		"More precisely, we add a learned memory of key vectors to every attention layer of the encoder.":           "We add a learned memory of key vectors",
		"As a byproduct, we measure how much of the speed-up comes from the learned step sizes alone.":              "We measure how much of the speed-up",
		"On the other hand, we prune networks to a tenth of their weights and keep their accuracy on rare classes.": "We prune networks to a tenth",
		"Aiming to close this gap, we propose a courier route planner that learns from the rounds couriers drive.":  "We propose a courier route planner",
	} {
		got := summarize.TLDR("Methods", abstract)
		assert.True(t, strings.HasPrefix(got, want), "%q", got)
	}
	// "also" adds the TL;DR to a contribution the reader does not see (dev HJuMvYPaM: "We also propose Spectral
	// Capsule Networks, a novel variation of capsule networks, that converge faster…")
	r := sharedRecordByID(t, "HJuMvYPaM")
	r.Sentence(t, "We also propose Spectral Capsule Networks")
	got := summarize.TLDR(r.Title, r.Abstract)
	assert.True(t, strings.HasPrefix(got, "We propose Spectral Capsule Networks"), "%q", got)
	// with its "also" goes the "too" that marks the same addition, which would still point to a finding the
	// reader does not see; "as well", often a comparison after a verb ("generalize as well"), and "too" as a
	// degree, stay
	for abstract, want := range map[string]string{
		"We also find that these adversarial examples fool human observers too.":           "We find that these adversarial examples fool human observers.",
		"We also find that these adversarial examples fool human observers, too.":          "We find that these adversarial examples fool human observers.",
		"We also find that the learned features transfer to speech tasks as well.":         "We find that the learned features transfer to speech tasks as well.",
		"We also find that distilled students generalize as well.":                         "We find that distilled students generalize as well.",
		"We also find that the compressed network converges as well.":                      "We find that the compressed network converges as well.",
		"We also show that the pruned model with a tenth of the weights performs as well.": "We show that the pruned model with a tenth of the weights performs as well.",
		"We also find that exact inference is too slow for phones.":                        "We find that exact inference is too slow for phones.",
	} {
		assert.Equal(t, want, summarize.TLDR("Methods", abstract))
	}
	r = sharedRecordByID(t, "Syg9YyBFvS")
	assert.NotContains(t, summarize.TLDR(r.Title, r.Abstract), "Aiming to bridge this gap")
	// dev rJgSV3AqKQ: "As a byproduct, we analyze … such as the fixed decay of Wilson et al. (2017)." ends once
	r = sharedRecordByID(t, "rJgSV3AqKQ")
	got = summarize.TLDR(r.Title, r.Abstract)
	assert.True(t, strings.HasPrefix(got, "We analyze the true benefit of these hypergradient methods"), "%q", got)
	assert.False(t, strings.HasSuffix(got, ".."), "%q", got)
	// a connective stays when what follows would point back: "This method diverges…" would read as the paper's
	// own method, and "It…" would name nothing
	for _, s := range []string{
		"On the other hand, this method diverges on small transformer language models trained at high learning rates.",
		"By contrast, it converges on every convex objective whose gradients are bounded by a known constant.",
		"More precisely, these networks forget the rare classes of their training data before the common ones.",
		"As a byproduct, this analysis bounds the error of sign descent with momentum on heavy-tailed gradients.",
		"However, this method diverges on small transformer language models trained at high learning rates.",
		// not one of the connectives: a lead that holds a "|" is not a list's two entries
		"By contrast|more precisely, we show that sign descent converges on deep networks with heavy-tailed gradients.",
	} {
		assert.Equal(t, s, summarize.TLDR("Methods", s))
	}
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
// or the first of two modifiers joined by "and" or a comma: SciTLDR dev Skep6TVYDB gave "…for any monotone transform of a
// smooth." of "a smooth and strongly convex objective", train S1xSSTNKDB "…containing 108." of "108,501
// images", rkgO66VKDS "…quantized to 2." of "2-, 3- or 4-bits", S1giVsRcYm "…in the tabular case but.", dev
// BJxN9Hvf-V "…a different view of the system and keep." of "and keep using JSQ", train HJe6uANtwH "…routed to
// a parent based only." of "based only on agreement", HkgrQE7luV "…contextual bandits, motivated.", HklSf3CqKm
// "…on a natural nonsmooth." (a comma between two modifiers), Syez3j0cKX "…(IR), a task." (an appositive noun
// without its "that" clause).
func TestTLDRIsNotCutIntoABrokenSentence(t *testing.T) {
	for _, tt := range []struct{ id, broken string }{
		{"Skep6TVYDB", " of a smooth."},
		{"S1xSSTNKDB", " containing 108."},
		{"rkgO66VKDS", " quantized to 2."},
		{"S1giVsRcYm", " case but."},
		{"BJxN9Hvf-V", " the system and keep."}, // dev, of "keep using JSQ"
		{"HJe6uANtwH", " based only."},          // train, of "based only on agreement"
		{"HkgrQE7luV", " bandits, motivated."},  // train, of "motivated by several applications"
		{"HklSf3CqKm", " a natural nonsmooth."}, // train, of "a natural nonsmooth, nonconvex L1 minimization formulation"
		{"Syez3j0cKX", " (IR), a task."},        // train, of "a task that can be described as modeling…"
	} {
		r := sharedRecordByID(t, tt.id)
		got := summarize.TLDR(r.Title, r.Abstract)
		assert.False(t, strings.HasSuffix(got, tt.broken), "%s: %q", tt.id, got)
		words := strings.Fields(strings.TrimSuffix(got, "."))
		assert.Greater(t, len(words), 3, "%s: %q", tt.id, got)
	}
}

// A TL;DR is never cut between a subject and its verb: each record's TL;DR was cut there, to the ending named
// (dev BJx040EFvH "…(FGSM), when combined with random initialization." of "…, is as effective…"; train
// rJel41BtDH "…demonstrate that mixup augmentation." of "…mixup augmentation and setting … are effective…").
func TestTLDRKeepsTheVerbOfItsSubject(t *testing.T) {
	for _, tt := range []struct{ id, broken string }{
		{"BJx040EFvH", " with random initialization."},          // dev
		{"SJeB-KQHnm", " must select some span."},               // dev
		{"HyxoAoxOwN", " i.e., keywords."},                      // dev
		{"rJel41BtDH", " demonstrate that mixup augmentation."}, // train, and below
		{"SyxkWkdPoX", " can be defined deep."},
		{"Syx72jC9tm", " show that their dimension."},
		{"rkxjnjA5KQ", " a common method for transfer learning."},
		{"BkgdPnjQ84", " when the unknown documents."},
		{"rkl3m1BFDB", " show that explanations suggested."},
		{"HklnzhR9YQ", " the channel size, filter size."},
	} {
		r := sharedRecordByID(t, tt.id)
		got := summarize.TLDR(r.Title, r.Abstract)
		assert.False(t, strings.HasSuffix(got, tt.broken), "%s: %q", tt.id, got)
		assert.Greater(t, len(strings.Fields(got)), 3, "%s: %q", tt.id, got)
	}
}

// A TL;DR never keeps an adverbial that opens a "that" clause without the clause it leads to, nor that clause's
// subject without its verb: each record's TL;DR was cut to the ending named (dev Skep6TVYDB "…we show that for
// any monotone transform of a smooth and strongly convex objective." of "…objective with latent dimension k ≥ n,
// we present a novel analysis…"; train H1MOqeHYvB "…we show that when running a previously proposed model for
// automatic piano fingering." of "…on our dataset and then fine-tuning it…, we achieve…"; train ByfbnsA9Km
// "…and the cross-entropy loss is minimized." of "…minimized by using a gradient method, the margin between the
// training points and the decision boundary could be…").
func TestTLDRKeepsTheClauseAfterAnAdverbial(t *testing.T) {
	for _, tt := range []struct{ id, broken string }{
		{"Skep6TVYDB", " strongly convex objective."},     // dev
		{"H1MOqeHYvB", " for automatic piano fingering."}, // train, and below
		{"ByfbnsA9Km", " the cross-entropy loss is minimized."},
		{"ByfbnsA9Km", " the margin between the training points."},
	} {
		r := sharedRecordByID(t, tt.id)
		got := summarize.TLDR(r.Title, r.Abstract)
		assert.False(t, strings.HasSuffix(got, tt.broken), "%s: %q", tt.id, got)
		assertAdverbialClosed(t, got)
	}
}

// Abstracts written for the test, whose TL;DRs kept an adverbial after "that" and dropped the clause it leads to.
func TestTLDRKeepsTheClauseAfterAnAdverbialInOwnSentences(t *testing.T) {
	for _, tt := range []struct{ abstract, broken string }{
		{"Sparse attention is hard to tune. In particular, we show that for any causal attention pattern of a bounded and locally dense transformer with a sliding window of size w that grows with the depth of the network, we present a new analysis that shows training within a constant factor of the optimum in O(n log n) time, where n is the sequence length.",
			" with a sliding window of size w."},
		{"In particular, we prove that if the node features of the input graph lie in a low-dimensional affine subspace and the message passing loss is minimized by using a gradient method, the distance between the learned node embeddings and the class boundary could be much smaller than the optimal value.",
			" a low-dimensional affine subspace."},
		{"Crop maps are coarse. We show that when training a previously published segmentation network for satellite crop mapping on our dataset and then fine-tuning it on hand-labelled fields, we reach the best accuracy reported so far.",
			" for satellite crop mapping."},
	} {
		got := summarize.TLDR("Methods", tt.abstract)
		assert.False(t, strings.HasSuffix(got, tt.broken), "%q", got)
		assertAdverbialClosed(t, got)
	}
}

// assertAdverbialClosed checks that an adverbial opened right after "that" ("that for…", "that when…", "that
// if…") is closed by a comma within the TL;DR, so that the clause it leads to is there.
func assertAdverbialClosed(t *testing.T, tldr string) {
	t.Helper()
	for _, opener := range []string{" that for ", " that when ", " that if "} {
		if _, rest, ok := strings.Cut(tldr, opener); ok {
			assert.Contains(t, rest, ",", "%q", tldr)
		}
	}
}

// Abstracts written for the test, each of whose TL;DRs was cut between a subject and its verb, to the ending
// named.
func TestTLDRKeepsTheVerbOfItsSubjectInOwnSentences(t *testing.T) {
	for _, tt := range []struct{ abstract, broken string }{
		{"Sensor drift corrupts long recordings. We show that a naive recalibration overfits to transient spikes due to the so-called warm-up effect and demonstrate that median filtering and setting a minimum number of reference readings per window are effective safeguards for reducing it.",
			" demonstrate that median filtering."},
		{"Image classifiers can be fooled. We show that adversarial training with the projected gradient method, when combined with label smoothing, is as robust as certified training but has much lower cost.",
			" when combined with label smoothing."},
		{"Video models are expensive. We show that distillation with the temporal shift module (TSM), when combined with frame sampling, is as accurate as full 3D convolution but has far lower latency.",
			" when combined with frame sampling."},
		{"Parsers for code completion (CC), where given a prefix and a cursor, the model must predict some tokens in the file as a suggestion, are known to be slow. We propose a cached parser.",
			" must predict some tokens."},
	} {
		got := summarize.TLDR("Methods", tt.abstract)
		assert.False(t, strings.HasSuffix(got, tt.broken), "%q", got)
		assert.Greater(t, len(strings.Fields(got)), 3, "%q", got)
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

// A TL;DR whose subject points back at a sentence the card leaves out ("This motivates…") gives way to the best
// candidate in the paper's own voice, and only to one: any other sentence may be background or prior work. Each
// paper of SciTLDR is read by paper_id, and its TL;DR must be the sentence named here, from its opening words.
// A pointer TL;DR gives way to the paper's own voice only, never to other people's papers or to paper the
// material: the reviewer's probes put such a sentence in place of the own-voice one of Inspec dev 1839 and 1794,
// and the pointer TL;DR stays, as it did before "the paper…" counted as the paper's own voice.
// A TL;DR that opens "We also…" gives way to the main "We…" it adds to, when that one stands alone and ranks
// close (train rJl97IIt_E: "We also present an observational model…" to "We propose Deep Random Splines…"; the
// reviewer's "We also show that the full attention bound…"); without one it only loses its "also" (dev HJuMvYPaM,
// TestTLDRDropsLeadingGlue).
func TestTLDRAlsoGivesWayToTheMainClaim(t *testing.T) {
	r := sharedRecordByID(t, "rJl97IIt_E")
	r.Sentence(t, "We also present an observational model")
	got := summarize.TLDR(r.Title, r.Abstract)
	assert.True(t, strings.HasPrefix(got, "We propose Deep Random Splines"), "%q", got)
	got = summarize.TLDR("Sparse attention", "Transformers are expensive on long inputs. We propose a sparse "+
		"attention that scales linearly. We also show that the full attention bound does not hold for sparse "+
		"patterns. This result explains prior failures.")
	assert.Equal(t, "We propose a sparse attention that scales linearly.", got)
	// the only "We…" stays, less its "also"
	got = summarize.TLDR("Adam and generalization", "Prior work found that Adam generalizes worse than SGD on "+
		"image tasks. These findings were limited to small models. We also find that Adam generalizes worse than "+
		"SGD on large language models. This gap closes with warmup.")
	assert.True(t, strings.HasPrefix(got, "We find that Adam generalizes worse"), "%q", got)
	// a "We…" that is not the paper's proposal (a hypothesis, a worst case, prior work refuted) does not take
	// the place of the "We also…" result: the card would say the opposite of the paper
	for _, tt := range []struct{ title, abstract, want string }{
		{"Dropout improves calibration of deep networks", "Dropout is a common regularizer. We hypothesize that " +
			"dropout hurts calibration of deep networks. We test this on five image datasets. We also find that " +
			"dropout improves calibration of deep networks on all five datasets.",
			"We find that dropout improves calibration"},
		{"Pruning speeds up inference", "Pruning removes weights from trained networks. We prove that pruning " +
			"cannot speed up inference in the worst case. We also show that pruning speeds up inference by 3x " +
			"on ImageNet in practice.", "We show that pruning speeds up inference by 3x"},
		{"A robust defense against adversarial attacks", "Adversarial attacks fool image classifiers. We show " +
			"that existing defenses against adversarial attacks are broken. We also propose a robust defense " +
			"against adversarial attacks on CIFAR-10.", "We propose a robust defense against adversarial attacks"},
	} {
		got = summarize.TLDR(tt.title, tt.abstract)
		assert.True(t, strings.HasPrefix(got, tt.want), "%s: %q", tt.title, got)
	}
}

func TestTLDRPointerGivesWayOnlyToOwnVoice(t *testing.T) {
	for _, tt := range []struct{ id, own, pointer string }{
		{"inspec-1839", "The paper aims to analyse the developments", "These developments constitute"},
		{"inspec-1794", "In particular, the authors perform linear smoothing", "It smooths out the image"},
	} {
		r := sharedRecordByID(t, tt.id)
		own := r.Sentence(t, tt.own)
		for _, other := range []string{
			"The paper records of the land registry in many countries are incomplete and often lost.",
			"The authors of an earlier study argued that cadastral mapping alone keeps land records up to date.",
			"In the paper by Williamson, land administration is treated as a static register of parcels.",
			"Unlike the authors of earlier land reforms, planners today expect tenure, value and use of land to change.",
			"The article 12 of the land code lists tenure, value and use of land as registered rights.",
			"In contrast, the authors of [4] perform isotropic smoothing everywhere and blur the edges.",
			"The paper industry uses such filters to inspect the paper web for holes and streaks.",
			"The paper mills in Finland keep their land records in static registers.",
			"The paper records show that registries in many countries are incomplete.",
			"The authors cited in [4] argued that cadastral mapping alone keeps land records up to date.",
			"The authors who built the first cadastre argued that mapping alone keeps records up to date.",
			"In the paper, Williamson argues that land administration is a static register of parcels.",
		} {
			got := summarize.TLDR(r.Title, strings.Replace(r.Abstract, own, other, 1))
			assert.True(t, strings.HasPrefix(got, tt.pointer), "%s with %q: %q", tt.id, other, got)
		}
	}
}

func TestTLDRSubjectDoesNotPointBack(t *testing.T) {
	for _, tt := range []struct{ id, want string }{
		// dev: "This motivates an alternative objective…" gave way to the baseline the paper argues against,
		// "Knowledge distillation, the standard approach to these problems, minimizes the KL divergence…"
		{"SkgpBJrtvS", "We demonstrate that this objective ignores important structural knowledge"},
		{"HylgS2IpLN", "We conduct a systematic evaluation of over 100"},           // "This requirement warrants…"
		{"HJgyAoRqFQ", "We describe a method for denoising the hidden state"},      // "This state-denoised… network performs…"
		{"H1luEtWjTE", "The aim of this study is to introduce a formal framework"}, // "It applies formal methods…"
		{"H1gfFaEYDS", "We propose to augment the data with specifications"},       // train: "This is a key hurdle…"
		// train: "These results complement…" gave way to prior work, "…two biologically-plausible algorithms,
		// proposed by Liao et al. and Lillicrap et al., relax BP's weight symmetry…"
		{"SygvZ209F7", "We examined the performance of sign-symmetry and feedback alignment on ImageNet"},
		// train: "This weight transport problem…"-like openers gave way to "The resulting algorithm is…", which
		// points back as much
		{"rJxWxxSYvB", "We show how the discontinuity introduced in a spiking system"},
		// train: the dummy "it" of "It is attractive to…" names nothing; it stays, rather than give way to the
		// background "Thompson Sampling and its extension… provide an elegant approach…"
		{"SyYe6k-CW", "It is attractive to consider approximate Bayesian neural networks in a Thompson Sampling framework."},
		// train: "It uses a top-down modulation network…" behind a connective kept for it, "Instead, it uses…"
		{"BklBp6EYvB", "We propose a novel architecture which modulate the recognition network"},
		// "This paper" names the paper itself, after a modifier too
		{"HJxM3hftiX", "This workshop paper outlines"},
		// Inspec dev: a journal's abstract speaks of "the paper" and "the authors", not "we": "These developments
		// constitute a dynamic component…" and "This model is then used to design controllers…" gave way to nothing
		{"inspec-1839", "The paper aims to analyse the developments"},
		{"inspec-1889", "In the paper, an analytical model is developed"},
	} {
		r := sharedRecordByID(t, tt.id)
		got := summarize.TLDR(r.Title, r.Abstract)
		assert.True(t, strings.HasPrefix(got, tt.want), "%s: %q", tt.id, got)
	}
	// with no sentence in the paper's own voice, stage two's choice stays: the background sentence would tell the
	// reader less, and nothing of what the paper does
	back := "It proposes a new regularizer that penalizes the curvature of the loss, and improves test accuracy on ten small image benchmarks by four points."
	assert.Equal(t, back, summarize.TLDR("Curvature regularization", "Deep networks overfit small data sets. "+back))
	only := "This bound tightens the best known rates for sign descent with momentum by a logarithmic factor."
	assert.Equal(t, only, summarize.TLDR("Sign descent", only))
}

// A bracket that is the complement of the word before it stays: train BylldnNFwS ended "…a simple neural
// network of the form." of "of the form (Affine, ReLU, Affine)", and SJLy_SxC- read "…distances among layers
// from 1 to, but uses…" of "from 1 to ($1 + \log_2 L$), but".
func TestTLDRKeepsTheBracketItsWordNeeds(t *testing.T) {
	for _, tt := range []struct{ id, hole string }{
		{"BylldnNFwS", " of the form."},
		{"SJLy_SxC-", " from 1 to,"},
	} {
		r := sharedRecordByID(t, tt.id)
		got := summarize.TLDR(r.Title, r.Abstract)
		assert.NotContains(t, got, tt.hole, tt.id)
		assert.Greater(t, len(strings.Fields(got)), 3, "%s: %q", tt.id, got)
	}
}

// An interval stays with its noun: train Hked5J2EKr read "…in terms of comparison with a uniform value…" of
// "a uniform [0,1] value", which is no longer the same claim.
func TestTLDRKeepsAnInterval(t *testing.T) {
	r := sharedRecordByID(t, "Hked5J2EKr")
	got := summarize.TLDR(r.Title, r.Abstract)
	assert.Contains(t, got, "a uniform [0,1] value", got)
}

// A TL;DR is not cut before the ", but" clause that carries the claim: train SJLy_SxC- stated Log-DenseNet's cost
// ("…only slightly increases the backpropagation distances among layers from 1 to (…).") without its point
// ("but uses only L log L total connections"), and S1lF8xHYwS half a definition ("…the setting where labeled
// training data is available on a source domain.") without "but the goal is … on a target domain".
func TestTLDRKeepsTheContrastThatCarriesTheClaim(t *testing.T) {
	for _, tt := range []struct{ id, clause string }{
		{"SJLy_SxC-", ", but uses only"},
		{"S1lF8xHYwS", ", but the goal is to have good performance on a target domain"},
	} {
		r := sharedRecordByID(t, tt.id)
		got := summarize.TLDR(r.Title, r.Abstract)
		assert.Contains(t, got, tt.clause, "%s: %q", tt.id, got)
	}
}

// An inline phrase set off by commas goes with its commas: dev rkgCJ64tDB read "We study,, a scale-equivariant
// CNN architecture…" of "We study, in this paper, a scale-equivariant…", train r1griYFhiB "In detail,, instead
// of designing…".
func TestTLDRDropsAnAsideWithItsCommas(t *testing.T) {
	for _, id := range []string{"rkgCJ64tDB", "r1griYFhiB"} {
		r := sharedRecordByID(t, id)
		got := summarize.TLDR(r.Title, r.Abstract)
		assert.NotContains(t, got, ",,", "%s: %q", id, got)
		assert.Greater(t, len(strings.Fields(got)), 3, "%s: %q", id, got)
	}
	r := sharedRecordByID(t, "rkgCJ64tDB")
	assert.True(t, strings.HasPrefix(summarize.TLDR(r.Title, r.Abstract), "We study a scale-equivariant CNN"))
}

// No TL;DR ends on what announces the words it drops: train Hye1kTVFDS ended "…before seeing it, i.e." (the
// scorer's TestNoCutAfterAnAnnouncingVerb holds "…with results showing.").
func TestTLDRDoesNotEndOnAnAnnouncement(t *testing.T) {
	for _, tt := range []struct{ id, broken string }{
		{"Hye1kTVFDS", " i.e."},
	} {
		r := sharedRecordByID(t, tt.id)
		got := summarize.TLDR(r.Title, r.Abstract)
		assert.False(t, strings.HasSuffix(got, tt.broken), "%s: %q", tt.id, got)
		assert.Greater(t, len(strings.Fields(got)), 3, "%s: %q", tt.id, got)
	}
}

// A clause before ", we" that bounds the claim stays: dev SygcSlHFvS read "We are able to predict properties…"
// of "For identifiable relation types, we are able to predict properties…", and ByeUBANtvB "We empirically
// show…" of "In both feedforward and convolutional networks, we empirically show…".
func TestTLDRKeepsTheScopeOfItsClaim(t *testing.T) {
	for _, tt := range []struct{ id, scope string }{
		{"SygcSlHFvS", "For identifiable relation types, we "},
		{"ByeUBANtvB", "In both feedforward and convolutional networks, we "},
	} {
		r := sharedRecordByID(t, tt.id)
		got := summarize.TLDR(r.Title, r.Abstract)
		assert.True(t, strings.HasPrefix(got, tt.scope), "%s: %q", tt.id, got)
	}
}

// A TL;DR whose verb answers what the reader does not see says what the paper does instead: dev Bkgv71rtwr read
// "We address this problem by augmenting…", H1gBhkBFDH "We lift these limitations and propose…", HJxrVA4FDS
// "We address this question by systematically evaluating…", and train ryxnHhRqFm ended "…(GLMP) networks to
// address this issue.".
func TestTLDRSaysWhatThePaperDoesNotWhatItAnswers(t *testing.T) {
	t.Run("records", func(t *testing.T) {
		for _, tt := range []struct{ id, want string }{
			{"Bkgv71rtwr", "We augment the state-of-the-art domain adaptation technique, Self-Ensembling, with category-agnostic clusters in target domain."},
			{"H1gBhkBFDH", "We propose a modular framework for the design and implementation of G-CNNs for arbitrary Lie groups."},
			{"HJxrVA4FDS", "We systematically evaluate neural network architectures"},
			{"ryxnHhRqFm", "We propose the global-to-local memory pointer (GLMP) networks."},
			{"HJgY6R4YPH", "We propagate labels using a manifold structure, and enforce cycle consistency"},
		} {
			r := sharedRecordByID(t, tt.id)
			got := summarize.TLDR(r.Title, r.Abstract)
			assert.True(t, strings.HasPrefix(got, tt.want), "%s: %q", tt.id, got)
		}
	})
	// a purpose the words before it need stays, and so does a verb with an object that points nowhere
	for abstract, want := range map[string]string{
		"We propose model inversion networks (MINs) as an approach to solve such problems.":         "We propose model inversion networks (MINs) as an approach to solve such problems.",
		"We address the problem of learning to discover 3D parts for objects in unseen categories.": "We address the problem of learning to discover 3D parts for objects in unseen categories.",
		"We address this problem by a careful study of the loss landscape of attention networks.":   "We address this problem by a careful study of the loss landscape of attention networks.",
		// a pronoun that would point to the problem the rewrite drops, and a second "by" that may be the nested one's
		"We address this problem by casting it as a convex program.":                                                  "We address this problem by casting it as a convex program.",
		"We tackle this problem by formulating it as a game.":                                                         "We tackle this problem by formulating it as a game.",
		"We address these limitations by extending them to the multi-agent setting.":                                  "We address these limitations by extending them to the multi-agent setting.",
		"We address this problem and show that it is NP-hard.":                                                        "We address this problem and show that it is NP-hard.",
		"We address this issue by training a network that is regularized by penalizing the norm and by adding noise.": "We address this issue by training a network that is regularized by penalizing the norm and by adding noise.",
		"We address this problem by developing a new loss, and we show that its gradient is unbiased.":                "We develop a new loss, and we show that its gradient is unbiased.",
		// a "to" clause that is the complement of the word before it: the claim changes without it
		"We show that existing methods fail to address this issue.":                       "We show that existing methods fail to address this issue.",
		"We show that it is impossible to close this gap.":                                "We show that it is impossible to close this gap.",
		"We find that more data alone is not enough to overcome this limitation.":         "More data alone is not enough to overcome this limitation.",
		"We prove that no polynomial algorithm can exist to solve this problem.":          "We prove that no polynomial algorithm can exist to solve this problem.",
		"Existing approaches are unable to address this problem.":                         "Existing approaches are unable to address this problem.",
		"NAS-Bench-101 has shown success to alleviate this problem.":                      "NAS-Bench-101 has shown success to alleviate this problem.",
		"Machine learning techniques have recently been applied to solve such problems.":  "Machine learning techniques have recently been applied to solve such problems.",
		"We propose a method that is able to solve this problem.":                         "We propose a method that is able to solve this problem.",
		"A novel curriculum learning algorithm is proposed to address this issue.":        "A novel curriculum learning algorithm is proposed.",
		"We develop a new estimator, with lower variance, to overcome these limitations.": "We develop a new estimator, with lower variance.",
	} {
		assert.Equal(t, want, summarize.TLDR("Methods", abstract))
	}
	// the purpose goes only after a plain noun phrase: a clause, a second verb or "in order"/"so as" before
	// "to" keeps it (second review, finding A, and variations of each)
	for _, s := range []string{
		"We propose a method that is designed to address this issue.",
		"We introduce a model that learns to solve such problems.",
		"We develop tools that enable practitioners to fix this problem.",
		"We present a method which is shown to close this gap.",
		"We propose a model and show how to address this issue.",
		"We propose a new loss in order to address this issue.",
		"We propose a new loss so as to address this issue.",
		"We propose that we need to address this issue.",
		"We use reinforcement learning, which is known to struggle, to solve this problem.",
		"We present a network whose weights are shared to mitigate this issue.",
		"We design a scheme where agents learn to address this issue.",
		"We propose a prior or a loss that helps to overcome this limitation.",
		"We use a sampler whom the learner queries to bypass this bottleneck.",
	} {
		assert.Equal(t, s, summarize.TLDR("Methods", s))
	}
	for abstract, want := range map[string]string{
		"We propose mixup, a simple learning principle, to alleviate these issues.": "We propose mixup, a simple learning principle.",
		"We design a sparse attention layer to overcome this bottleneck.":           "We design a sparse attention layer.",
	} {
		assert.Equal(t, want, summarize.TLDR("Methods", abstract))
	}
}

// A TL;DR does not end on a subject whose verb comes after a list of examples: dev rkMD73A5FX read "…Explanations
// of how powerful machine learning models." of "how powerful machine learning models, such as deep neural networks,
// capture these interactions…".
func TestTLDRKeepsTheVerbAfterExamples(t *testing.T) {
	r := sharedRecordByID(t, "rkMD73A5FX")
	got := summarize.TLDR(r.Title, r.Abstract)
	assert.False(t, strings.HasSuffix(got, "machine learning models."), got)
	assert.Greater(t, len(strings.Fields(got)), 3, got)
}

// A TL;DR that ends on a quotation closed by its own full stop or question mark gets no second one: dev
// r1esnoAqt7 ended "…factors of variation in the data?".", Hye00pVtPS "…“confederated machine learning.”.".
func TestTLDREndsOnce(t *testing.T) {
	for _, tt := range []struct{ id, end string }{
		{"r1esnoAqt7", `in the data?"`},
		{"Hye00pVtPS", "“confederated machine learning.”"},
	} {
		r := sharedRecordByID(t, tt.id)
		got := summarize.TLDR(r.Title, paper.CleanText(r.Abstract))
		assert.True(t, strings.HasSuffix(got, tt.end), "%s: %q", tt.id, got)
	}
	assert.Equal(t, "We call it “brittle”.", summarize.TLDR("Methods", "We call it “brittle”."))
}

// A connective set off by commas inside a TL;DR goes with its commas: dev BylRVjC9K7 read "This paper, in
// contrast, discusses…", and train SJeFNoRcFQ "For state-of-the-art DNNs, however, we identify…".
func TestTLDRDropsAConnectiveInside(t *testing.T) {
	for _, tt := range []struct{ id, start string }{
		{"BylRVjC9K7", "This paper discusses the origin of adversarial examples"},
		{"SJeFNoRcFQ", "For state-of-the-art DNNs, we identify a novel form"},
	} {
		r := sharedRecordByID(t, tt.id)
		got := summarize.TLDR(r.Title, r.Abstract)
		assert.True(t, strings.HasPrefix(got, tt.start), "%s: %q", tt.id, got)
	}
}

// A connective between two clauses stays: the contrast is the point, and without it the sentence is a comma
// splice. Train HJGven05Y7 read "MAML is simple, elegant and very powerful, it has a variety of issues", and "We
// show that, however, the bound is tight." read "We show that, the bound is tight.".
func TestTLDRKeepsAContrastBetweenClauses(t *testing.T) {
	for _, s := range []string{
		"MAML is simple, elegant and very powerful, however, it has a variety of issues, such as being very sensitive to neural network architectures.",
		"Most prior work gives parameter recovery guarantees for one hidden layer networks, however, the networks used in practice have multiple non-linear layers.",
		"The adversarial training does not support the robustness of the networks, instead, they will even make the networks to be overfitted.",
		"Adversarial training improves robustness, however, it hurts accuracy on clean data.",
		"We show that, however, the bound is tight.",
		// a first clause whose verb is no auxiliary (second review, finding B, and variations)
		"Training converges quickly, however, inference remains slow on long sequences.",
		"GANs produce sharp images, however, training is often unstable in practice.",
		"Transformers scale well, however, recurrent networks do not.",
		"Dropout helps, however, batch normalization hurts performance.",
		"Prior methods rely on labels, in contrast, SimCLR learns from unlabeled data.",
		"Pruning reduces size, nevertheless, accuracy stays the same on ImageNet.",
		"This works well, however, not for long inputs with many tokens.",
		"Propose an improved gradient estimator, however, are unable to show it is unbiased.",
		"This helps, however, models learn slowly on small data.",
		"Our method works, however, baselines diverge on every task.",
		"Sampling fails, instead, search finds the mode of the distribution.",
		"Attention is costly, moreover, memory grows with the square of the length.",
	} {
		assert.Equal(t, s, summarize.TLDR("Methods", s))
	}
	for in, want := range map[string]string{
		"This approach, however, fails on long inputs of many kinds.":        "This approach fails on long inputs of many kinds.",
		"Existing methods, however, are unable to scale to large graphs.":    "Existing methods are unable to scale to large graphs.",
		"Our method, in contrast, requires no labels for the target domain.": "Our method requires no labels for the target domain.",
		"We, however, show that the bound is tight for all graphs.":          "We show that the bound is tight for all graphs.",
		// the first connective in the list is between clauses, and the second one an aside
		"This paper, in contrast, discusses why deep models fail, however, they remain useful in practice.": "This paper discusses why deep models fail, however, they remain useful in practice.",
	} {
		assert.Equal(t, want, summarize.TLDR("Methods", in))
	}
}

// An aside set off by commas leaves no stray comma in a TL;DR: after a verb before its object it stays (train
// BJlh0x9ppQ's sentence read "…entities explain, the relational structure…"), after "that" both commas go.
func TestTLDRLeavesNoStrayCommaAfterAnAside(t *testing.T) {
	for abstract, want := range map[string]string{
		"Knowledge bases hold numbers. The numerical values associated with entities explain, to some extent, the relational structure of the knowledge base.": "The numerical values associated with entities explain, to some extent, the relational structure of the knowledge base.",
		"Our analysis shows that, in this work, the bound is tight for all graphs.":                                                                            "Our analysis shows that the bound is tight for all graphs.",
		"Even small networks, in this work, can memorize random labels of images.":                                                                             "Even small networks can memorize random labels of images.",
	} {
		assert.Equal(t, want, summarize.TLDR("Methods", abstract))
	}
}

// The glue rewrite keeps no gerund it did not turn into a verb, and no word that points to the problem it drops
// (second review, findings D and E, and variations of each): the sentence stays whole.
func TestTLDRRewritesGlueOnlyWhenItStandsAlone(t *testing.T) {
	for _, s := range []string{
		"We address this issue by training a large model and measuring the accuracy on held-out data.",
		"We address this problem by introducing a new loss and showing that the loss is convex.",
		"We address this issue by using a prior and sampling the latent codes from it.",
		"We address this problem by learning a policy or imitating an expert on each task.",
		"We address this limitation by showing that they can be trained jointly.",
		"We address this issue and show that they converge to the same solution.",
		"We address this gap by studying when this happens.",
		"We address this issue by proposing a method that handles those cases.",
		"We address this issue by proposing a loss that penalizes such failures.",
		"We address this problem by showing that these can be learned from data.",
		"We tackle this issue by analyzing why this holds for deep networks.",
		"We address this limitation by extending the model so that they share parameters.",
	} {
		assert.Equal(t, s, summarize.TLDR("Methods", s))
	}
	for in, want := range map[string]string{
		"We address this issue by proposing a new loss and by adding noise to the labels.": "We propose a new loss and add noise to the labels.",
		"We address this problem by studying methods such as dropout on large graphs.":     "We study methods such as dropout on large graphs.",
		"We address this issue by training on this loss landscape of small networks.":      "We train on this loss landscape of small networks.",
	} {
		assert.Equal(t, want, summarize.TLDR("Methods", in))
	}
}

// A TL;DR claims no more than the paper: an argument, a belief or a hypothesis keeps the words that make it one,
// and a claim the word or phrase that weakens it (dev rJfW5oA5KQ "GANs can in principle learn…", rygVV205KQ "…that in
// some cases allows the agent to learn stacking…").
// Dev BJxN9Hvf-V read "A better low-communication load balancing scheme can be established…" of "We argue that a
// better…", and train Byef4anQcE, BylWglrYPH ("Symmetry is an important consideration… and investigate…", whose
// second verb lost its "we") and HygDF6NFPB ("This work can contribute…" of "We believe that this work…") the same.
// An opening that only reports a result ("We find that") still goes.
func TestTLDRKeepsTheHedgeOfAnArgument(t *testing.T) {
	t.Run("written", func(t *testing.T) {
		for in, want := range map[string]string{
			"We hypothesize that deeper networks memorize rare examples of the training set.": "We hypothesize that deeper networks memorize rare examples of the training set.",
			"We conjecture that every local minimum of the loss is a global minimum.":         "We conjecture that every local minimum of the loss is a global minimum.",
			"We find that deeper networks memorize rare examples of the training set.":        "Deeper networks memorize rare examples of the training set.",
		} {
			assert.Equal(t, want, summarize.TLDR("Methods", in))
		}
	})
	t.Run("records", func(t *testing.T) {
		for _, tt := range []struct{ id, hedge string }{
			{"BJxN9Hvf-V", "We argue that a better low-communication load balancing scheme"},
			{"BylWglrYPH", "We argue that symmetry is an important consideration"},
			{"HygDF6NFPB", "We believe that this work can contribute"},
		} {
			r := sharedRecordByID(t, tt.id)
			got := summarize.TLDR(r.Title, r.Abstract)
			assert.True(t, strings.HasPrefix(got, tt.hedge), "%s: %q", tt.id, got)
		}
		for _, tt := range []struct{ id, hedge string }{
			{"rJfW5oA5KQ", "GANs can in principle learn"},
			{"rygVV205KQ", "in some cases allows the agent"},
		} {
			r := sharedRecordByID(t, tt.id)
			got := summarize.TLDR(r.Title, r.Abstract)
			assert.Contains(t, got, tt.hedge, "%s: %q", tt.id, got)
		}
	})
}

// A kept "We argue that" does not let a pointer through: "We argue that this imposes a limitation on their
// representation power, and instead propose…" (train S1TgE7WR-), "We argue that this classifier can be fixed…"
// (train S1Dh8Tg0-), "…is well suited for this task…" (dev rJed6j0cKX), "…propagating labels in the graph
// instead." (train r1g7y2RqYX) and "…a key underlying principle for this…" (train Byef4anQcE) point at text the
// TL;DR leaves out. The best "We…" sentence takes their place, or without one the best of the others.
func TestTLDRArguedClaimDoesNotPointBack(t *testing.T) {
	t.Run("written", func(t *testing.T) {
		got := summarize.TLDR("Networks", "Inverse problems are ambiguous. We argue that a particular class of neural "+
			"networks is well suited for this task. Unlike classical networks, invertible networks learn the forward "+
			"process with latent output variables.")
		assert.Equal(t, "Unlike classical networks, invertible networks learn the forward process with latent output variables.", got)
	})
	// a pointer that points forward is none, and the "We…" sentence that would replace a claim must point nowhere
	t.Run("forward or kept", func(t *testing.T) {
		for in, want := range map[string]string{
			"Deep networks are often compared to the brain. Prior comparisons use only a few layers. We argue that the features learned by deep networks are similar to those of the primate visual cortex. To test this, we compare them on five datasets. Our results show a strong match in the later layers.": "We argue that the features learned by deep networks are similar to those of the primate visual cortex.",
			"Multi-agent learning is hard to analyse. Existing results cover only two agents. We hypothesize that the optimal joint policy is such that each agent acts greedily with respect to a shared potential. We prove this for potential games and show it empirically in three domains.":                 "We hypothesize that the optimal joint policy is such that each agent acts greedily with respect to a shared potential.",
			"Scaling laws are known for language models. We argue that the gains of this paper's method over prior work come from data, not from architecture. We test it on ImageNet and on three language benchmarks.":                                                                                          "We argue that the gains of this paper's method over prior work come from data, not from architecture.",
			"Reinforcement learning agents need many samples. We conjecture that agents trained with such auxiliary losses learn faster because the losses shape their representations. We evaluate this claim on Atari and DeepMind Lab.":                                                                        "We conjecture that agents trained with such auxiliary losses learn faster because the losses shape their representations.",
		} {
			assert.Equal(t, want, summarize.TLDR("Methods", in))
		}
	})
	t.Run("records", func(t *testing.T) {
		for _, id := range []string{"S1TgE7WR-", "S1Dh8Tg0-", "rJed6j0cKX", "r1g7y2RqYX", "Byef4anQcE"} {
			r := sharedRecordByID(t, id)
			got := summarize.TLDR(r.Title, r.Abstract)
			assert.False(t, strings.HasPrefix(got, "We argue that"), "%s: %q", id, got)
			assert.NotRegexp(t, `(?i)\b(this|these) (task|classifier|imposes)\b|\binstead\b|\bfor this\b`, got, "%s", id)
		}
	})
}

// A TL;DR ends on no author names left from a citation whose year was dropped: train HylAoJSKvH ended "…the
// stochastic three-point method (STP) Bergou et al.".
func TestTLDRDropsTheNamesOfACitation(t *testing.T) {
	r := sharedRecordByID(t, "HylAoJSKvH")
	got := summarize.TLDR(r.Title, r.Abstract)
	assert.NotContains(t, got, "Bergou", got)
	assert.True(t, strings.HasSuffix(got, "(STP)."), got)
}

// A TL;DR that announces a list of questions asks all of them, not the first alone: dev HklRwaEKwB read "We study
// the following three fundamental problems about ridge regression: what is the structure of the estimator?", and
// train r1glehC5tQ "…two important research questions: Are adversarial examples distinguishable from natural
// examples?", as each "?" ends a sentence. The list is one sentence joined with "and", up to the announced count,
// each question cleaned as the first, in lower case unless it opens with a name. A question that no list
// announces stands alone.
func TestTLDRAsksEveryQuestionOfItsList(t *testing.T) {
	t.Run("written", func(t *testing.T) {
		for in, want := range map[string]string{
			"We ask two questions: (1) is depth needed? (2) Is width needed?":                              "We ask two questions: is depth needed and is width needed?",
			"We ask one question: is depth needed? Our experiments on ImageNet show that depth is needed.": "We ask one question: is depth needed?",
			"We ask two questions: is depth needed? We train deep and shallow models on ImageNet.":         "We ask two questions: is depth needed?",
			// the count is kept: a third, rhetorical question is no item of "two questions"
			"We study two questions: (1) is depth needed? (2) is width needed? Why does this matter for practitioners? We train many models.": "We study two questions: is depth needed and is width needed?",
			// each question is cleaned as the first; an unnumbered one ends a numbered list
			"We study four questions: (1) how to choose the step size? (2) how to choose $\\lambda$ (the regularization parameter)? (3) how do Smith et al. (2019) choose the parameter? Why do networks memorize [12]?": "We study four questions: how to choose the step size, how to choose $\\lambda$, and how do Smith et al. choose the parameter?",
			// a follow-up opens in lower case unless it is a name or an acronym
			"We study the following problems about ridge regression: (1) what is the structure of the estimator? (2) To what extent does cross-validation work? (3) does BERT memorize rare words? Is it useful?": "We study the following problems about ridge regression: what is the structure of the estimator, to what extent does cross-validation work, and does BERT memorize rare words?",
			// the count is the number word nearest the list noun, and the colon the first after it
			"We answer three questions about two-player games on two benchmarks: (1) is depth needed? (2) is width needed? (3) is data needed? We train many models.": "We answer three questions about two-player games on two benchmarks: is depth needed, is width needed, and is data needed?",
			"For two datasets, we study three questions: (1) is depth needed? (2) is width needed? (3) is data needed? We train many models.":                         "For two datasets, we study three questions: is depth needed, is width needed, and is data needed?",
			"We study two questions: is the ratio 1:2 optimal? (2) how does it change with depth? We train many models.":                                              "We study two questions: is the ratio 1:2 optimal and how does it change with depth?",
			"We answer the following questions: (1) What is the structure of the estimator? (2) How does it converge? (3) ImageNet or CIFAR, which helps more?":       "We answer the following questions: what is the structure of the estimator, how does it converge, and ImageNet or CIFAR, which helps more?",
		} {
			assert.Equal(t, want, summarize.TLDR("Depth", in))
		}
	})
	t.Run("records", func(t *testing.T) {
		for _, tt := range []struct{ id, last string }{
			{"HklRwaEKwB", "estimator, how to correctly use cross-validation to choose the regularization parameter, and how to accelerate computation without losing too much accuracy?"},
			{"r1glehC5tQ", "questions: are adversarial examples distinguishable from natural examples and are adversarial examples generated by different methods distinguishable from each other?"},
		} {
			r := sharedRecordByID(t, tt.id)
			got := summarize.TLDR(r.Title, r.Abstract)
			assert.True(t, strings.HasSuffix(got, tt.last), "%s: %q", tt.id, got)
			assert.Len(t, summarize.Sentences(got), 1, "%s: %q", tt.id, got)
		}
	})
}

// A connective after a long subject goes too when a determiner opens the subject and an auxiliary follows: the
// sentences of train BypdvewVM ("The recent success of deep networks in machine learning and AI, however, has
// inspired…") and Hy1d-ebAb ("The task of learning generative models of graphs, however, has…") kept "however"
// as a TL;DR, a contrast with text the reader does not see. A long opening that may be a clause keeps it: "This
// approach yields good accuracy on benchmarks, however, can be slow…" would lose its second clause's comma.
func TestTLDRDropsAConnectiveAfterALongSubject(t *testing.T) {
	// written sentences first: they need no ../shared
	for in, want := range map[string]string{
		"The model trained on large corpora of text, however, is slow at inference time.":     "The model trained on large corpora of text is slow at inference time.",
		"A network trained on a large corpus of images, however, can fail on rotated inputs.": "A network trained on a large corpus of images can fail on rotated inputs.",
		// nouns and adjectives alone before the preposition: the subject's head noun, then its complement
		"A key challenge in training deep networks with few labels, however, is that the labels are noisy.": "A key challenge in training deep networks with few labels is that the labels are noisy.",
		"The main drawback for sparse attention on long documents, however, is its memory cost.":            "The main drawback for sparse attention on long documents is its memory cost.",
	} {
		assert.Equal(t, want, summarize.TLDR("Methods", in))
	}
	for _, s := range []string{
		"Deep networks trained with stochastic gradient descent generalize well, however, remain fragile.",
		"Networks trained with stochastic gradient descent on images generalize, however, can fail.",
		"This approach yields good accuracy on benchmarks, however, can be slow on large graphs.",
		"The method improves results on standard benchmarks, however, is slow on large graphs.",
		"A model achieves good accuracy on most benchmarks, however, can be slow on large graphs.",
		// a past-tense verb before the preposition: the opening is a clause
		"This model performed well on small graphs, however, can be slow on large ones.",
		"This model often fails on small graphs, however, is fast on large ones.",
		"The method worked well in our experiments, however, is slow on large graphs.",
	} {
		assert.Equal(t, s, summarize.TLDR("Methods", s))
	}
	t.Run("records", func(t *testing.T) {
		for _, tt := range []struct {
			id   string
			sent int
			want string
		}{
			{"BypdvewVM", 1, "The recent success of deep networks in machine learning and AI has inspired"},
			{"Hy1d-ebAb", 4, "The task of learning generative models of graphs has its unique challenges."},
		} {
			s := sharedRecordByID(t, tt.id).Sentences[tt.sent]
			got := summarize.TLDR("Methods", s)
			assert.True(t, strings.HasPrefix(got, tt.want), "%s: %q", tt.id, got)
		}
	})
}

// A leading participle clause that points back goes like the other glue: train SJCq_fZ0Z began "Addressing this
// issue, we propose…", ByxoqJrtvr "Informed by this observation, we propose…" and Hkg_8xBYDS "Realizing such a
// limitation, we contribute…". One that points nowhere is content and stays.
func TestTLDRDropsALeadingParticipleThatPointsBack(t *testing.T) {
	// written sentences first: they need no ../shared. A "that" that opens a clause with its own content stays;
	// one that points back goes.
	for _, s := range []string{
		"Noting that most graphs in practice are sparse, we propose a sampler that visits each edge once.",
		"Given that most graphs in practice are sparse, we propose a sampler that visits each edge once.",
	} {
		assert.Equal(t, s, summarize.TLDR("Samplers", s))
	}
	for _, lead := range []string{"With that in mind, ", "For that purpose, ", "Given that, "} {
		assert.Equal(t, "We propose a sampler that visits each edge of a sparse graph once.",
			summarize.TLDR("Samplers", lead+"we propose a sampler that visits each edge of a sparse graph once."), lead)
	}
	t.Run("records", func(t *testing.T) {
		for _, tt := range []struct{ id, start string }{
			{"SJCq_fZ0Z", "We propose an alternative algorithm, Sparse Attentive Backtracking"},
			{"ByxoqJrtvr", "We propose a very simple algorithm for learning behaviors"},
			{"Hkg_8xBYDS", "We contribute by proposing a scalable evaluation protocol"},
		} {
			r := sharedRecordByID(t, tt.id)
			got := summarize.TLDR(r.Title, r.Abstract)
			assert.True(t, strings.HasPrefix(got, tt.start), "%s: %q", tt.id, got)
		}
	})
}

// A lead that frames the sentence instead of saying something goes: an example of a claim the reader does not see,
// the article's own voice, "Under this framework,", "Through this short paper,", a definite noun that points back
// ("Based on the observation,"), and a lead-in before a colon. SciTLDR's TL;DRs opened so before.
func TestTLDRDropsAFramingLead(t *testing.T) {
	// written sentences first: they need no ../shared. A whole lead of its own words stays.
	for _, s := range []string{
		"For instance segmentation, we propose a mask head that predicts each object from its centre point.",
		"Based on the Transformer architecture, we propose a speech recognizer that streams its output.",
		"Based on the results of simulations, we propose a keyboard layout for typing on phones.",
		"In our experiments, we find that sign descent converges faster than gradient descent on transformers.",
		"Our contributions: We propose a sampler that visits each edge of a sparse graph once.",
		"Under these assumptions, we prove that sign descent converges on deep networks with heavy-tailed gradients.",
		"With this condition, we prove that sign descent converges on deep networks with heavy-tailed gradients.",
	} {
		assert.Equal(t, s, summarize.TLDR("Methods", s))
	}
	// a hypothesis motivates what follows; an assumption or a condition bounds it and stays (above)
	assert.Equal(t, "We propose a set of tools for constructing equivariant sequence-to-sequence models.",
		summarize.TLDR("Methods", "Based on this hypothesis, we propose a set of tools for constructing equivariant sequence-to-sequence models."))
	for _, lead := range []string{"For example, we", "For instance, we", "E.g., we", "In our paper, we", "In our study, we",
		"Under this framework, we", "Through this analysis, we", "Based on the observation, we", "In this paper: We"} {
		assert.Equal(t, "We propose a sampler that visits each edge of a sparse graph once.",
			summarize.TLDR("Samplers", lead+" propose a sampler that visits each edge of a sparse graph once."), lead)
	}
	t.Run("records", func(t *testing.T) {
		for _, tt := range []struct{ id, sentence, start string }{
			{"HyMRaoAqKX", "For example, we show that implicit autoencoders can disentangle", "We show that implicit autoencoders"},
			{"ryZ283gAZ", "In our work, we bridge deep neural network design", "We bridge deep neural network design"},
			{"rJeKVt-iaV", "In our work, we develop a game-based abstraction method", "We develop a game-based abstraction method"},
			{"r1gp1jRN_4", "Under this framework, we compare recent algorithms", "We compare recent algorithms"},
			{"BJgb3k3qpE", "we’d like to disseminate", "We’d like to disseminate"},
			{"rJma2bZCW", "Through this analysis, we find that three factors", "We find that three factors"},
			{"ByeNra4FDB", "Based on the observation, we construct", "We construct a novel RND-based OOD detector"},
			{"Syl1pGI9wN", "Besides, based on the framework, we present a new algorithm", "We present a new algorithm"},
			{"rkeZO1BFDB", "Based on the newly introduced dataset, we propose", "We propose a general cross-lingual VLN framework"},
			{"rJNwDjAqYX", "We perform the first large-scale study", "We perform the first large-scale study"},
		} {
			r := sharedRecordByID(t, tt.id)
			r.Sentence(t, tt.sentence)
			got := summarize.TLDR(r.Title, r.Abstract)
			assert.True(t, strings.HasPrefix(got, tt.start), "%s: %q", tt.id, got)
		}
	})
}

// An intent before the glue verb does not keep the pointer: train rkeH6AEYvr read "We attempt to address these
// problems by proposing a novel architecture…" and Sy3XxCx0Z "We aim to answer these questions by enriching…", and
// dev By3v9k-RZ "We propose to solve this scalability issue by using symbolic meaning representations…". A proposal
// stays one.
func TestTLDRSaysWhatThePaperDoesAfterAnIntent(t *testing.T) {
	// written sentences first: they need no ../shared
	assert.Equal(t, "We propose a new loss that penalizes overconfident predictions.",
		summarize.TLDR("Methods", "We propose to address this issue by proposing a new loss that penalizes overconfident predictions."))
	for _, s := range []string{
		"We attempt to address this issue by casting it as a convex program over the simplex.",
		"We aim to solve this problem and show that the bound is tight for all graphs.",
	} {
		assert.Equal(t, s, summarize.TLDR("Methods", s))
	}
	t.Run("records", func(t *testing.T) {
		for _, tt := range []struct{ id, start string }{
			{"rkeH6AEYvr", "We propose a novel architecture that traverses an image pyramid"},
			{"Sy3XxCx0Z", "We enrich the state-of-the-art neural natural language inference models"},
			{"By3v9k-RZ", "We propose to use symbolic meaning representations"},
		} {
			r := sharedRecordByID(t, tt.id)
			got := summarize.TLDR(r.Title, r.Abstract)
			assert.True(t, strings.HasPrefix(got, tt.start), "%s: %q", tt.id, got)
		}
	})
}

// A TL;DR that states a comparison keeps what bounds it: dev BJxlmeBKwS read "…achieves state-of-the-art fricative
// phoneme detection accuracy." without "on the TIMIT Speech Corpus", train rkgO66VKDS "…achieves the highest
// accuracy to date." without "on the ImageNet dataset…", BJxpbREKvB "…higher accuracy than common few-shot learning
// algorithms." without "in the 1-shot task…", and SkYMnLxRW "…that not only outperforms the baseline network."
func TestTLDRKeepsTheScopeOfAComparison(t *testing.T) {
	for _, tt := range []struct{ id, scope string }{
		{"BJxlmeBKwS", "accuracy on the TIMIT Speech Corpus"},
		{"rkgO66VKDS", "the highest accuracy to date on the ImageNet dataset"},
		{"BJxpbREKvB", "algorithms in the 1-shot task"},
		{"SkYMnLxRW", "but also converges"},
	} {
		r := sharedRecordByID(t, tt.id)
		got := summarize.TLDR(r.Title, r.Abstract)
		assert.Contains(t, got, tt.scope, "%s: %q", tt.id, got)
	}
}

// A TL;DR whose first verb acts on what only the sentence before names ("We break this barrier by…") gives way to
// the best "We…" a reader of the TL;DR alone follows. It does not give way to a step after it ("Then, we use
// simple image processing…", SJPO7JMyG), a naming, release or comparison sentence with a name only it defines
// ("We compare FBS to…", BJxh2j0qYm; "We call our approach L2C.", rkxJrcHo2V; "We release Craystack…",
// r1lZgyBYwS; "We connect GR to…", rylUOn4Yvr), and one that says what the paper proposes stays.
func TestTLDRPrefersASentenceThatStandsAlone(t *testing.T) {
	for _, tt := range []struct{ id, pointer string }{
		{"rJeT47F8Lr", "this question"},
		{"Sktm4zWRb", "these networks"},
	} {
		r := sharedRecordByID(t, tt.id)
		r.Sentence(t, tt.pointer) // the abstract holds the sentence that points back
		got := summarize.TLDR(r.Title, r.Abstract)
		assert.NotContains(t, got, tt.pointer, "%s: %q", tt.id, got)
		assert.True(t, strings.HasPrefix(got, "We ") || strings.HasPrefix(got, "Our "), "%s: %q", tt.id, got)
	}
	for _, tt := range []struct{ id, must, mustNot string }{
		{"BJxh2j0qYm", "feature boosting and suppression", "We compare FBS"},
		// "As a consequence of superior and fast estimation, we reduce…": cleaning would drop the qualifier
		{"SyVOjfbRb", "sampling scheme", "We reduce the running time"},
		{"SJPO7JMyG", "deep learning", "simple image processing"},
		{"rkxJrcHo2V", "learn such a prior", "We call our approach"},
		{"r1lZgyBYwS", "", "We release"},
		{"rylUOn4Yvr", "gradient rescaling (GR)", "We connect GR"},
		{"BkfbpsAcF7", "excessive invariance occurs", "insufficiency"}, // "This…" gives way as before
	} {
		r := sharedRecordByID(t, tt.id)
		r.Sentence(t, tt.mustNot[max(0, len(tt.mustNot)-12):]) // the abstract holds the sentence the TL;DR must not be
		got := summarize.TLDR(r.Title, r.Abstract)
		assert.Contains(t, got, tt.must, "%s: %q", tt.id, got)
		assert.NotContains(t, got, tt.mustNot, "%s: %q", tt.id, got)
	}
	// a closer that says nothing the paper did, or a sentence that leans on the one before, never takes the place
	for _, last := range []string{
		"We leave an extension to dynamic graphs for future work.",
		"We hope that our work inspires research on scalable learning from relations.",
		"We thank the reviewers for their helpful comments on the sampler.",
		"Further, we show a fivefold speedup on citation graphs.",
		"As a result, we obtain a fivefold speedup on citation graphs.",
		"In addition, we obtain a fivefold speedup on citation graphs.",
		"Second, we obtain a fivefold speedup on citation graphs.",
	} {
		in := "Graph networks learn from relations. However, they are slow on large graphs. We reduce this cost by " +
			"sampling subgraphs with a learned sampler. " + last
		got := summarize.TLDR("Sampling subgraphs", in)
		assert.Contains(t, got, "sampling subgraphs with a learned sampler", "%q", got)
	}
	in := "Graph networks learn from relations. However, they are slow on large graphs. We reduce this cost by " +
		"sampling subgraphs and propose GraphSample, a sampler with provable variance bounds. We compare GraphSample " +
		"to five baselines on three benchmarks."
	got := summarize.TLDR("Sampling subgraphs", in)
	assert.Contains(t, got, "GraphSample, a sampler", "%q", got)
}

// A TL;DR cut inside an enumeration the sentence announces ("a human metric that is (1) grounded…, (2)
// reliable…, (3)… and (4) efficient…") would read as if its first items were all: it keeps the sentence whole.
// One that holds every item, or none, is left as the scorer cut it.
func TestTLDRDoesNotEndInsideAnEnumeration(t *testing.T) {
	r := sharedRecordByID(t, "SJgZSULYdN")
	r.Sentence(t, "(4) efficient") // the record's sentence announces four items
	got := summarize.TLDR(r.Title, r.Abstract)
	assert.Contains(t, got, "reliable across", "%q", got)
	assert.Contains(t, got, "efficient in cost and time", "%q", got)
	assert.NotContains(t, got, "(4)", "the marks are dropped as before: %q", got)

	in := "Models need labels. We propose a metric that is (1) cheap to compute on large corpora and (2) stable across seeds, which we validate on ten tasks with many annotators and report agreement."
	got = summarize.TLDR("A metric", in)
	assert.Contains(t, got, "cheap to compute", "%q", got) // the enumeration is what the paper proposes: kept whole
	assert.Contains(t, got, "stable across", "%q", got)
	in = "Models need labels. We propose a metric that is (1) cheap to compute on large corpora, (2) stable across " +
		"random seeds and (3) faithful to human judgements of fluency, which we validate on ten tasks with many " +
		"annotators and report agreement."
	got = summarize.TLDR("A metric", in)
	assert.Contains(t, got, "cheap to compute", "%q", got)
	assert.Contains(t, got, "faithful to human judgements", "%q", got)
}

// A TL;DR keeps a citation its sentence needs, and drops a run of citations that is an aside as a whole:
// "Recently proposed X" would credit the paper with the cited method, "Prior methods and [4] fail" makes
// "[4]" a second subject.
func TestTLDRCitationsInTheSentence(t *testing.T) {
	for abstract, want := range map[string]string{
		"Recently [3] proposed a linear-time attention that we show fails on long inputs.":  "Recently [3] proposed a linear-time attention that we show fails on long inputs.",
		"Our model reaches 90% accuracy on ImageNet, outperforming [3] by 5 points.":        "Our model reaches 90% accuracy on ImageNet, outperforming [3] by 5 points.",
		"Neither [3] nor [4] scales to long inputs, so we propose a linear-time attention.": "Neither [3] nor [4] scales to long inputs, so we propose a linear-time attention.",
		"We extend (Smith et al., 2020a, b) to graphs and prove convergence.":               "We extend (Smith et al., 2020a, b) to graphs and prove convergence.",
		"Prior methods [3]-[5] fail on graphs, so we propose a message-passing variant.":    "Prior methods fail on graphs, so we propose a message-passing variant.",
	} {
		assert.Equal(t, want, summarize.TLDR("A Paper on Graphs", abstract))
	}
}
