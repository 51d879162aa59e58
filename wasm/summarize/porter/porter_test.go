package porter_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/wasm/summarize/porter"
)

// The pairs are the paper's own examples, run through all the steps, plus words of Inspec phrases.
func TestStem(t *testing.T) {
	for word, want := range map[string]string{
		"caresses": "caress", "ponies": "poni", "ties": "ti", "caress": "caress", "cats": "cat",
		"feed": "feed", "agreed": "agre", "plastered": "plaster", "bled": "bled", "motoring": "motor",
		"sing": "sing", "conflated": "conflat", "troubled": "troubl", "sized": "size", "hopping": "hop",
		"tanned": "tan", "falling": "fall", "hissing": "hiss", "fizzed": "fizz", "failing": "fail",
		"filing": "file", "happy": "happi", "sky": "sky", "relational": "relat", "conditional": "condit",
		"rational": "ration", "generalizations": "gener", "oscillators": "oscil", "replacement": "replac",
		"adjustment": "adjust", "adoption": "adopt", "effective": "effect", "electrical": "electr",
		"hopefulness": "hope", "goodness": "good", "revival": "reviv", "allowance": "allow",
		"inference": "infer", "probate": "probat", "rate": "rate", "cease": "ceas", "controlling": "control",
		"roll": "roll", "networks": "network", "systems": "system", "a": "a", "is": "is", "r2d2": "r2d2",
	} {
		assert.Equal(t, want, porter.Stem(word), word)
	}
}
