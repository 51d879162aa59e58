package keyphrase

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Dense features of a candidate.
const (
	fBias = iota
	fLen1
	fLen2
	fLen3
	fLen4
	fLen5
	fCount
	fInTitle
	fRelPos
	fEarly
	fFull
	fRunStart
	fRunEnd
	fAfterDet
	fAcronym
	fDefined
	fDigit
	fHyphen
	fCapital
	fMeanIDF
	fMinIDF
	fHeadIDF
	fMeanTF
	fMinTF
	fTitleWords
	fTFxIDF
	fHeadPlural
	fHeadIng
	fHeadEd
	fHeadAdj
	fHeadNoun
	fFirstEd
	fFirstIng
	fFirstAdj
	fSingleCommon
	fBeforeClause
	fFirstPlural
	fFirstEs
	fHeadEs
	NumFeatures
)

// FeatureNames name the dense features in the model file.
var FeatureNames = [NumFeatures]string{
	"bias", "len1", "len2", "len3", "len4", "len5+", "count", "in_title", "relpos", "early", "full_run",
	"run_start", "run_end", "after_det", "acronym", "defined", "digit", "hyphen", "capital", "mean_idf",
	"min_idf", "head_idf", "mean_tf", "min_tf", "title_words", "tf_x_idf", "head_plural", "head_ing",
	"head_ed", "head_adj", "head_noun", "first_ed", "first_ing", "first_adj", "single_common",
	"before_clause", "first_plural", "first_es", "head_es",
}

// Word is one word of the model's lexicon: its document frequency in the training corpus and its
// learned weights as the first, the last or any word of a phrase.
type Word struct {
	DF               int
	First, Last, Any float64
}

// Model is the learned ranker.
type Model struct {
	Docs      int                  // documents the lexicon's frequencies were counted over
	MinDF     int                  // words rarer than this are not in the lexicon and count as DF 0
	Dense     [NumFeatures]float64 // weights of the dense features
	Lex       map[string]*Word     // the lexicon: the training corpus's common words
	Threshold float64              // Rank stops below this score…
	MinKeep   int                  // …once it has this many phrases

	lexicon lexTable // every word of the lexicon and of the word classes, found by word (Prepare)
	rareIDF float64  // the IDF of a word not in the lexicon
}

// idfOf is log((docs+1) / (df+1)) with the document frequency of a lexicon entry (0 for a word not in
// the lexicon, e == nil).
func (m *Model) idfOf(e *Word) float64 {
	df := 0
	if e != nil {
		df = e.DF
	}
	return math.Log(float64(m.Docs+1) / float64(df+1))
}

// common reports a lexicon word (nil for none) in at least 1% of the training documents: too general
// to stand alone.
func (m *Model) common(e *Word) bool { return e != nil && e.DF*100 >= m.Docs }

// Marshal writes the model in its text form: one setting, weight or word a line.
func (m *Model) Marshal() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "keyphrase-model 1\ndocs %d\nmindf %d\nthreshold %s\nminkeep %d\n", m.Docs, m.MinDF, num(m.Threshold), m.MinKeep)
	for i, name := range FeatureNames {
		fmt.Fprintf(&b, "f %s %s\n", name, num(m.Dense[i]))
	}
	words := make([]string, 0, len(m.Lex))
	for w := range m.Lex {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		e := m.Lex[w]
		fmt.Fprintf(&b, "w %s %d %s %s %s\n", w, e.DF, num(e.First), num(e.Last), num(e.Any))
	}
	return b.Bytes()
}

func num(x float64) string {
	s := strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

// Parse reads a model written by Marshal.
func Parse(data []byte) (*Model, error) {
	m := &Model{Lex: map[string]*Word{}}
	names := map[string]int{}
	for i, n := range FeatureNames {
		names[n] = i
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		bad := func() error { return fmt.Errorf("keyphrase model line %d: %q", line, sc.Text()) }
		nums := make([]float64, 0, 4)
		for _, s := range f[1:] {
			if x, err := strconv.ParseFloat(s, 64); err == nil {
				nums = append(nums, x)
			}
		}
		switch f[0] {
		case "keyphrase-model":
		case "docs", "mindf", "threshold", "minkeep":
			if len(nums) != 1 {
				return nil, bad()
			}
			switch f[0] {
			case "docs":
				m.Docs = int(nums[0])
			case "mindf":
				m.MinDF = int(nums[0])
			case "threshold":
				m.Threshold = nums[0]
			case "minkeep":
				m.MinKeep = int(nums[0])
			}
		case "f":
			i, ok := names[f[1]]
			if !ok || len(f) != 3 || len(nums) != 1 {
				return nil, bad()
			}
			m.Dense[i] = nums[0]
		case "w":
			if len(f) != 6 {
				return nil, bad()
			}
			x := make([]float64, 4)
			for k := range x {
				v, err := strconv.ParseFloat(f[k+2], 64)
				if err != nil {
					return nil, bad()
				}
				x[k] = v
			}
			m.Lex[f[1]] = &Word{DF: int(x[0]), First: x[1], Last: x[2], Any: x[3]}
		default:
			return nil, bad()
		}
	}
	if m.Docs <= 0 {
		return nil, fmt.Errorf("keyphrase model: no document count")
	}
	m.Prepare()
	return m, sc.Err()
}
