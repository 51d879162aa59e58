package compress_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/summarize/internal/compress"
)

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"lead-in", "In this paper, we propose X.", "We propose X."},
		{"lead-in without comma", "In this work we study Y.", "We study Y."},
		{"stacked lead-ins", "However, in this paper, we show Z.", "We show Z."},
		{"connective of several words", "By contrast, we show Z.", "We show Z."},
		{"lead-in kept before a subject that points back", "On the other hand, this method diverges.", "On the other hand, this method diverges."},
		{"lead-in kept before it", "However, it diverges.", "However, it diverges."},
		{"inline", "We address these issues in this paper by proposing W.", "We address these issues by proposing W."},
		{"citation", "Prior methods [3, 4] fail.", "Prior methods fail."},
		{"citation used as a noun", "Building on [12], we prove a bound.", "Building on [12], we prove a bound."},
		{"citations used as a noun", "We extend the analysis of [3, 5-7] to deep networks.", "We extend the analysis of [3, 5-7] to deep networks."},
		{"citation after an abbreviation", "We compare to the schedule of Wilson et al. (2017).", "We compare to the schedule of Wilson et al."},
		{"cited names of an aside go with their year", "We propose a momentum version of the method (STP) Bergou et al. (2019).", "We propose a momentum version of the method (STP)."},
		{"cited names after a name go with their year", "We test it on several MuJoCo Todorov et al. (2012) environments.", "We test it on several MuJoCo environments."},
		{"cited names used as a noun keep their year dropped", "We follow Wu et al. (2017) closely.", "We follow Wu et al. closely."},
		{"ellipsis kept", "We study things...", "We study things..."},
		{"parenthetical", "We train a model (which achieves 90% accuracy) on data.", "We train a model on data."},
		{"parenthetical the word before needs", "We study networks of the form (Affine, ReLU, Affine).", "We study networks of the form (Affine, ReLU, Affine)."},
		{"cited work the word before needs", "Inspired by (Pathak et al., 2017), we add a reward.", "Inspired by (Pathak et al., 2017), we add a reward."},
		{"parenthetical after a function word before more words", "We use a sum of (1) a loss and (2) a penalty.", "We use a sum of a loss and a penalty."},
		{"acronym kept", "We propose a network (V-RIN) for imputation.", "We propose a network (V-RIN) for imputation."},
		{"interval kept", "We compare with a uniform [0,1] value, and update it.", "We compare with a uniform [0,1] value, and update it."},
		{"interval with decimals and a dash kept", "We tune it in the range [0.01-0.5].", "We tune it in the range [0.01-0.5]."},
		{"half-open interval kept", "We draw β from (0, 1] each step.", "We draw β from (0, 1] each step."},
		{"interval to infinity kept", "Scores lie in [-1, ∞) here.", "Scores lie in [-1, ∞) here."},
		{"citation after that stays", "We show that [3] is wrong about depth.", "We show that [3] is wrong about depth."},
		{"citation after a verb and its subject stays", "We extend [12] to graphs.", "We extend [12] to graphs."},
		{"citation after a verb, an adverb and its subject stays", "We also follow [7, 8] closely.", "We also follow [7, 8] closely."},
		{"citation after a verb of a modal stays", "One can use [3] here.", "One can use [3] here."},
		{"citation after a citing verb stays", "Our method outperforms [3] on all tasks.", "Our method outperforms [3] on all tasks."},
		{"citation after a citing verb before a comma stays", "These results contradict [6], which found no effect.", "These results contradict [6], which found no effect."},
		{"citation after both stays", "Both [3] and [4] fail on graphs.", "Both [3] and [4] fail on graphs."},
		{"citation after upon stays", "We build upon [3] and [4].", "We build upon [3] and [4]."},
		{"citation after a participle is an aside", "This has been studied [3, 4].", "This has been studied."},
		{"citation after a noun before to is an aside", "We use the method [3] to solve it.", "We use the method to solve it."},
		{"author-year citation after a verb stays", "We extend (Smith et al., 2020) to graphs.", "We extend (Smith et al., 2020) to graphs."},
		{"author-year citation after by before a word stays", "As shown by (Lee, 2019) for trees, depth helps.", "As shown by (Lee, 2019) for trees, depth helps."},
		{"author-year citation after a noun is an aside", "Prior work (Smith et al., 2020) fails.", "Prior work fails."},
		{"citation after an open-class verb of a noun subject stays", "This paper revises [3] to handle graphs with cycles.", "This paper revises [3] to handle graphs with cycles."},
		{"citation after a verb before on stays", "Our method matches [3] on accuracy.", "Our method matches [3] on accuracy."},
		{"citation after a verb before an adverb stays", "This paper answers [3] negatively.", "This paper answers [3] negatively."},
		{"citation after a verb before as stays", "Our theorem recovers [3] as a special case.", "Our theorem recovers [3] as a special case."},
		{"citation after a verb before and stays", "This paper critiques [3] and proposes a fix.", "This paper critiques [3] and proposes a fix."},
		{"citation after a verb of an adjective subject stays", "The new bound tightens [3] by a log factor.", "The new bound tightens [3] by a log factor."},
		{"citation run after a verb stays", "Our formulation subsumes [3] and [4] as special cases.", "Our formulation subsumes [3] and [4] as special cases."},
		{"citation after a gerund after a comma stays", "Our model reaches 90% accuracy, outperforming [3] by 5 points.", "Our model reaches 90% accuracy, outperforming [3] by 5 points."},
		{"citation after an opening gerund stays", "Extending [3], we prove a tighter bound.", "Extending [3], we prove a tighter bound."},
		{"citation after a gerund after by stays", "We prove a tighter bound by generalizing [3] to graphs.", "We prove a tighter bound by generalizing [3] to graphs."},
		{"citation after using stays", "We train a graph network using [3] and report accuracy.", "We train a graph network using [3] and report accuracy."},
		{"citation after have and a participle stays", "We have extended [3] to graphs.", "We have extended [3] to graphs."},
		{"citation after a copula stays", "The closest work to ours is [3].", "The closest work to ours is [3]."},
		{"citation after a copula before a comma stays", "The best baseline is [3], which fails on long inputs.", "The best baseline is [3], which fails on long inputs."},
		{"citations after neither stay", "Neither [3] nor [4] scales to long inputs.", "Neither [3] nor [4] scales to long inputs."},
		{"citation after an opening connective stays", "However [3] showed that the bound is loose.", "However [3] showed that the bound is loose."},
		{"citation after an opening adverb stays", "Recently [3] proposed a linear-time attention.", "Recently [3] proposed a linear-time attention."},
		{"citation after which stays", "The method which [3] proposed fails on graphs.", "The method which [3] proposed fails on graphs."},
		{"citation after when stays", "The bound fails when [3] is applied to graphs.", "The bound fails when [3] is applied to graphs."},
		{"citation after despite stays", "Despite [3], the problem remains open.", "Despite [3], the problem remains open."},
		{"citation after without stays", "Without [3], training diverges.", "Without [3], training diverges."},
		{"citations after among stay", "Among [3] and [4], only one scales.", "Among [3] and [4], only one scales."},
		{"possessive citation stays", "This paper studies [3]'s conjecture on graphs.", "This paper studies [3]'s conjecture on graphs."},
		{"author-year citation after an open-class verb stays", "This paper revises (Smith et al., 2020) to handle graphs.", "This paper revises (Smith et al., 2020) to handle graphs."},
		{"author-year citation after a gerund stays", "Our model is fast, outperforming (Smith et al., 2020) by 5 points.", "Our model is fast, outperforming (Smith et al., 2020) by 5 points."},
		{"author-year citation with two year suffixes stays", "We extend (Smith et al., 2020a, b) to graphs.", "We extend (Smith et al., 2020a, b) to graphs."},
		{"author-year citation with glued year suffixes stays", "We extend (Smith et al., 2020a,b) to graphs.", "We extend (Smith et al., 2020a,b) to graphs."},
		{"author-year aside with two year suffixes dropped", "Prior work (Smith et al., 2020a, b) fails on graphs.", "Prior work fails on graphs."},
		{"citation range dropped together", "Transformers [3]-[5] are slow on long inputs.", "Transformers are slow on long inputs."},
		{"citation range with an en dash dropped together", "Transformers [3]–[5] are slow on long inputs.", "Transformers are slow on long inputs."},
		{"citation after an opening phrase's comma is a subject", "Unlike GAT [3], [4] uses neighbour sampling.", "Unlike GAT, [4] uses neighbour sampling."},
		{"on is no joining word", "We train ResNet [3] on [4] and report accuracy.", "We train ResNet on [4] and report accuracy."},
		{"noun compound before a citation is an aside", "We use spectral element methods [3] for the flow.", "We use spectral element methods for the flow."},
		{"citation after deep learning is an aside", "Deep learning [3] is popular.", "Deep learning is popular."},
		{"numbered citations after nouns dropped", "Recent methods [3, 5] fail and others [5-7] too.", "Recent methods fail and others too."},
		{"aside between commas inside a clause", "We study, in this paper, a scale-equivariant CNN.", "We study a scale-equivariant CNN."},
		{"aside after a subject other than we", "The model, in this paper, is trained on ImageNet.", "The model is trained on ImageNet."},
		{"aside after a plural subject", "Our results, in this work, apply to any graph.", "Our results apply to any graph."},
		{"aside after an adverbial before the subject", "For large graphs, in this work, the bound holds.", "For large graphs, the bound holds."},
		{"aside between commas after an opening adverbial", "In detail, in this paper, instead of a new term, we adopt FactorVAE.", "In detail, instead of a new term, we adopt FactorVAE."},
		{"aside after that", "Our analysis shows that, in this work, the bound is tight for all graphs.", "Our analysis shows that the bound is tight for all graphs."},
		{"aside after that before an adverb", "This suggests that, in this work, the model memorizes.", "This suggests that the model memorizes."},
		{"aside after a verb before its object stays", "The numerical values associated with entities explain, to some extent, the relational structure of the knowledge base.", "The numerical values associated with entities explain, to some extent, the relational structure of the knowledge base."},
		{"aside after a verb before a subject stays", "Training helps, in this work, the model generalizes.", "Training helps, in this work, the model generalizes."},
		{"aside after a subject opening even", "Even small networks, in this work, can memorize random labels of images.", "Even small networks can memorize random labels of images."},
		{"aside after even before a verb", "Even deep models, in this work, fail on it.", "Even deep models fail on it."},
		{"aside after an adverbial holding a subject stays", "In most cases our method, in this work, converges quickly.", "In most cases our method, in this work, converges quickly."},
		{"aside after an adverbial clause before a noun stays", "Since the loss is convex, in this work, gradient descent converges.", "Since the loss is convex, in this work, gradient descent converges."},
		{"aside after an adverbial whose noun has a determiner", "Despite their success, in this work, these models fail.", "Despite their success, these models fail."},
		{"aside after a long adverbial before no subject stays", "In most cases models, in this work, converge quickly.", "In most cases models, in this work, converge quickly."},
		{"aside after a long opening clause before we", "Considering that the features are similar across rooms, in this paper, we re-use parameters.", "Considering that the features are similar across rooms, we re-use parameters."},
		{"aside after a one-word subject", "Transformers, in this work, can represent any function.", "Transformers can represent any function."},
		{"aside after a subordinate clause before a subject stays", "When the data is scarce, in this work, the bound is loose.", "When the data is scarce, in this work, the bound is loose."},
		{"formula kept", "We bound f(x) tightly.", "We bound f(x) tightly."},
		{"missing period", "We study things", "We study things."},
		{"lower-case start", "moreover, results improve.", "Results improve."},
		{"CJK stop", "我们提出了一种方法。", "我们提出了一种方法。"},
		{"unbalanced", "We study (a case.", "We study (a case."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, compress.Clean(tt.in))
		})
	}
}

// Citations the sentence needs, in real sentences: SciTLDR's and a PLOS ONE article's (the shared fixture), some
// with their object or subject turned into a numbered citation, as papers in a numbered style write them. Each lost
// its citation, and so its sense ("Our experiments support and establish"), or left part of a list behind.
func TestCleanCitationsInRealSentences(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		// SciTLDR: "Our experiments support these theoretical findings and establish strong, simple, …"
		{"verb without -s after a plural subject", "Our experiments support [12] and establish strong, simple baselines.",
			"Our experiments support [12] and establish strong, simple baselines."},
		// SciTLDR: "We also empirically demonstrate how Bayesian RNNs are superior to traditional RNNs"
		{"verb after its subject and two adverbs", "We also empirically compare [7] to traditional RNNs.",
			"We also empirically compare [7] to traditional RNNs."},
		// SciTLDR (Bk-ofQZRb): "Previous work like \citet{sutton2009fast} and \citet{sutton2009convergent} has presented …"
		{"bare label before its number", "Work [4] has presented alternative objectives that are stable to minimize.",
			"Work [4] has presented alternative objectives that are stable to minimize."},
		{"label after a preposition", "The update is stable, as shown in Section [3] for linear models.",
			"The update is stable, as shown in Section [3] for linear models."},
		{"acronym that ends a sentence is no label", "We use BERT. (1) It is fast. (2) It is small.",
			"We use BERT. It is fast. It is small."},
		{"label word that ends a sentence is no label", "See Table. (1) The first row. (2) The second row.",
			"See Table. The first row. The second row."},
		{"work that ends a sentence is no label", "Details are in the Related Work. (1) We first study X.",
			"Details are in the Related Work. We first study X."},
		// SciTLDR: "follow the gradients of the loss given by BPTT (Theorem 1)"
		{"abbreviated label before a number in parentheses", "They follow the gradients of the loss given by Eq. (3) exactly.",
			"They follow the gradients of the loss given by Eq. (3) exactly."},
		{"label before a number in parentheses", "They follow the gradients of the loss given by Equation (3) exactly.",
			"They follow the gradients of the loss given by Equation (3) exactly."},
		{"list after a label keeps all its numbers", "Eq. (3) and (4) hold for every step.", "Eq. (3) and (4) hold for every step."},
		{"comma list after a label keeps all its numbers", "Bounds follow from Eqs. (3), (4), or (5) alone.",
			"Bounds follow from Eqs. (3), (4), or (5) alone."},
		{"range after a label goes on to a list", "Eqs. (3)-(4) and (5) hold for every convex loss.",
			"Eqs. (3)-(4) and (5) hold for every convex loss."},
		{"range with an en dash after a label goes on to a list", "Eqs. (3)–(4) and (5) hold for every convex loss.",
			"Eqs. (3)–(4) and (5) hold for every convex loss."},
		{"abbreviated theorem before its number", "By Thm. (2) the rate is optimal for smooth losses.",
			"By Thm. (2) the rate is optimal for smooth losses."},
		{"abbreviated proposition before a list", "Prop. (4) and (5) give the bound for smooth losses.",
			"Prop. (4) and (5) give the bound for smooth losses."},
		{"enumeration marks still go", "The loss is the sum of (1) a data term and (2) a penalty.", "The loss is the sum of a data term and a penalty."},
		{"adjective that asks for a noun", "Previous [3] has shown that attention suffices.", "Previous [3] has shown that attention suffices."},
		{"quantifier inside a clause: an aside", "Unlike several [3], we train on raw text.", "Unlike several, we train on raw text."},
		{"prior as a noun: an aside", "We put a Gaussian prior [3] on the weights.", "We put a Gaussian prior on the weights."},
		{"determiner before a label: an aside", "This work [4] has presented alternative objectives.", "This work has presented alternative objectives."},
		{"list of asides joined by and goes whole", "Previous work [3] and [4] has presented alternative objectives.",
			"Previous work has presented alternative objectives."},
		// PLOS ONE: "… cause fever and warmth-seeking behavior [4], [5], whereas high doses (severe inflammation) cause …"
		{"list of asides joined by commas goes whole", "Low doses cause fever and warmth-seeking behavior [4], [5], whereas high doses cause hypothermia.",
			"Low doses cause fever and warmth-seeking behavior, whereas high doses cause hypothermia."},
		// PLOS ONE: "… remain intact in POA-lesioned animals [20], [21], [45], [46]."
		{"list of asides at the end goes whole", "Other behaviors remain intact in POA-lesioned animals [20], [21], [45], [46].",
			"Other behaviors remain intact in POA-lesioned animals."},
		{"aside before a comma and a word", "Unlike GAT [3], it uses sampling.", "Unlike GAT, it uses sampling."},
		{"list after a comma that a word follows is two", "Unlike GAT [3], [4] uses sampling.", "Unlike GAT, [4] uses sampling."},
		{"comma list that goes on with and is two", "Unlike GAT [3], [4] and [5] use sampling.", "Unlike GAT, [4] and [5] use sampling."},
		{"comma list after a subject goes whole", "Prior work [3], [4] fails on long documents.", "Prior work fails on long documents."},
		{"comma and list after a subject goes whole", "Methods [3], [4] and [5] fail on noisy labels.", "Methods fail on noisy labels."},
		{"comma list after an opening phrase keeps the subject", "Compared with ResNet [3], [4] and [5] use fewer parameters.",
			"Compared with ResNet, [4] and [5] use fewer parameters."},
		{"comma list after a noun and its preposition goes whole", "Methods for graphs [3], [4] and [5] fail on noisy labels.",
			"Methods for graphs fail on noisy labels."},
		{"a sentence's first word in -s is no name", "Transformers [3] and [4] show gains on long inputs.", "Transformers show gains on long inputs."},
		{"a singular first word before a plural verb names a work", "Adam [3] and [4] converge slowly on sparse problems.",
			"Adam and [4] converge slowly on sparse problems."},
		{"a comma list after it too", "Adam [3], [4] and [5] converge slowly on sparse problems.", "Adam, [4] and [5] converge slowly on sparse problems."},
		{"before are", "Dropout [5] and [6] are two regularisers for deep networks.", "Dropout and [6] are two regularisers for deep networks."},
		{"before have", "Attention [3] and [4] have become popular for translation.", "Attention and [4] have become popular for translation."},
		{"a singular first word before a singular verb is no name", "Dropout [5] and [6] is a regulariser for deep networks.",
			"Dropout is a regulariser for deep networks."},
		{"an adverb after the run is no singular verb", "Adam [3] and [4] thus converge on sparse problems.",
			"Adam and [4] thus converge on sparse problems."},
		{"nor is a verb in -ss", "Dropout [5] and [6] address overfitting in deep networks.",
			"Dropout and [6] address overfitting in deep networks."},
		{"nor one in -us", "Mixup [3] and [4] focus on calibration.", "Mixup and [4] focus on calibration."},
		{"a name in -us is no plural", "Pegasus [3] and [4] are pretrained for summarisation.",
			"Pegasus and [4] are pretrained for summarisation."},
		{"comma list after an opening phrase of two words keeps the subject", "In contrast to attention [3], [4] use sampling.",
			"In contrast to attention, [4] use sampling."},
		{"after a head and of", "Instead of attention [3], [4] and [5] use convolutions.",
			"Instead of attention, [4] and [5] use convolutions."},
		{"after as in", "As in prior work [3], [4] use a linear warm-up.", "As in prior work, [4] use a linear warm-up."},
		// any other opening keeps the subject
		{"after thanks to", "Thanks to attention [3], [4] scale to long contexts.", "Thanks to attention, [4] scale to long contexts."},
		{"after rather than", "Rather than attention [3], [4] use convolutions.", "Rather than attention, [4] use convolutions."},
		{"after aside from", "Aside from attention [3], [4] use recurrence.", "Aside from attention, [4] use recurrence."},
		{"after in particular", "In particular [3], [4] use sparse attention.", "In particular, [4] use sparse attention."},
		{"after an infinitive", "To handle long inputs [3], [4] propose sparse attention.", "To handle long inputs, [4] propose sparse attention."},
		{"after by and a gerund", "By using large batches [3], [4] train faster.", "By using large batches, [4] train faster."},
		{"after a subordinator the run goes whole", "As models [3], [4] grow larger, memory becomes the bottleneck.",
			"As models grow larger, memory becomes the bottleneck."},
		{"perhaps is no singular verb", "Adam [3] and [4] perhaps converge.", "Adam and [4] perhaps converge."},
		{"nor is sometimes", "Adam [3] and [4] sometimes converge.", "Adam and [4] sometimes converge."},
		{"list after a name keeps a second work", "We compare with GCN [3] and [4].", "We compare with GCN and [4]."},
		{"and list after a phrase opener keeps the next works", "For node classification [3], [4] and [5] use sampling.",
			"For node classification, [4] and [5] use sampling."},
		{"comma list after a name keeps a second work", "Baselines include GCN [3], GAT [4] and [5].", "Baselines include GCN, GAT and [5]."},
		{"and list after a name keeps the next clause's subject", "Unlike GAT [3] and [4], [5] uses sampling.", "Unlike GAT and [4], [5] uses sampling."},
		{"and after a comma after a name keeps the subject", "Unlike GAT [3], and [4] uses sampling.", "Unlike GAT, and [4] uses sampling."},
		// CleanText reads a \cite used as a noun as its keys, which need not hold a digit
		{"keys without a digit as a noun stay", "The work of [vaswani] has shown that attention helps.",
			"The work of [vaswani] has shown that attention helps."},
		{"and list of keys without a digit goes whole", "Graph networks [kipf] and [hamilton] have become popular.",
			"Graph networks have become popular."},
		{"comma list of keys without a digit goes whole", "Pretrained encoders [devlin], [liu] learn from raw text.",
			"Pretrained encoders learn from raw text."},
		// CleanText reads a \cite with options as natbib prints it ("[a, Thm. 1]", "[see a, Ch. 2]"): a citation too
		{"keys with a note as a noun stay", "As shown in [smith20, Thm. 1], the bound holds.",
			"As shown in [smith20, Thm. 1], the bound holds."},
		{"keys with notes before and after as a noun stay", "We follow [see a, Ch. 2] and [b, c, Section 3] closely.",
			"We follow [see a, Ch. 2] and [b, c, Section 3] closely."},
		{"keys with notes of any locator as a noun stay", "As shown in [a, Eq. (3), p. 4] and [b, Sec. 3.1; Fig. 2], it holds.",
			"As shown in [a, Eq. (3), p. 4] and [b, Sec. 3.1; Fig. 2], it holds."},
		{"keys with a quoted or non-ASCII note as a noun stay", "As shown in [a, “Thm. 2”] and [b, Théorème 1], it holds.",
			"As shown in [a, “Thm. 2”] and [b, Théorème 1], it holds."},
		{"list of keys with notes goes whole", "Transformers [a] and [b, Sec. 2] dominate NLP.", "Transformers dominate NLP."},
		{"range of keys with notes goes whole", "Transformers [e.g., a]–[c, pp. 3–5] dominate NLP.", "Transformers dominate NLP."},
		{"keys with a note after an opening phrase keep the subject", "Unlike GAT [a, Sec. 2], [b] uses sampling.",
			"Unlike GAT, [b] uses sampling."},
		{"bracketed token the sentence needs stays", "We predict the [MASK] token from its context.",
			"We predict the [MASK] token from its context."},
		{"list after neither stays", "Neither [3] nor [4] has presented stable objectives.", "Neither [3] nor [4] has presented stable objectives."},
		{"list as a subject stays", "[3] and [4] have presented alternative objectives.", "[3] and [4] have presented alternative objectives."},
		{"adverb after a plural noun is no verb", "Tricks like a target network that updates slowly [5].", "Tricks like a target network that updates slowly."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, compress.Clean(tt.in))
		})
	}
}

func TestHeadsAndCuts(t *testing.T) {
	heads := compress.Heads("To address this, we introduce a new framework called DCC, which divides programs, and show that it scales.")
	assert.Equal(t, []compress.Head{
		{Text: "We introduce a new framework called DCC, which divides programs, and show that it scales.", Kind: compress.KindNone},
	}, heads, "the lead-in goes; no leading clause is left")

	heads = compress.Heads("While most methods need labels, we learn from raw video, which is cheap.")
	assert.Len(t, heads, 2)
	assert.Equal(t, compress.Head{Text: "We learn from raw video, which is cheap.", Kind: compress.KindLeadWe}, heads[1])

	text := heads[0].Text
	var got []string
	for _, c := range compress.Cuts(text) {
		got = append(got, compress.Text(text, c.At))
	}
	assert.Equal(t, []string{
		"While most methods need labels.", "While most methods need labels, we learn from raw video.", "While most methods need labels, we learn from raw video.",
	}, got)
	assert.True(t, compress.NeedsComplement("called"))
	assert.False(t, compress.NeedsComplement("framework"))
}

func TestCleanDropsAFindingsOpeningKeepsAHedge(t *testing.T) {
	assert.Equal(t, "Attention alone suffices for translation.", compress.Clean("We find that attention alone suffices for translation."))
	assert.Equal(t, "We believe that attention alone suffices for translation.", compress.Clean("We believe that attention alone suffices for translation."), "a belief stays one")
	// a word or phrase that weakens the claim stays: without it the TL;DR would claim more than the paper
	for _, s := range []string{"This method potentially improves recall.", "GANs can in principle learn the distribution.",
		"The recognizer in some cases allows the agent to learn stacking.", "Deep nets, to some extent, memorize labels.",
		"This is perhaps the first such bound.", "The result is possibly unsatisfactory.", "The bound is somewhat loose.",
		"This is arguably the simplest model.", "The loss is presumably convex."} {
		assert.Equal(t, s, compress.Clean(s))
	}
	assert.Equal(t, "We find that.", compress.Clean("We find that."), "too short to stand alone")
}

// TestFirstCutIsCutsInRange holds FirstCut, which the scorer asks between words, to the first of Cuts
// in every range of a sentence with cuts of each sort, some of them in one gap (", which").
func TestFirstCutIsCutsInRange(t *testing.T) {
	text := "We train a model on images, which are cheap; results: it wins by far — and via tricks, while others fail with data for on-line use in practice."
	cuts := compress.Cuts(text)
	require.Greater(t, len(cuts), 10)
	for from := 0; from <= len(text); from++ {
		for to := from; to <= len(text); to++ {
			want, wantOK := compress.Cut{}, false
			for _, c := range cuts {
				if c.At >= from && c.At < to {
					want, wantOK = c, true
					break
				}
			}
			got, ok := compress.FirstCut(text, from, to)
			require.Equal(t, wantOK, ok, "text[%d:%d]", from, to)
			require.Equal(t, want, got, "text[%d:%d]", from, to)
		}
	}
}

// A subject that points back gives way only to a sentence in the paper's own voice; the dummy "it" of "It is hard
// to…" and the paper itself ("This short workshop paper…") point at nothing the card leaves out.
func TestPointsBackAndOwnVoice(t *testing.T) {
	tests := []struct {
		in        string
		back, own bool
	}{
		{"This motivates an alternative objective for distillation.", true, false},
		{"These methods fail on large graphs.", true, false},
		{"It applies formal methods to driver models.", true, false},
		{"It is a key hurdle that remains open.", true, false},
		{"They fail on large graphs.", true, false},
		{"It is attractive to consider Bayesian networks.", false, false},
		{"It is well known that deep networks overfit.", false, false},
		{"It has been shown that deep networks overfit.", false, false},
		{"This paper studies sign descent.", false, true},
		{"This workshop paper outlines a student network.", false, true},
		{"This short workshop paper outlines a student network.", false, true},
		{"These methods work well on large graphs.", true, false},
		{"In this paper we study sign descent.", false, true},
		{"The aim of this study is to introduce a framework.", false, true},
		// a journal's voice: the paper or its authors after "the" (Inspec dev 1839, 1889, 1794)
		{"The paper aims to analyse the developments that might occur in a society.", false, true},
		{"In the paper, an analytical model is developed to characterize the dynamics.", false, true},
		{"The authors perform linear smoothing over smooth areas.", false, true},
		{"The article considers the representation of Boolean functions.", false, true},
		{"The work of Smith extends boosting to graphs.", false, false},
		{"The research community has long studied boosting.", false, false},
		{"The papers on boosting study graphs.", false, false},
		// only the paper's own: not other people's papers, paper the material, or an article of a law
		{"In particular, the authors perform linear smoothing over smooth areas.", false, true},
		{"The authors of an earlier study argued that cadastral mapping alone keeps land records up to date.", false, false},
		{"In the paper by Williamson, land administration is treated as a static register of parcels.", false, false},
		{"Unlike the authors of earlier land reforms, planners today expect tenure to change.", false, false},
		{"The paper records of the land registry in many countries are incomplete and often lost.", false, false},
		{"The article 12 of the land code lists tenure, value and use of land as registered rights.", false, false},
		{"In contrast, the authors of [4] perform isotropic smoothing everywhere and blur the edges.", false, false},
		{"The paper industry uses such filters to inspect the paper web for holes and streaks.", false, false},
		{"The paper by Smith et al. showed that pruning always helps.", false, false},
		{"According to the authors of prior work, random walk kernels are optimal.", false, false},
		{"The paper mills in Finland keep their land records in static registers.", false, false},
		{"The paper records show that registries in many countries are incomplete.", false, false},
		{"The authors cited in [4] argued that cadastral mapping alone keeps land records up to date.", false, false},
		{"The authors who built the first cadastre argued that mapping alone keeps records up to date.", false, false},
		{"In the paper, Williamson argues that land administration is a static register of parcels.", false, false},
		{"In the paper, we model land administration as a dynamic register.", false, true},
		{"The paper focuses on the dynamic component of land administration.", false, true},
		{"We propose sign descent.", false, true},
		{"Our method converges.", false, true},
		{"Knowledge distillation, the standard approach to these problems, minimizes the KL divergence.", false, false},
		{"Weights are random in this work's baseline.", false, false},
		{"Instead, it uses a top-down modulation network.", true, false},
		{"On the other hand, this method diverges.", true, false},
		{"However, it is hard to tune the step size.", false, false},
		{"However, we tune the step size.", false, false},
		// a kept "We argue that" is read past: what it argues may point back anywhere
		{"We argue that this imposes a limitation on message passing.", true, false},
		{"In this paper, we argue that these methods fail on large graphs.", true, false},
		{"We believe that a class of invertible networks is well suited for this task.", true, false},
		{"We hypothesize that it is more natural to propagate labels in the graph instead.", true, false},
		{"We argue that deeper networks memorize rare examples.", false, true},
		{"We argue that depth, instead of width, helps such as in vision.", false, true},
		{"We conjecture that the bound in this paper is tight.", false, true},
		// "those of", "such that" and "this paper's" point at nothing before the claim
		{"We argue that the features of deep networks are similar to those of the visual cortex.", false, true},
		{"We argue that the best learners are those who forget.", false, true},
		{"We hypothesize that the optimal policy is such that each agent acts greedily.", false, true},
		{"We argue that the gains of this paper's method come from data.", false, true},
		{"We argue that the gains of this paper’s method come from data.", false, true},
		{"We conjecture that agents trained with such auxiliary losses learn faster.", true, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.back, compress.PointsBack(tt.in), "PointsBack(%q)", tt.in)
		// own voice as the scorer reads it: opening in it, and not an argued claim that points back
		assert.Equal(t, tt.own, compress.OpensOwnVoice(tt.in) && !compress.ArguedPointsBack(tt.in), "own voice: %q", tt.in)
	}
}

// A sentence that would take the place of an argued claim points back if a pointer is anywhere in it, or if an
// "it" or "them" is its first verb's object; a later pronoun may name a noun of the sentence itself.
func TestPointsBackAnywhere(t *testing.T) {
	for in, want := range map[string]bool{
		"We test it on ImageNet and on three language benchmarks.":                                 true,
		"We then evaluate them on Atari.":                                                          true,
		"We prove this for potential games and show it empirically in three domains.":              true,
		"We evaluate this claim on Atari and DeepMind Lab.":                                        true,
		"This motivates an alternative objective.":                                                 true,
		"Our results show a strong match in the later layers.":                                     false,
		"We discuss how argumentation can aid in extracting causalities, and how to explain them.": false,
		"We propose a new readout for graph networks and compare it with those of prior work.":     false,
		"In this paper, we show that depth helps such that width matters less.":                    false,
		"We demonstrate the new method in comparisons for actual room recordings.":                 true,
		"We also present two novel hash functions.":                                                true,
		"Our theoretical results thus suggest that pruning could be successful.":                   true,
	} {
		assert.Equal(t, want, compress.PointsBackAnywhere(in), in)
	}
}

func TestObjectPointsBack(t *testing.T) {
	for in, want := range map[string]bool{
		"We reduce this cost by skipping channels.":            true,
		"We aim to quantify this benefit on two tasks.":        true,
		"We also study these networks in robot planning.":      true,
		"We achieve this by pruning.":                          true,
		"We address this issue by proposing a new loss.":       false, // dropGlueClaim's
		"We call this model the Neural Execution Engine.":      false, // it names what it points at
		"We study this paper's claim.":                         false,
		"We compare methods such as pruning and distillation.": false,
		"We study cases such that the bound is tight.":         false,
		"This motivates a new loss.":                           false, // PointsBack's
		"We show that this property holds for wide networks.":  false,
		"We show this property holds for wide networks.":       false, // a claim, as with "that"
		"We believe these results extend to graphs.":           false,
		"We apply this method to protein folding.":             true,  // apply, rely: verbs, not adverbs
		"We rely on this assumption only once.":                false, // "on" is no pointer
		"We supply these labels to the annotators.":            true,
	} {
		assert.Equal(t, want, compress.ObjectPointsBack(in), in)
	}
}

// A sentence takes the place of a TL;DR whose object points back only if a reader of it alone follows it.
func TestStandsAlone(t *testing.T) {
	for in, want := range map[string]bool{
		"We reduce the running time of all existing gradient descent algorithms.":           true,
		"We propose a value iteration recurrence, the soft value iteration network (SVIN).": true,
		"We evaluate on ImageNet and three language benchmarks.":                            true,
		"We compare FBS to a range of existing channel pruning schemes.":                    false,
		"We connect GR to examples weighting.":                                              false,
		"We call our approach Learning to Learn to Communicate.":                            false,
		"We release Craystack, a library for lossless compression.":                         false,
		"Our code is available online.":                                                     false,
		"We also present two novel hash functions.":                                         false,
		"We reduce this cost by skipping channels.":                                         false,
		"We hope that our work inspires research on scalable learning.":                     false,
		"We leave an extension to dynamic graphs for future work.":                          false,
		"Our extension to dynamic graphs is left to future work.":                           false,
		"We thank the reviewers for their comments.":                                        false,
		"We provide the first convergence proof for Adam.":                                  true,
		"We make no assumption on the noise.":                                               true,
		"We provide a library for lossless compression.":                                    false,
	} {
		assert.Equal(t, want, compress.StandsAlone(in), in)
	}
	for raw, want := range map[string]bool{
		"Then, we use simple image processing to measure the objects.": true,
		"We further develop a perturbative prescription.":              true,
		"Thus, our method scales.":                                     true,
		"We use simple image processing to measure the objects.":       false,
		"Here we propose a new loss.":                                  false,
		"Further, we show a fivefold speedup.":                         true,
		"Consequently, we obtain a speedup.":                           true,
		"In addition, we obtain a speedup.":                            true,
		"Second, we obtain a speedup.":                                 true,
		"As a consequence of fast estimation, we reduce the time.":     true,
		"Here, we propose a new loss.":                                 false,
	} {
		assert.Equal(t, want, compress.LeadConnective(raw), raw)
	}
	assert.True(t, compress.BorrowsName("We show that networks are ArbNets.", "We generalize this method into a framework (ArbNets) that…"))
	assert.False(t, compress.BorrowsName("We show that networks are ArbNets.", "We generalize this method into a framework that…"))
	assert.True(t, compress.Proposes("We reduce this cost by skipping channels and propose FBS, a new method."))
	assert.False(t, compress.Proposes("We break this barrier by sampling."))
	assert.False(t, compress.Proposes("We reduce this cost by sampling subgraphs with a learned proposal."))
	assert.False(t, compress.Proposes("We reduce this cost with the proposed sampler."))
}
