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

// wordHash mixes a word's bytes eight at a time (four for the last few of most words), where FNV-1a
// took a multiplication per byte; the words of abstracts are short. Only the tables' speed depends on
// it: a lookup compares the keys.
func wordHash(w string) uint32 { return hashBytes(w) }

// hashBytes is wordHash of a string or of the bytes of one: a word lower-cased into a buffer is hashed
// and looked up (wordTable.getBytes) without a copy, which costs a runtime call in wasm.
func hashBytes[T string | []byte](w T) uint32 {
	h := uint64(len(w)) * 0x9E3779B97F4A7C15
	for len(w) > 8 {
		h = (h ^ le64(w)) * 0xBF58476D1CE4E5B9
		h ^= h >> 31
		w = w[8:]
	}
	var x uint64 // the last 1 to 8 bytes (none for the empty word)
	switch n := len(w); {
	case n >= 4:
		x = uint64(le32(w)) | uint64(le32(w[n-4:]))<<32
	case n > 0:
		x = uint64(w[0]) | uint64(w[n/2])<<8 | uint64(w[n-1])<<16
	}
	h = (h ^ x) * 0x94D049BB133111EB
	return uint32(h>>32) ^ uint32(h)
}

// le64 and le32 read the first bytes of s as a little-endian integer, in one load where the compiler can.
func le64[T string | []byte](s T) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func le32[T string | []byte](s T) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
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

// getBytes is get of a key held in bytes.
func (t *wordTable) getBytes(key []byte, h uint32) (int32, bool) {
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.gen != t.gen {
			return 0, false
		}
		if s.hash == h && s.key == string(key) {
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

// WordHashBytes is WordHash of a word held in bytes, which it does not copy. It is not inlined: hashBytes'
// generic body, inlined into another package, made the bytes escape to the heap there.
//
//go:noinline
func WordHashBytes(w []byte) uint32 { return hashBytes(w) }

// wordIndex finds the words of a fixed list, built once and then only read: the model's lexicon, which every
// new word of an abstract is looked up in. Its slots hold no generation and no key: 8 bytes each, so that a
// lexicon of 2,000 words fits in the L2 cache, where wordTable's slots are four times as large (as the
// key-phrase ranker's lexTable). A miss (most of an abstract's distinct words) usually stops at an empty
// slot or a different hash without comparing strings.
type wordIndex struct {
	slots []indexSlot // a power of two long, at most half full
	keys  []string
}

type indexSlot struct {
	hash uint32
	idx  int32 // 1 + the index in keys; 0 for an empty slot
}

// build indexes words, whose index in words find returns; the words must differ.
func (t *wordIndex) build(words []string) {
	size := 16
	for size < 2*len(words) {
		size *= 2
	}
	t.slots, t.keys = make([]indexSlot, size), words
	mask := uint32(size - 1)
	for k, w := range words {
		h := wordHash(w)
		i := h & mask
		for t.slots[i].idx != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = indexSlot{hash: h, idx: int32(k + 1)}
	}
}

// find returns the index of w, whose wordHash is h, or -1 when w is none of the words.
func (t *wordIndex) find(w string, h uint32) int32 {
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.idx == 0 {
			return -1
		}
		if s.hash == h && t.keys[s.idx-1] == w {
			return s.idx - 1
		}
	}
}
