package scorer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a text: a run of letters and digits, lower-cased, with its byte span.
type token struct {
	w     string
	start int32 // byte offset in the text
	end   int32 // byte offset of the end in the text (w may be longer or shorter once lower-cased)
	id    int32 // index in the abstract's vocabulary, once assigned; -1 when unknown
	upper bool  // written with a capital
	digit bool
}

// tokenize appends the tokens of s to dst, lower-cased. It allocates only to lower-case: once for the
// whole of an ASCII text with capitals (the words are then slices of it), per word otherwise.
func tokenize(s string, dst []token) []token {
	n := len(dst)
	dst = scanTokens(s, dst)
	lower := ""
	if ascii, upper := scanCase(s); ascii && upper {
		lower = strings.ToLower(s)
	}
	for i := n; i < len(dst); i++ {
		t := &dst[i]
		switch {
		case !t.upper:
		case lower != "":
			t.w = lower[t.start : int(t.start)+len(t.w)]
		default:
			t.w = strings.ToLower(t.w)
		}
	}
	return dst
}

// scanTokens appends the tokens of s to dst as they are written: the words with a capital (upper) are
// not lower-cased yet. The vocabulary lower-cases them as it looks them up (vocab.find), without
// allocating for the words it knows.
func scanTokens(s string, dst []token) []token {
	for i := 0; i < len(s); {
		class, size := byte(0), 1
		if c := s[i]; c < utf8.RuneSelf {
			class = asciiClass[c]
		} else {
			class, size = classAt(s, i)
		}
		if class == 0 {
			i += size
			continue
		}
		start, classes := i, class
		i += size
		for i < len(s) {
			c := s[i]
			if c >= utf8.RuneSelf {
				if class, size = classAt(s, i); class == 0 {
					break
				}
				classes |= class
				i += size
				continue
			}
			class = asciiClass[c] // the common case, without a call
			if class == 0 {
				break
			}
			classes |= class
			i++
		}
		dst = append(dst, token{w: s[start:i], start: int32(start), end: int32(i), id: -1,
			upper: classes&classUpper != 0, digit: classes&classDigit != 0})
	}
	return dst
}

// classAt returns the character class of the character at s[i], and its length in bytes.
func classAt(s string, i int) (class byte, size int) {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiClass[c], 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case unicode.IsUpper(r):
		return classUpper, size
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return classLower, size
	}
	return 0, size
}

// Character classes of tokenize, bits so that a word's classes can be or-ed together.
const (
	classLower = 1 << iota // a letter that is not a capital, or a non-ASCII digit
	classUpper
	classDigit
)

var asciiClass = func() (t [utf8.RuneSelf]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = classLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = classUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = classDigit
	}
	return t
}()

// scanCase reports whether s is all ASCII and whether it has an ASCII capital.
func scanCase(s string) (ascii, upper bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false, upper
		}
		if c >= 'A' && c <= 'Z' {
			upper = true
		}
	}
	return true, upper
}

// Words returns the lower-cased words of s: runs of letters and digits.
func Words(s string) []string {
	toks := tokenize(s, nil)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.w
	}
	return out
}

// ContentWords returns the lower-cased words of s that are not stop words.
func ContentWords(s string) []string {
	ws := Words(s)
	out := ws[:0]
	for _, w := range ws {
		if !IsStopword(w) {
			out = append(out, w)
		}
	}
	return out
}

// Stopwords returns the words IsStopword reports, in no order, for callers that merge them into a
// lookup of their own.
func Stopwords() []string {
	out := make([]string, 0, len(stopwords))
	for w := range stopwords {
		out = append(out, w)
	}
	return out
}

// IsStopword reports an English function word (lower-case).
func IsStopword(w string) bool { return stopwords[w] }

var stopwords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`a an the and or but nor of in on at to for from by with without within into onto
		over under about above below between among through during before after than then as is are was were be been
		being am do does did doing have has had having this that these those it its it's we our ours us they their them
		he she his her you your i my me which who whom whose what when where why how all any both each few more most
		other some such no not only own same so too very can could will would shall should may might must also
		there here while if else via per upon whether one two three however thus hence moreover furthermore
		further often well based using use used new novel paper work approach method propose proposed show shows
		present results`) {
		m[w] = true
	}
	return m
}()

// wordKinds merges stopwords and cues, so that a new word of an abstract costs one lookup.
var wordKinds = func() map[string]uint8 {
	m := make(map[string]uint8, len(stopwords)+len(cues))
	for w := range stopwords {
		m[w] |= kindStop
	}
	for w := range cues {
		m[w] |= kindCue
	}
	return m
}()

const (
	kindStop = 1 << iota
	kindCue
	kindLists = iota // lexEntry.kind holds a word's wordLists from this bit on
)

// vocab is an abstract's distinct words with what the scorer needs of each, indexed by token.id, so
// that each weight is looked up once per word rather than once per occurrence.
type vocab struct {
	ids   wordTable // word → index in words
	words []string
	info  []wordInfo
	lex   []*lexEntry // the model's weights of each word, once looked up (Model.lexOf)
	// lexicon is the model's, when there is one: add then fills lex as it registers words.
	lexicon *lexicon

	nTitle     int      // distinct content words of the title, in the abstract or not
	titleStems []uint64 // stemKey of those at least stemLen long
}

// addTitle records which words of the vocabulary the title uses. A title has a dozen words, so
// distinct ones are found by comparison rather than with a map.
func (v *vocab) addTitle(title []token) {
	if cap(v.titleStems) < len(title) {
		v.titleStems = make([]uint64, 0, len(title)) // growing by append is dear in wasm
	}
	for j := range title {
		if id, _, ok := v.find(&title[j]); ok {
			title[j].id = id
		}
	}
	for j, t := range title {
		if seenBefore(title[:j], t.w) {
			continue
		}
		id, ok := t.id, t.id >= 0
		if ok {
			v.info[id].inTitle = true
		}
		if ok && v.info[id].stop || !ok && IsStopword(t.w) { // a word of v has its kind: no map lookup
			continue
		}
		if len(t.w) >= stemLen {
			v.titleStems = append(v.titleStems, stemKey(t.w))
		}
		if ok {
			v.info[id].titleIdx = int32(v.nTitle)
		}
		v.nTitle++
	}
}

func seenBefore(toks []token, w string) bool {
	for _, t := range toks {
		if t.w == w {
			return true
		}
	}
	return false
}

// wordInfo is what the scorer needs of one word of the vocabulary.
type wordInfo struct {
	df    int32 // sentences that contain the word
	last  int32 // scratch: 1 + the last sentence counted in df
	mark  int32 // scratch: 1 + the last sentence that looked at the word
	upper bool  // written with a capital somewhere
	digit bool  // has an ASCII digit
	first bool  // in the first sentence
	stop  bool
	cue   bool // a verb with which authors state their contribution

	contribution bool // in the first sentence with a cue

	inTitle  bool  // the word is in the title
	titleIdx int32 // the word's index among the title's distinct content words, or -1
	stamp    int32 // scratch for candidateBuilder: the head that last used the word
}

// reset empties v for an abstract of about n distinct words, keeping its buffers unless they are far
// too large: one long abstract should not make every later one pay to clear a large map.
func (v *vocab) reset(n int, lexicon *lexicon) {
	v.ids.reset(n)
	*v = vocab{ids: v.ids, words: v.words[:0], info: v.info[:0], lex: v.lex[:0], titleStems: v.titleStems[:0],
		lexicon: lexicon}
}

// add gives every token of sentence si its id, registering new words.
func (v *vocab) add(toks []token, si int) {
	for j := range toks {
		t := &toks[j]
		id, h, ok := v.find(t)
		if !ok {
			id = int32(len(v.words))
			v.ids.put(t.w, h, id)
			v.words = append(v.words, t.w)
			var kind uint8
			if v.lexicon != nil {
				e := noLex
				if i := v.lexicon.words.find(t.w, h); i >= 0 {
					e = v.lexicon.entries[i]
				}
				v.lex = append(v.lex, e)
				kind = e.kind
			} else {
				kind = wordKinds[t.w]
			}
			v.info = append(v.info, wordInfo{titleIdx: -1, first: si == 0, digit: t.digit, stop: kind&kindStop != 0, cue: kind&kindCue != 0})
		}
		t.id = id
		in := &v.info[id]
		if t.upper {
			in.upper = true
		}
		if in.last != int32(si+1) {
			in.last = int32(si + 1)
			in.df++
		}
	}
}

// lookupIn gives the tokens of text their ids where v has their words (unknown ones keep -1). Text is a
// cleaned form of the sentence s, whose tokens src have their ids: cleaning mostly drops words, so each
// word is looked for, as written, among the sentence's words after the last one found, and only those
// not found ("We" for "we") are hashed and looked up.
func (v *vocab) lookupIn(toks []token, text string, src []token, s string) {
	next := 0
	for j := range toks {
		t := &toks[j]
		w := text[t.start:t.end]
		found := false
		for k := next; k < len(src); k++ {
			if s[src[k].start:src[k].end] == w {
				t.w, t.id, next, found = src[k].w, src[k].id, k+1, true
				break
			}
		}
		if !found {
			if id, _, ok := v.find(t); ok {
				t.id = id
			}
		}
	}
}

// find lower-cases t's word if it has a capital, and returns its id if v has it, and its wordHash. A
// capitalized word costs an allocation only when v does not have it: it is lower-cased into a buffer on
// the stack to look it up, and then shares the vocabulary's string.
func (v *vocab) find(t *token) (int32, uint32, bool) {
	if !t.upper {
		h := wordHash(t.w)
		id, ok := v.ids.get(t.w, h)
		return id, h, ok
	}
	var buf [64]byte
	if w := t.w; len(w) <= len(buf) {
		ascii := true
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		if ascii {
			lw := buf[:len(w)]
			h := hashBytes(lw)
			if id, ok := v.ids.getBytes(lw, h); ok {
				t.w = v.words[id]
				return id, h, true
			}
			t.w = string(lw)
			return -1, h, false
		}
	}
	t.w = strings.ToLower(t.w)
	h := wordHash(t.w)
	id, ok := v.ids.get(t.w, h)
	return id, h, ok
}
