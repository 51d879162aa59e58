package scorer

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestWordTable checks the table against a map through growth, generations and a reset after a large
// abstract.
func TestWordTable(t *testing.T) {
	var tab wordTable
	for round, n := range []int{3, 40, 2000, 5, 0, 300} {
		tab.reset(n)
		want := map[string]int32{}
		for i := range n {
			w := fmt.Sprintf("w%d-%d", i%97, i) // shared prefixes, as words have
			tab.put(w, wordHash(w), int32(i))
			want[w] = int32(i)
		}
		for w, id := range want {
			got, ok := tab.get(w, wordHash(w))
			assert.True(t, ok, "round %d: %q", round, w)
			assert.Equal(t, id, got, "round %d: %q", round, w)
		}
		for _, w := range []string{"", "absent", "w1-0x", fmt.Sprintf("w0-%d", n)} {
			_, ok := tab.get(w, wordHash(w))
			assert.False(t, ok, "round %d: %q was not put", round, w)
		}
	}
}

// TestHashBytesMatchesWordHash checks that a word hashes alike as a string and as bytes, for every
// length up to 40, and that getBytes finds what get finds.
func TestHashBytesMatchesWordHash(t *testing.T) {
	var tab wordTable
	tab.reset(64)
	word := "abcdefghijklmnopqrstuvwxyz0123456789-éü."
	for n := 0; n <= len(word); n++ {
		w := word[:n]
		assert.Equal(t, wordHash(w), hashBytes([]byte(w)), "%q", w)
		tab.put(w, wordHash(w), int32(n))
		got, ok := tab.getBytes([]byte(w), hashBytes([]byte(w)))
		assert.True(t, ok, "%q", w)
		assert.Equal(t, int32(n), got, "%q", w)
	}
	_, ok := tab.getBytes([]byte("absent"), hashBytes([]byte("absent")))
	assert.False(t, ok)
}

func TestWordTableGenerationWraps(t *testing.T) {
	var tab wordTable
	tab.reset(4)
	tab.put("old", wordHash("old"), 1)
	tab.gen = ^uint32(0) // the next reset wraps to 0
	tab.slots[0] = wordSlot{gen: 1, hash: wordHash("stale"), key: "stale"}
	tab.reset(4)
	_, ok := tab.get("old", wordHash("old"))
	assert.False(t, ok)
	_, ok = tab.get("stale", wordHash("stale"))
	assert.False(t, ok, "a slot of generation 1 must not survive the wrap")
}

// TestWordIndex checks the read-only index against the list it was built from: every word finds its own
// index, through tables of 0 to 3,000 words with words that share prefixes, and words not in the list
// (among them "" and a word's prefix) find -1.
func TestWordIndex(t *testing.T) {
	for _, n := range []int{0, 1, 7, 8, 9, 100, 3000} {
		words := make([]string, n)
		for i := range words {
			words[i] = fmt.Sprintf("w%d-%d", i%97, i)
		}
		if n == 9 {
			words[8] = "" // the empty word is a word like any other
		}
		var x wordIndex
		x.build(words)
		for i, w := range words {
			got := x.find(string([]byte(w)), wordHash(w)) // a copy, as a word lower-cased into a buffer is
			assert.Equal(t, int32(i), got, "n=%d: %q", n, w)
		}
		for _, w := range []string{"", "absent", "w1-", "w1-1x", fmt.Sprintf("w0-%d", n)} {
			if n == 9 && w == "" {
				continue
			}
			assert.Equal(t, int32(-1), x.find(w, wordHash(w)), "n=%d: %q is not in the list", n, w)
		}
	}
}

// TestWordIndexComparesKeys checks that a word whose hash equals a listed word's is not taken for it.
func TestWordIndexComparesKeys(t *testing.T) {
	seen := map[uint32]string{}
	var a, b string
	for i := 0; a == "" && i < 1<<20; i++ {
		w := fmt.Sprintf("c%d", i)
		if x, ok := seen[wordHash(w)]; ok {
			a, b = x, w
		}
		seen[wordHash(w)] = w
	}
	if a == "" {
		t.Fatal("no two words of the million share a hash")
	}
	var x wordIndex
	x.build([]string{a})
	assert.Equal(t, int32(-1), x.find(b, wordHash(b)), "%q has the hash of %q", b, a)
}
