package scorer

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// modelFavouring returns the trained model with stage two's weight for a cut kind raised so far that a cut of
// that kind wins wherever one is allowed: a test then sees which cuts the choice allows.
func modelFavouring(t *testing.T, feature string) *Model {
	t.Helper()
	m := trainedModel(t)
	_, ok := m.Candidate[feature]
	require.True(t, ok, feature)
	m.Candidate[feature] = 50
	m.Prepare()
	return m
}

// trainedModel returns the model of weights.json, not yet prepared.
func trainedModel(t *testing.T) *Model {
	t.Helper()
	data, err := os.ReadFile("../../weights.json")
	require.NoError(t, err)
	var m Model
	require.NoError(t, json.Unmarshal(data, &m))
	return &m
}

// No TL;DR ends at a comma between two modifiers whose noun comes after, told by a list of modifiers that no
// suffix marks ("simple", "smooth") as well as by the suffixes: real sentences of SciTLDR abstracts (train
// HylvlaVtwr, HylINLUKuV). After a form of "be" or an adverb, the first word closes its clause and the cut
// stays allowed (dev r1esys0Nd4 "when training set is small, neural networks will be biased").
func TestNoCutBetweenTwoModifiers(t *testing.T) {
	m := modelFavouring(t, "cut_comma")
	for _, tt := range []struct{ sentence, broken string }{
		{"We propose a hierarchical reinforcement learning framework which relies on a collection of subtask controllers trained to imitate simple, reusable mocap motions, and a meta controller trained to execute the subtasks properly to complete the main task.",
			" imitate simple."},
		{"We demonstrate that WiSE-ALE has excellent information embedding properties, whilst still retaining the ability to learn a smooth, compact representation.",
			" a smooth."},
	} {
		got := m.Best("", []string{tt.sentence})
		assert.False(t, strings.HasSuffix(got, tt.broken), "%q", got)
	}
	got := m.Best("", []string{"The ability of available methods to draw effective decision boundaries is limited when the training set is small, neural networks will be biased to certain labels."})
	assert.Equal(t, "The ability of available methods to draw effective decision boundaries is limited when the training set is small.", got)
}

// No cut keeps a verb that announces the clause it drops: train HkxLXnAcFQ's TL;DR ended "…few-shot
// classification algorithms, with results showing." of "with results showing that deeper backbones…".
func TestNoCutAfterAnAnnouncingVerb(t *testing.T) {
	m := modelFavouring(t, "cut_that")
	got := m.Best("", []string{"In this paper, we present a consistent comparative analysis of several representative few-shot classification algorithms, with results showing that deeper backbones significantly reduce the gap across methods including the baseline."})
	assert.False(t, strings.HasSuffix(got, " showing."), "%q", got)
	assert.Greater(t, len(strings.Fields(got)), 3, "%q", got)
}

// Only a clause that bounds the claim counts as its scope; one that ties the sentence to others does not, and
// its TL;DR may still start at "We".
func TestScopeLead(t *testing.T) {
	for sentence, want := range map[string]bool{
		"For identifiable relation types, we are able to predict properties.": true,
		"Under mild assumptions, we prove that the method converges.":         true,
		"When applied to online speech recognition, we reduce latency.":       true,
		"In the convex case, we give a tight bound.":                          true,
		"In both feedforward and convolutional networks, we show it.":         true,
		"For this purpose, we introduce a new loss.":                          false,
		"For example, we can prune half the weights.":                         false,
		"Under this framework, we derive a new bound.":                        false,
		"In the experiments, we compare five methods.":                        false,
		"To address this, we propose a new loss.":                             false,
		"We propose a new loss.":                                              false,
	} {
		assert.Equal(t, want, scopeLead(sentence), sentence)
	}
}

// No cut drops the scope of a comparison or the "but also" of a "not only": with "on" cuts favoured, a sentence
// that claims the best accuracy keeps "on ImageNet", and one without a comparison is still cut there.
func TestNoCutBeforeTheScopeOfAComparison(t *testing.T) {
	m := modelFavouring(t, "cut_on")
	got := m.Best("", []string{"We present a quantization method for deep networks that achieves the highest accuracy to date on the ImageNet dataset with 3-bit weights."})
	assert.Contains(t, got, "on the ImageNet dataset", got)
	got = m.Best("", []string{"We present a quantization method for deep networks that we train and evaluate on the ImageNet dataset with 3-bit weights."})
	assert.Equal(t, "We present a quantization method for deep networks that we train and evaluate.", got)
	m = modelFavouring(t, "cut_in")
	got = m.Best("", []string{"We propose a new transformer with modified attention layers that not only outperforms the baseline network in BLEU score but also converges faster."})
	assert.Contains(t, got, "but also converges faster", got)
}
