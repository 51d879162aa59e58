package scorer

import (
	"strings"

	"github.com/papergist/papergist/wasm/summarize/internal/compress"
)

// Candidate feature indices: the second stage rates compressions of the best sentences.
const (
	cSentence = iota // the sentence's first-stage score minus the abstract's best
	cRank0
	cRank1
	cRank2
	cW0_8
	cW8_12
	cW12_16
	cW16_20
	cW20_25
	cW25_30
	cW30_40
	cW40Plus
	cKept
	cTitleRecall
	cTitleLost
	cTrailDigit
	cEF1Short
	cEF1Mid
	cEF1Long
	cKind
	cNumFeatures = cKind + compress.NumKinds
)

// CandidateNames names the candidate features, in index order, for the weights file.
var CandidateNames = func() [cNumFeatures]string {
	n := [cNumFeatures]string{"sentence", "rank0", "rank1", "rank2", "w<8", "w8-12", "w12-16", "w16-20",
		"w20-25", "w25-30", "w30-40", "w40+", "kept", "title_recall", "title_lost", "trail_digit",
		"ef1_12", "ef1_20", "ef1_30"}
	for k, name := range compress.KindNames {
		n[cKind+k] = "cut_" + name
	}
	return n
}()

// CandidateFeatures describe one compression of one of the best sentences.
type CandidateFeatures struct {
	Dense [cNumFeatures]float64
	// Trail are the distinct lower-cased words the cut removed.
	Trail []string
}

// ExtractCandidate computes the features of candidate c of the sentence ranked rank (0 = best) by the
// first stage, whose score is delta below the best one. titleWords are the title's distinct content words.
func ExtractCandidate(titleWords []string, probs map[string]float64, delta float64, rank int, c compress.Candidate) CandidateFeatures {
	var f CandidateFeatures
	d := &f.Dense
	textWords := Words(c.Text)
	d[cEF1Short] = expectedF1(textWords, probs, 12)
	d[cEF1Mid] = expectedF1(textWords, probs, 20)
	d[cEF1Long] = expectedF1(textWords, probs, 30)
	d[cSentence] = delta
	if rank <= 2 {
		d[cRank0+rank] = 1
	}
	switch w := c.Words; {
	case w < 8:
		d[cW0_8] = 1
	case w < 12:
		d[cW8_12] = 1
	case w < 16:
		d[cW12_16] = 1
	case w < 20:
		d[cW16_20] = 1
	case w < 25:
		d[cW20_25] = 1
	case w < 30:
		d[cW25_30] = 1
	case w < 40:
		d[cW30_40] = 1
	default:
		d[cW40Plus] = 1
	}
	if c.Base > 0 {
		d[cKept] = float64(c.Words) / float64(c.Base)
	}
	if len(titleWords) > 0 {
		kept, lost := 0, 0
		trailWords := Words(c.Trailing)
		for _, t := range titleWords {
			if contains(textWords, t) {
				kept++
			} else if contains(trailWords, t) {
				lost++
			}
		}
		d[cTitleRecall] = float64(kept) / float64(len(titleWords))
		d[cTitleLost] = float64(lost) / float64(len(titleWords))
		f.Trail = distinct(trailWords)
	} else {
		f.Trail = distinct(Words(c.Trailing))
	}
	d[cTrailDigit] = b2f(strings.ContainsAny(c.Trailing, "0123456789"))
	d[cKind+c.Kind] = 1
	return f
}

// ScoreCandidate is the candidate's linear score: higher is a better TL;DR.
func (m *Model) ScoreCandidate(f *CandidateFeatures) float64 {
	s := 0.0
	for i, v := range f.Dense {
		s += m.cand[i] * v
	}
	for _, w := range f.Trail {
		s += m.Trailing[w]
	}
	return s
}

// TopSentences is how many of stage one's best sentences stage two considers.
const TopSentences = 5

// Shortlisted is one candidate TL;DR with its stage-two features.
type Shortlisted struct {
	Text     string
	Features CandidateFeatures
}

// Shortlist rates the sentences with stage one and returns the compressions of the best k of them,
// best sentence first.
func Shortlist(m *Model, title string, sentences []string, k int) []Shortlisted {
	if len(sentences) == 0 {
		return nil
	}
	feats := Extract(title, sentences)
	scores := make([]float64, len(feats))
	order := make([]int, len(feats))
	for i := range feats {
		scores[i] = m.Score(&feats[i])
		order[i] = i
	}
	// insertion sort, best first, earlier sentence first on ties: abstracts are short
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && scores[order[j]] > scores[order[j-1]]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	order = order[:min(k, len(order))]
	titleWords := distinct(ContentWords(title))
	best := scores[order[0]]
	probs := m.WordProbs(title, sentences)
	var out []Shortlisted
	for rank, i := range order {
		for _, c := range compress.Candidates(sentences[i]) {
			if c.Text == "" {
				continue
			}
			out = append(out, Shortlisted{Text: c.Text, Features: ExtractCandidate(titleWords, probs, scores[i]-best, rank, c)})
		}
	}
	return out
}

// Best returns the candidate TL;DR both stages rate highest, or "" when the sentences say nothing.
func (m *Model) Best(title string, sentences []string) string {
	best, bestScore := "", 0.0
	for i, c := range Shortlist(m, title, sentences, TopSentences) {
		if s := m.ScoreCandidate(&c.Features); i == 0 || s > bestScore {
			best, bestScore = c.Text, s
		}
	}
	return best
}
