package scorer

// wordTable maps words to int32 values by open addressing, with hashes the caller computes once per
// word (wordHash). It replaces Go maps on the hot path of scoring: a word of an abstract is looked up
// in the abstract's vocabulary and, if new, in the model's lexicon, and with maps the hashing, probing
// and clearing for every abstract were a fifth of a TL;DR's cost. Emptying it is O(1): slots of an
// older generation count as free.
type wordTable struct {
	slots []wordSlot // a power of two long, at most half full
	gen   uint32     // the current generation; never 0 once in use
	n     int
}

type wordSlot struct {
	gen  uint32
	hash uint32
	val  int32
	key  string
}

// wordHash is FNV-1a, its high bits folded into the low ones that pick the slot: words are short, and
// it needs no call per word.
func wordHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h ^ h>>16
}

// reset empties t for about n words.
func (t *wordTable) reset(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	// keep the slots unless they are far too few, or so many that probing them would touch cold memory
	if len(t.slots) < size || len(t.slots) > 8*size {
		t.slots, t.gen, t.n = make([]wordSlot, size), 1, 0
		return
	}
	t.gen++
	t.n = 0
	if t.gen == 0 { // wrapped: old slots could look current
		clear(t.slots)
		t.gen = 1
	}
}

// get returns the value of key, whose wordHash is h.
func (t *wordTable) get(key string, h uint32) (int32, bool) {
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.gen != t.gen {
			return 0, false
		}
		if s.hash == h && s.key == key {
			return s.val, true
		}
	}
}

// put sets the value of key, whose wordHash is h; key must not be in t yet.
func (t *wordTable) put(key string, h uint32, val int32) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	mask := uint32(len(t.slots) - 1)
	i := h & mask
	for t.slots[i].gen == t.gen {
		i = (i + 1) & mask
	}
	t.slots[i] = wordSlot{gen: t.gen, hash: h, val: val, key: key}
	t.n++
}

func (t *wordTable) grow() {
	old, gen := t.slots, t.gen
	t.slots, t.gen, t.n = make([]wordSlot, 2*max(len(old), 8)), 1, 0
	for _, s := range old {
		if s.gen == gen {
			t.put(s.key, s.hash, s.val)
		}
	}
}

// WordTable is wordTable for the summarizer's other packages (the key-phrase ranker).
type WordTable struct{ t wordTable }

// Reset empties the table for about n words.
func (w *WordTable) Reset(n int) { w.t.reset(n) }

// Get returns the value of key, whose WordHash is h.
func (w *WordTable) Get(key string, h uint32) (int32, bool) { return w.t.get(key, h) }

// Put sets the value of key, whose WordHash is h; key must not be in the table yet.
func (w *WordTable) Put(key string, h uint32, val int32) { w.t.put(key, h, val) }

// WordHash is the hash Get and Put take.
func WordHash(w string) uint32 { return wordHash(w) }
