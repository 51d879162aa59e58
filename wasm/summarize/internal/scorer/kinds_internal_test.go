package scorer

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLexiconHoldsWordLists checks that Prepare gives every word of wordLists an entry whose kind holds
// its lists above its wordKinds, all of them in the byte: candidateBuilder.add reads them there in place of
// the map, and a list past the byte's last bit would read as in none.
func TestLexiconHoldsWordLists(t *testing.T) {
	m := trainedModel(t)
	m.Prepare()
	require.NotEmpty(t, wordLists)
	for w, lists := range wordLists {
		i := m.lexicon.words.find(w, wordHash(w))
		require.GreaterOrEqual(t, i, int32(0), "%q has no lexicon entry", w)
		e := m.lexicon.entries[i]
		assert.Equal(t, lists, e.kind>>kindLists, "lists of %q", w)
		assert.Equal(t, wordKinds[w], e.kind&(1<<kindLists-1), "kinds of %q", w)
	}
}
