package scorer

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/wasm/summarize/internal/compress"
)

// inLists answers for each list what compress.InList answers: for every word of every list, for words that are
// parts or joins of them, and for no word at all. A word in two lists (determiners' "each", dangling's "each")
// is in both.
func TestInListsIsInList(t *testing.T) {
	lists := []struct {
		bit  uint8
		list string
	}{{finite, finiteVerbs}, {dangles, dangling}, {determiner, determiners}, {opensAside, asideOpeners},
		{opensAdverbial, adverbialOpeners}, {plainModifier, plainModifiers}}
	words := []string{"", " ", "the method", "i", "remain", "remainss", "Is", "an", "each", "in", "within", "self",
		"supervised", "networks"}
	for _, l := range lists {
		words = append(words, strings.Fields(l.list)...)
	}
	for _, l := range lists {
		for _, w := range words {
			assert.Equal(t, compress.InList(l.list, w), inLists(l.bit, w), "%q in %q", w, l.list)
		}
	}
	assert.True(t, inLists(dangles|determiner, "the"))
	assert.False(t, inLists(finite|dangles, "the"))
}
