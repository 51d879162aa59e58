package summarize

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// An acronym and the words it abbreviates are one thing on the card; other capitals and words are not.
func TestAbbreviates(t *testing.T) {
	for _, pair := range [][2]string{{"CNNs", "convolutional neural networks"}, {"CNN", "Convolutional Neural Network"},
		{"LSTM", "long short-term memory"}, {"GANs", "generative adversarial networks"}, {"RL", "reinforcement learning"}, {"NNs", "neural networks"}} {
		assert.True(t, abbreviates(pair[0], pair[1]), "%q %q", pair[0], pair[1])
	}
	for _, pair := range [][2]string{{"CNN", "convolutional networks"}, {"CNN", "convolutional neural network models"},
		{"cnn", "convolutional neural networks"}, {"C", "convolution"}, {"Cnn", "convolutional neural networks"},
		{"GaAs", "gallium arsenide"}, {"", ""}} {
		assert.False(t, abbreviates(pair[0], pair[1]), "%q %q", pair[0], pair[1])
	}
}

func TestIsVariant(t *testing.T) {
	for _, pair := range [][2]string{{"graph convolution networks", "graph convolutional networks"},
		{"adversarial loss", "adversarial losses"}, {"low rank decomposition", "low-rank decomposition"},
		{"generative models", "Generative Modeling"}, {"Zero-Shot Learning", "zero shot learning"},
		{"transient bias", "transient biases"}, {"schedule optimization", "scheduling optimization"},
		{"Schrödinger bridge", "schrödinger bridges"}, {"complex-valued neural networks", "complex-value neural networks"},
		{"tags", "tagging"}, {"hierarchical plans", "hierarchical planning"}, {"retrieved facts", "retrieve facts"},
		{"noise robust", "noise robustness"}, {"global translation invariance", "global translational invariance"},
		{"uncertainty estimates", "uncertainty estimation"}, {"strategy", "strategies"},
		{"surface realisation shared task", "surface realization shared task"}, {"analyse", "Analyze"},
		{"surface realisers", "surface realizers"}, {"optimisation", "optimized"}} {
		assert.True(t, isVariant(pair[0], pair[1]), "%q %q", pair[0], pair[1])
	}
	for _, pair := range [][2]string{{"high-order decoder", "high-order decoding"}, {"general model", "generation model"},
		{"state estimation", "statistics estimation"}, {"graph networks", "graph neural networks"},
		{"neural network", "network"}, {"anti-spam act", "anti-spam action"}, {"sign detection", "signal detection"},
		{"norm bound", "normal bound"}, {"cause inference", "causal inference"}, {"bran", "brand"},
		{"raising", "razing"}, {"sz", "zs"}, {"visa", "vita"}} {
		assert.False(t, isVariant(pair[0], pair[1]), "%q %q", pair[0], pair[1])
	}
}

// Reference marks are trimmed only in their lower- or title-case forms; all-caps acronyms and real words stay,
// and a phrase cut to one word goes (review of s23-kp, finding 1).
func TestWithoutRefMarks(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"ref trimmed", "random wells Ref", "random wells"},
		{"vol alone", "vol", ""},
		{"pp inside", "results pp experiments", ""},
		{"fig trimmed to one word", "Fig growth", ""},
		{"SEC acronym", "SEC Filings", "SEC Filings"},
		{"SEC acronym inside", "financial SEC filings", "financial SEC filings"},
		{"PP acronym", "PP attachment benchmark", "PP attachment benchmark"},
		{"REF acronym", "UK REF", "UK REF"},
		{"EQ acronym", "emotional EQ", "emotional EQ"},
		{"VOL acronym", "VOL index", "VOL index"},
		{"sec a word", "frames per sec", "frames per sec"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, withoutRefMarks(tt.in))
		})
	}
}

// A plural and a verb in -ing or -ed make a clause, but a singular -s noun, a noun in -ing or an -eed word
// do not (finding 2).
func TestVerbAfterPlural(t *testing.T) {
	for _, tt := range []struct {
		p      string
		clause bool
	}{
		{"news monitoring system", false}, {"chaos engineering", false}, {"systems engineering", false},
		{"options pricing", false}, {"pairs trading", false}, {"news feed", false}, {"twitter news feed", false},
		{"news feed ranking", false}, {"sports betting", false}, {"processes sharing resources", true},
		{"means tiered pricing", true}, {"tweets need", false}, {"seeds speed", false}, {"species detected", false},
		{"sequences encoded", true}, {"methods based", true}, {"groups consisting", true},
		{"decisions fostering reusability", true}, {"units used", true}, {"tasks requiring reasoning", true},
	} {
		t.Run(tt.p, func(t *testing.T) {
			assert.Equal(t, tt.clause, verbAfterPlural(tt.p))
		})
	}
}

// A plural and a verb that agrees with it make a clause, but an acronym is neither a verb nor a plural: "quantum
// dots LED" is a device, "daily steps MET" a unit, "GaAs grown" a formula; "CCNs" is a plural. A verb of
// baseVerbs in -s agrees with any subject (SciTLDR dev and train, session 27's audit).
func TestPluralThenVerb(t *testing.T) {
	for _, tt := range []struct {
		p      string
		clause bool
	}{
		{"online marketplaces evolve", true}, {"PC makers gone", true}, {"subdivisions converge", true},
		{"Subdivisions Converge", true}, {"quantum dots LED", false}, {"daily steps MET", false},
		{"GaAs grown", false}, {"MEMS built", false}, {"data sets", false}, {"neural networks", false},
		{"CCNs converge", true}, {"GANs converge", true}, {"signSGD converges", true}, {"sparsity emerges", true},
		{"semantic recognition suffers", true}, {"Hierarchy Emerges", true}, {"series converges", true},
		{"convergence analysis", false}, {"LEDs", false}, {"open source codes", false}, {"user needs", false},
		{"negative automatic thoughts", false}, // a participle and an s is a noun
		{"convolutional neural networks stems", true}, {"word stems", false}, {"learned primitives capture", true},
		{"motion capture", false},
	} {
		t.Run(tt.p, func(t *testing.T) {
			assert.Equal(t, tt.clause, pluralThenVerb(tt.p))
		})
	}
}

// Nested phrases: a run of the other's words or its first and last words, pairing words only as singular
// and plural (finding 3).
func TestNested(t *testing.T) {
	for _, tt := range []struct {
		a, b   string
		nested bool
	}{
		{"decision records", "generalized architectural decision records", true},
		{"generalized architectural decision records", "generalized markdown architectural decision records", true},
		{"molecules", "molecule generation model", true},
		{"strategy", "search strategies", true},
		{"mobility", "mobile sensor networks", false},
		{"networking", "network models", false},
		{"imaging", "image segmentation", false},
		{"neural networks", "neural network pruning methods", true},
		{"graph networks", "graph neural network pruning", false},
		{"learning action models", "learning action planning models", true},
		{"action models", "learning action planning models", false},
	} {
		t.Run(tt.a+"|"+tt.b, func(t *testing.T) {
			assert.Equal(t, tt.nested, nested(tt.a, tt.b))
			assert.Equal(t, tt.nested, nested(tt.b, tt.a))
		})
	}
}

// One word does not take the place of several distinct longer phrases; derived words are not nested
// (finding 3). Of the phrases nested in one, the shortest stays (finding 4).
func TestLessRedundant(t *testing.T) {
	for _, tt := range []struct {
		name     string
		in, want []string
	}{
		{"one word keeps its longer phrases", []string{"learning", "reinforcement learning", "transfer learning", "deep learning"},
			[]string{"learning", "reinforcement learning", "transfer learning", "deep learning"}},
		{"one word keeps them, after the rest", []string{"graph", "graph neural networks", "knowledge graph", "graph matching", "proteins"},
			[]string{"graph", "proteins", "graph neural networks", "knowledge graph", "graph matching"}},
		{"derived words name other things", []string{"network models", "computer networks", "networking"},
			[]string{"network models", "computer networks", "networking"}},
		{"one nested phrase stays", []string{"neural networks", "deep neural networks", "image data", "deep convolutional neural networks"},
			[]string{"neural networks", "image data", "deep neural networks"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, lessRedundant(append([]string(nil), tt.in...)))
		})
	}
}

// A noun compound that starts with a plural, as the subject of the title's verb, is no clause; a subject and
// its verb are (finding 5).
func TestClauseOfTitle(t *testing.T) {
	for _, tt := range []struct {
		title, p string
		clause   bool
	}{
		{"How Operations Research Improves Hospital Scheduling", "operations research", false},
		{"How Systems Biology Reshapes Drug Discovery", "systems biology", false},
		{"Why Sales Forecasting Fails", "sales forecasting", false},
		{"How Missing Covariates Bias Treatment Effects", "missing covariates", false},
		{"Whether Graph Neural Networks Generalize", "graph neural networks", false},
		{"How Reinforcement Learning Mitigates Task Conflicts in LLMs", "reinforcement learning mitigates task conflicts", true},
		{"How Reinforcement Learning Mitigates Task Conflicts in LLMs", "reinforcement learning mitigates", true},
		{"Why Large Language Models and Humans Converge and Diverge", "humans converge", true},
		{"WHY LARGE LANGUAGE MODELS AND HUMANS CONVERGE", "humans converge", true},
		{"Large Language Models and Humans Converge", "humans converge", false}, // no question
		{"Whether Large Models and Humans Converge", "humans converge", true},
	} {
		t.Run(tt.p, func(t *testing.T) {
			assert.Equal(t, tt.clause, clauseOfTitle(questionTitle(tt.title), tt.p))
		})
	}
}

// inList and wordList.has find whole words of a list only: a word inside another ("de" in "del" and "des"), a
// part of two words ("la le") or an empty word are not in it, wherever they stand in the list.
func TestInList(t *testing.T) {
	const list = "des de del la le"
	words := newWordList(list)
	for _, tt := range []struct {
		w  string
		in bool
	}{
		{"des", true}, {"de", true}, {"del", true}, {"le", true}, {"la", true},
		{"d", false}, {"e", false}, {"es", false}, {"dell", false}, {"la le", false}, {"", false}, {" ", false},
	} {
		assert.Equal(t, tt.in, inList(list, tt.w), "%q", tt.w)
		assert.Equal(t, tt.in, words.has(tt.w), "%q", tt.w)
	}
	assert.True(t, baseVerbs.has("underlie"), "the first word")
	assert.True(t, plainVerbs.has("taken"), "the last word")
	assert.True(t, plainVerbs.has("went"), "the first word after the joint of two lists")
	assert.True(t, foreignEnds.has("für"), "a word with a non-ASCII letter")
	assert.False(t, foreignEnds.has("fur"))
}

// A verb first leaves its object, a verb later its subject; nouns that look like verbs stay.
func TestWithoutClauseVerb(t *testing.T) {
	for _, tt := range []struct{ p, want string }{
		{"face image dataset containing", "face image dataset"},
		{"federated learning distributes model training", "federated learning"},
		{"machine learning holds", "machine learning"}, {"batch size grows", "batch size"},
		{"BERT Goes", "BERT"}, {"Swiss-Prot containing", "Swiss-Prot"}, {"story goes", ""},
		{"intelligent agent operating", "intelligent agent"}, {"hierarchical consisting", ""},
		{"convergence analysis covering asynchronous methods", "convergence analysis"},
		{"learn universal latent representations", "universal latent representations"},
		{"boosts adversarial robustness", "adversarial robustness"}, {"hurt performance", ""},
		{"Learns item scores", "item scores"}, {"stabilize training", ""}, {"popularize kernel theories", "kernel theories"},
		{"quantify epistemic uncertainty", "epistemic uncertainty"},
		{"sample realistic objects", "realistic objects"}, {"estimate optimal value functions", "optimal value functions"},
		{"computing temporal evolution", "temporal evolution"}, {"learning hierarchical policies", "hierarchical policies"},
		{"Learning Hierarchical Policies", "Hierarchical Policies"}, {"learning goal-conditioned policies", "goal-conditioned policies"},
		{"training deep networks", "deep networks"},
		// nouns in -ing, in -s and nouns that are verbs too
		{"machine learning", "machine learning"}, {"image processing", "image processing"},
		{"data mining", "data mining"}, {"transfer learning", "transfer learning"}, {"cloud computing", "cloud computing"},
		{"computing resources", "computing resources"}, {"word stems", "word stems"}, {"sample complexity", "sample complexity"},
		{"learning rate", "learning rate"}, {"learning signal", "learning signal"}, {"learning objective", "learning objective"},
		{"learning table", "learning table"}, {"model agnostic meta learning", "model agnostic meta learning"},
		{"model predictive control", "model predictive control"}, {"motion capture", "motion capture"},
		{"receiver operating characteristic", "receiver operating characteristic"},
		{"optimal combining weight coefficients", "optimal combining weight coefficients"},
		{"distribution preserving operations", "distribution preserving operations"},
		{"stepsize schedule", "stepsize schedule"}, {"mixed-size training regime", "mixed-size training regime"},
		{"easy-to-verify sufficient condition", "easy-to-verify sufficient condition"},
		{"Goes", "Goes"}, {"MIMICS dataset", "MIMICS dataset"},
	} {
		t.Run(tt.p, func(t *testing.T) {
			assert.Equal(t, tt.want, withoutClauseVerb(tt.p))
		})
	}
}

// withoutPraise drops a leading word of praise in any case, the shortest of them too, and the phrase when one
// word or a repeat is left.
func TestWithoutPraise(t *testing.T) {
	got := withoutPraise([]string{"Notable FLOPs savings", "notable gains", "impressive accuracy gains", "accuracy gains",
		"DRAMATIC speedup of training", "note taking"})
	assert.Equal(t, []string{"FLOPs savings", "accuracy gains", "speedup of training", "note taking"}, got)
}

// TestMayAskHoldsForEveryQuestion checks mayAsk, which spares questionTitle the lower-casing and splitting of
// most titles, against what it must not miss: a title whose lower-cased words hold "how", "why" or "whether",
// on every title of up to five characters over an alphabet of the letters those words have, in both cases,
// with spaces and characters beyond ASCII, and on titles of our own; and it lets most titles go.
func TestMayAskHoldsForEveryQuestion(t *testing.T) {
	asks := func(title string) bool {
		for _, w := range strings.Fields(strings.ToLower(title)) {
			if w == "how" || w == "why" || w == "whether" {
				return true
			}
		}
		return false
	}
	alphabet := []string{"w", "W", "h", "H", "o", "O", "y", "Y", " ", "K", "é"}
	var grow func(title string, left int)
	grow = func(title string, left int) {
		if asks(title) && !mayAsk(title) {
			t.Fatalf("mayAsk(%q) = false, and the title asks", title)
		}
		if left > 0 {
			for _, a := range alphabet {
				grow(title+a, left-1)
			}
		}
	}
	grow("", 5)
	for _, title := range []string{"Whether Deep Networks Generalize", "Learning HOW to Learn", "why we sleep", "WHETHER",
		"Knowing When and Why it Works"} {
		assert.True(t, asks(title) && mayAsk(title), title)
	}
	for _, title := range []string{"Networks with Attention", "Deep Networks for Graphs", "Wide Residual Networks"} {
		assert.False(t, mayAsk(title), "mayAsk(%q)", title)
	}
}
