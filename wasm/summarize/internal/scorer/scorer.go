// Package scorer rates how well each sentence of an abstract would serve as its TL;DR. The features are
// cheap (position, length, overlap with the title and the rest of the abstract, cue words); the
// weights are learned from SciTLDR's training split by ../cmd/trainweights and embedded by summarize.
// Training and inference share this package so that they compute the very same features.
package scorer

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dense feature indices. Changing them invalidates the weights: run `make weights`.
const (
	fPos0 = iota
	fPos1
	fPos2
	fPos3
	fPos4Plus
	fRelPos
	fLast
	fSecondLast
	fLen0_8
	fLen8_15
	fLen15_25
	fLen25_35
	fLen35_50
	fLen50Plus
	fTitleRecall
	fTitlePrecision
	fCentrality
	fDigit
	fPercent
	fParen
	fColon
	fFirstOfFew
	fFirstWe
	fBeforeFirstWe
	fFirstCue
	fMaxTitle
	fMaxCentrality
	fNumFeatures
)

// DenseNames names the dense features, in index order, for the weights file.
var DenseNames = [fNumFeatures]string{
	"pos0", "pos1", "pos2", "pos3", "pos4+", "relpos", "last", "second_last",
	"len0-8", "len8-15", "len15-25", "len25-35", "len35-50", "len50+",
	"title_recall", "title_precision", "centrality", "digit", "percent", "paren", "colon", "first_of_few",
	"first_we", "before_first_we", "first_cue", "max_title", "max_centrality",
}

// Features describe one sentence within its abstract.
type Features struct {
	Dense [fNumFeatures]float64
	// Words are the sentence's distinct lower-cased words.
	Words []string
	// Start is the first two words, lower-cased and joined by a space.
	Start string
	// Bigrams are the sentence's distinct pairs of adjacent lower-cased words, joined by a space.
	Bigrams []string
}

// Model is a linear sentence scorer. Its JSON form is the embedded weights file.
type Model struct {
	Bias    float64            `json:"bias"`
	Dense   map[string]float64 `json:"dense"`
	Words   map[string]float64 `json:"words"`
	Starts  map[string]float64 `json:"starts"`
	Bigrams map[string]float64 `json:"bigrams"`
	// Candidate and Trailing weigh the compressions of the best sentences (second stage).
	Candidate map[string]float64 `json:"candidate"`
	Trailing  map[string]float64 `json:"trailing"`
	// Token and TokenWords estimate which words of the abstract the TL;DR uses.
	Token      map[string]float64 `json:"token"`
	TokenWords map[string]float64 `json:"token_words"`

	dense [fNumFeatures]float64
	cand  [cNumFeatures]float64
	token [tNumFeatures]float64
}

// Prepare indexes the dense weights by feature; call it once after loading.
func (m *Model) Prepare() {
	for i, name := range DenseNames {
		m.dense[i] = m.Dense[name]
	}
	for i, name := range TokenNames {
		m.token[i] = m.Token[name]
	}
	for i, name := range CandidateNames {
		m.cand[i] = m.Candidate[name]
	}
}

// Score is the sentence's linear score: higher is a better TL;DR source.
func (m *Model) Score(f *Features) float64 {
	s := m.Bias
	for i, v := range f.Dense {
		s += m.dense[i] * v
	}
	for _, w := range f.Words {
		s += m.Words[w]
	}
	for _, b := range f.Bigrams {
		s += m.Bigrams[b]
	}
	return s + m.Starts[f.Start]
}

// Extract computes the features of every sentence of an abstract.
func Extract(title string, sentences []string) []Features {
	titleWords := distinct(ContentWords(title))
	words := make([][]string, len(sentences))
	docFreq := make(map[string]int)
	for i, s := range sentences {
		words[i] = Words(s)
		for _, w := range distinct(words[i]) {
			if !IsStopword(w) {
				docFreq[w]++
			}
		}
	}
	n := len(sentences)
	out := make([]Features, n)
	firstWe, firstCue := -1, -1
	for i, s := range sentences {
		f := &out[i]
		d := &f.Dense
		switch i {
		case 0:
			d[fPos0] = 1
		case 1:
			d[fPos1] = 1
		case 2:
			d[fPos2] = 1
		case 3:
			d[fPos3] = 1
		default:
			d[fPos4Plus] = 1
		}
		if n > 1 {
			d[fRelPos] = float64(i) / float64(n-1)
			if i == n-1 {
				d[fLast] = 1
			}
			if i == n-2 {
				d[fSecondLast] = 1
			}
		}
		if i == 0 && n <= 3 {
			d[fFirstOfFew] = 1
		}
		l := len(words[i])
		switch {
		case l < 8:
			d[fLen0_8] = 1
		case l < 15:
			d[fLen8_15] = 1
		case l < 25:
			d[fLen15_25] = 1
		case l < 35:
			d[fLen25_35] = 1
		case l < 50:
			d[fLen35_50] = 1
		default:
			d[fLen50Plus] = 1
		}
		uniq := distinct(words[i])
		content, inTitle, shared := 0, 0, 0.0
		for _, w := range uniq {
			if IsStopword(w) {
				continue
			}
			content++
			if contains(titleWords, w) {
				inTitle++
			}
			if n > 1 {
				shared += float64(docFreq[w]-1) / float64(n-1)
			}
		}
		if len(titleWords) > 0 {
			d[fTitleRecall] = float64(inTitle) / float64(len(titleWords))
		}
		if content > 0 {
			d[fTitlePrecision] = float64(inTitle) / float64(content)
			d[fCentrality] = shared / math.Sqrt(float64(content))
		}
		d[fDigit] = b2f(strings.ContainsAny(s, "0123456789"))
		d[fPercent] = b2f(strings.Contains(s, "%"))
		d[fParen] = b2f(strings.Contains(s, "("))
		d[fColon] = b2f(strings.Contains(s, ":"))
		f.Words = uniq
		f.Bigrams = bigrams(words[i])
		if firstWe < 0 && (contains(uniq, "we") || contains(uniq, "our")) {
			firstWe = i
			d[fFirstWe] = 1
		}
		if firstCue < 0 && hasCue(uniq) {
			firstCue = i
			d[fFirstCue] = 1
		}
		switch {
		case len(words[i]) >= 2:
			f.Start = words[i][0] + " " + words[i][1]
		case len(words[i]) == 1:
			f.Start = words[i][0]
		}
	}
	for i := range out {
		if firstWe > i {
			out[i].Dense[fBeforeFirstWe] = 1
		}
	}
	markMax(out, fTitleRecall, fMaxTitle)
	markMax(out, fCentrality, fMaxCentrality)
	return out
}

// markMax sets feature flag on the sentences whose feature of is the abstract's highest and positive.
func markMax(fs []Features, of, flag int) {
	hi := 0.0
	for i := range fs {
		hi = max(hi, fs[i].Dense[of])
	}
	if hi == 0 {
		return
	}
	for i := range fs {
		if fs[i].Dense[of] == hi {
			fs[i].Dense[flag] = 1
		}
	}
}

// cues are verbs with which authors state their contribution.
var cues = []string{"propose", "present", "introduce", "develop", "describe", "design", "study", "investigate",
	"show", "demonstrate", "explore", "address", "consider", "provide", "formulate", "derive", "analyze"}

func hasCue(words []string) bool {
	for _, c := range cues {
		if contains(words, c) {
			return true
		}
	}
	return false
}

func bigrams(words []string) []string {
	out := make([]string, 0, len(words))
	for i := 0; i+1 < len(words); i++ {
		b := words[i] + " " + words[i+1]
		if !contains(out, b) {
			out = append(out, b)
		}
	}
	return out
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func contains(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

// distinct returns the words in first-seen order without repeats; it reuses nothing of words.
func distinct(words []string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		if !contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// Words returns the lower-cased words of s: runs of letters and digits.
func Words(s string) []string {
	out := make([]string, 0, len(s)/6)
	start := -1
	lower := true
	for i := 0; i <= len(s); {
		r, size := rune(' '), 1
		if i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start, lower = i, true
			}
			if r >= 'A' && r <= 'Z' || r > utf8.RuneSelf && unicode.IsUpper(r) {
				lower = false
			}
		} else if start >= 0 {
			w := s[start:i]
			if !lower {
				w = strings.ToLower(w)
			}
			out = append(out, w)
			start = -1
		}
		i += size
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
