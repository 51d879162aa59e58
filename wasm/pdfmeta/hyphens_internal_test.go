package pdfmeta

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A hyphen at a line's end was always dropped in abstracts ("multi-" / "layers" read "multilayers") and always
// kept in titles ("Regulari-" / "zation"). It is kept where the page shows it is part of the text.
func TestLineEndHyphens(t *testing.T) {
	text := []string{
		"Abstract We train networks of many layers with a multi-layer loss and study multi-",
		"layers, where regulari-",
		"zation helps. A Bose-",
		"Einstein condensate and GPT-",
		"4 run with-",
		"out a state-of-",
		"the-art model or other layers: the result of the",
		"model is the same.",
	}
	ls := make([]line, len(text))
	for i, s := range text {
		ls[i] = line{x0: 100, x1: 500, y: 700 - 12*float64(i), size: 9, text: s}
	}
	assert.Equal(t, "We train networks of many layers with a multi-layer loss and study multi-layers, where regularization "+
		"helps. A Bose-Einstein condensate and GPT-4 run without a state-of-the-art model or other layers: the result of "+
		"the model is the same.", abstract(ls))

	title := []line{
		{x0: 100, x1: 500, y: 700, size: 18, text: "Regulari-"},
		{x0: 100, x1: 500, y: 680, size: 18, text: "zation of Multi-"},
		{x0: 100, x1: 500, y: 660, size: 18, text: "Layer and multi-"},
		{x0: 100, x1: 500, y: 640, size: 18, text: "layer networks"},
		{x0: 100, x1: 500, y: 600, size: 9, text: "We study the layer of each multi-layer network."},
	}
	assert.Equal(t, "Regularization of Multi-Layer and multi-layer networks", joinLines(title, []int{0, 1, 2, 3}))
}

// A hyphen between two common words was kept because both were words of the page ("data-" / "set" read
// "data-set", "frame-" / "work" "frame-work"). It is kept only where the page prints the compound, or the part
// before as the start of another compound.
func TestLineEndHyphensOfCommonWords(t *testing.T) {
	text := []string{
		"Abstract We set out a data-", // joined: "data" and "set" are words of the page, "data-" starts no compound
		"set and a frame-",
		"work for the data of each frame and set of work, and a multi-",
		"layer model of the multi-photon data in each layer. The co-",
		"operation of the groups in each set of",
		"data is a co-operation of work.",
	}
	ls := make([]line, len(text))
	for i, s := range text {
		ls[i] = line{x0: 100, x1: 500, y: 700 - 12*float64(i), size: 9, text: s}
	}
	assert.Equal(t, "We set out a dataset and a framework for the data of each frame and set of work, and a multi-layer model of "+
		"the multi-photon data in each layer. The co-operation of the groups in each set of data is a co-operation of work.",
		abstract(ls))
}

// "self-" / "supervised" at a line's end read "selfsupervised" on a page that printed no other "self-" compound.
func TestLineEndHyphensAfterSelfAndWell(t *testing.T) {
	text := []string{
		"Abstract We train a self-",
		"supervised model on a well-",
		"posed task, and the model learns by itself what is well done.",
	}
	ls := make([]line, len(text))
	for i, s := range text {
		ls[i] = line{x0: 100, x1: 500, y: 700 - 12*float64(i), size: 9, text: s}
	}
	assert.Equal(t, "We train a self-supervised model on a well-posed task, and the model learns by itself what is well done.",
		abstract(ls))
}

// TeX breaks "selfish", "wellness", "selfless" after "self" and "well": the hyphen that broke them was kept
// ("self-ish") even where the page printed the word whole, or when what follows is an ending, not a word.
func TestLineEndHyphensInSelfishAndWellness(t *testing.T) {
	text := []string{
		"Abstract We study selfish agents and the wellness of a self-",
		"ish and self-",
		"less crowd, whose well-",
		"ness we measure by a self-",
		"supervised model.",
	}
	ls := make([]line, len(text))
	for i, s := range text {
		ls[i] = line{x0: 100, x1: 500, y: 700 - 12*float64(i), size: 9, text: s}
	}
	assert.Equal(t, "We study selfish agents and the wellness of a selfish and selfless crowd, whose wellness we measure by a "+
		"self-supervised model.", abstract(ls))
}

// A soft hyphen (U+00AD, which OCR layers and word processors draw at line ends) was read as the end of a word:
// "shal\u00ad" / "low" read "shal low", in titles and abstracts.
func TestLineEndSoftHyphens(t *testing.T) {
	text := []string{
		"Abstract We find solutions of the general fifth-order shal\u00ad",
		"low water-wave models. The previously published solutions turn out to be special cases.",
	}
	ls := make([]line, len(text))
	for i, s := range text {
		ls[i] = line{x0: 100, x1: 500, y: 700 - 12*float64(i), size: 9, text: s}
	}
	assert.Equal(t, "We find solutions of the general fifth-order shallow water-wave models. The previously published "+
		"solutions turn out to be special cases.", abstract(ls))
	title := []line{{x0: 100, x1: 500, y: 700, size: 18, text: "Shal\u00ad"}, {x0: 100, x1: 500, y: 680, size: 18, text: "low Waves"}}
	assert.Equal(t, "Shallow Waves", joinLines(title, []int{0, 1}))
}
