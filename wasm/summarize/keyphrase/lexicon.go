package keyphrase

import (
	"strings"

	"github.com/papergist/papergist/wasm/summarize/internal/scorer"
)

// Word classes of the POS-like lexicon. A phrase is a run of words none of which breaks it; which
// sub-run names a method, task or object is left to the learned model.
const (
	classStop = 1 << iota // function word, or a word that is never part of a key phrase
	classVerb             // a verb form that is not also a common noun ("examine", "witnessed", "helps")
	classDet              // a determiner or possessive pronoun: the word after a run that ends in a verb
	classGlue             // "of", "for", "and": glue inside longer names (a feature, never inside a phrase)
	classAux              // a form of "be" or "have": a word in -ed after it is a verb
)

// classes maps lower-case words to their class bits.
var classes = func() map[string]uint8 {
	m := map[string]uint8{}
	add := func(class uint8, words string) {
		for _, w := range strings.Fields(words) {
			m[w] |= class
		}
	}
	add(classStop, `a an the and or but nor of in on at to for from by with without within into onto over
		under about above below between among amongst through throughout during before after than then as is are
		was were be been being am do does did doing done have has had having this that these those it its itself
		we our ours us they their theirs them themselves he she his her hers you your i my me which who whom whose
		what when where why how all any both each either neither every few more most less least other others
		another some such no not only own same so too very can cannot could will would shall should may might must
		also there here while if else via per upon whether however thus hence moreover furthermore therefore
		further often well e.g i.e etc vs al et cf versus according along across against around toward towards
		beyond despite unlike like since until unless because although though whereas whilst yet still just
		even rather quite almost already always never sometimes usually generally typically mainly mostly
		especially particularly respectively namely i.e. e.g. one two three four five six seven eight nine ten
		first second third many much several various numerous certain particular given due able unable
		possible impossible likely unlikely thing things something anything lot lots paper papers article
		articles results findings new novel existing current recent previous prior present proposed various
		different similar important significant main key major simple good better best useful efficient
		effective powerful available necessary additional overall whole entire finally
		based using used called named termed known dubbed so-called obtained`)
	add(classVerb, `train trains trained predict predicts predicted need needs needed bring brings brought help helps helped examine examines examined
		witness witnesses witnessed describe describes described present presents presented propose proposes
		show shows showed shown demonstrate demonstrates demonstrated introduce introduces introduced
		investigate investigates investigated develop develops developed enable enables enabled allow allows
		allowed provide provides provided obtain obtains achieve achieves achieved improve improves improved
		outperform outperforms outperformed consider considers considered apply applies applied 
		yielded require requires required suggest suggests suggested indicate indicates indicated reveal reveals
		revealed explore explores explored address addresses addressed discuss discusses discussed evaluate
		evaluates evaluated compare compares compared reported find finds found make makes made
		take takes took taken give gives gave get gets got become becomes became remain remains remained seem
		seems seemed led include includes included contain contains contained involve involves
		involved employ employs employed adopt adopts adopted exhibit exhibited offered
		perform performs performed focuses focused aimed attempted tend tends tended
		try tries tried wanted can't don't doesn't isn't aren't won't let lets ensure ensures ensured
		verify verifies verified prove proves proved proven establish establishes established illustrate
		illustrates illustrated highlight highlights highlighted emphasize emphasizes emphasized argue argues
		argued claimed assume assumes assumed dealt concerned
		 combines combine combined extend extends extended reduces reduced
		 increased enhance enhances enhanced facilitate facilitates facilitated explain
		explains explained solve solves solved designed create creates created generate generates generated
		produce produces produced supported captures captured achieve leverage
		leverages leveraged utilize utilizes utilized exploit exploits exploited outline outlines outlined
		serve serves served carry carries carried rely relies relied depend depends depended appear appears
		appeared occur occurs occurred arise arises arose exist exists existed belong belongs`)
	add(classDet, `the a an this these those its their our his her your my such each every any some`)
	add(classGlue, `of for and in on`)
	add(classAux, `be is are was were been being has have had get gets got`)
	return m
}()

// nominalIng are -ing words that name a field or technique rather than an action.
var nominalIng = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`learning training computing processing modeling modelling reasoning
		planning embedding clustering parsing tracking matching sampling pruning scaling encoding decoding
		forecasting mining understanding answering rendering routing scheduling mapping pooling inpainting
		captioning labeling labelling filtering hashing boosting bagging fine-tuning finetuning pretraining
		pre-training denoising smoothing programming engineering manufacturing networking coding testing
		monitoring imaging sensing signalling signaling timing indexing caching spreading trading banking
		accounting marketing publishing teaching tutoring building housing pricing ranking rating
		recommendation switching handling multiplexing beamforming shading morphing meshing tiling packing
		scanning warehousing dispatching sequencing modelling folding docking drawing writing reading
		speaking listening morphing thresholding watermarking fingerprinting printing casting welding
		machining grinding cutting milling forming joining sintering coating painting plating lighting`) {
		m[w] = true
	}
	return m
}()

// entry is what a word costs one lookup for: its class and its lexicon weights.
type entry struct {
	class uint8
	word  *Word
	idf   float64
	// form describes the word written as it is (in lower case), computed once by Prepare; hasForm is
	// false for a word that lower-casing would change.
	form    wordType
	hasForm bool
}

// Prepare indexes the model for ranking: call it after building or changing the lexicon's words
// (Parse does). Weights may change afterwards; the set of words may not.
func (m *Model) Prepare() {
	byWord := make(map[string]*entry, len(m.Lex)+len(classes))
	for w, c := range classes {
		byWord[w] = &entry{class: c}
	}
	for w, x := range m.Lex {
		e := byWord[w]
		if e == nil {
			e = &entry{}
			byWord[w] = e
		}
		e.word, e.idf = x, m.idfOf(x)
	}
	m.rareIDF = m.idfOf(nil)
	for w, e := range byWord {
		if strings.ToLower(w) == w {
			e.form, e.hasForm = newWordType(w, w, e), true
		}
	}
	m.lexicon.build(byWord)
}

// entry returns the entry of a lower-case word, or nil.
func (m *Model) entry(w string) *entry { return m.lexicon.get(w, scorer.WordHash(w)) }

// lexTable finds the entries of the model's words. It is built once and only read, so its slots hold
// no generation and no key: 8 bytes each, a table of the lexicon's 2,000 words fits in the L2 cache,
// where slots that held the key were four times as large. A miss (most of an abstract's distinct words)
// usually stops at an empty slot or a different hash without comparing strings.
type lexTable struct {
	slots   []lexSlot // a power of two long, at most half full
	keys    []string
	entries []*entry
}

type lexSlot struct {
	hash uint32
	idx  int32 // 1 + the index in keys and entries; 0 for an empty slot
}

func (t *lexTable) build(byWord map[string]*entry) {
	size := 16
	for size < 2*len(byWord) {
		size *= 2
	}
	t.slots = make([]lexSlot, size)
	t.keys = make([]string, 0, len(byWord))
	t.entries = make([]*entry, 0, len(byWord))
	mask := uint32(size - 1)
	for w, e := range byWord {
		h := scorer.WordHash(w)
		i := h & mask
		for t.slots[i].idx != 0 {
			i = (i + 1) & mask
		}
		t.keys = append(t.keys, w)
		t.entries = append(t.entries, e)
		t.slots[i] = lexSlot{hash: h, idx: int32(len(t.keys))}
	}
}

// get returns the entry of w, whose scorer.WordHash is h, or nil.
func (t *lexTable) get(w string, h uint32) *entry {
	_, e := t.find(w, h)
	return e
}

// find is get that also returns the table's copy of w.
func (t *lexTable) find(w string, h uint32) (string, *entry) { return lexFind(t, w, h) }

// lexFind is find of a w that may be held in bytes: a word lower-cased into a buffer is looked up without
// a copy, and a caller keeps the table's string.
func lexFind[T string | []byte](t *lexTable, w T, h uint32) (string, *entry) {
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.idx == 0 {
			return "", nil
		}
		if k := t.keys[s.idx-1]; s.hash == h && k == string(w) {
			return k, t.entries[s.idx-1]
		}
	}
}
