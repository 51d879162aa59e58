package rouge_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/scripts/eval/rouge"
)

// The expected values below are the published expectations of Google's rouge-score tests
// (rouge/rouge_scorer_test.py), which were themselves taken from runs of ROUGE-1.5.5; the two
// long target/prediction pairs are that package's testdata/target.txt and prediction.txt, lines 1–2.
const (
	target0     = "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L"
	target1     = "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao Q m qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN"
	prediction0 = "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi"
	prediction1 = "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed HqqLFXe,XPY,J XsurkMeo ,ed nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD"
)

func TestCompareSmall(t *testing.T) {
	tests := []struct {
		name, ref, pred string
		r1, r2, rl      rouge.Score
	}{
		{"unigram", "testing one two", "testing",
			rouge.Score{Precision: 1, Recall: 1.0 / 3, F1: 0.5}, rouge.Score{}, rouge.Score{Precision: 1, Recall: 1.0 / 3, F1: 0.5}},
		{"bigram and consecutive LCS", "testing one two", "testing one",
			rouge.Score{Precision: 1, Recall: 2.0 / 3, F1: 0.8}, rouge.Score{Precision: 1, Recall: 0.5, F1: 2.0 / 3}, rouge.Score{Precision: 1, Recall: 2.0 / 3, F1: 0.8}},
		{"non-consecutive LCS", "testing one two", "testing two",
			rouge.Score{Precision: 1, Recall: 2.0 / 3, F1: 0.8}, rouge.Score{}, rouge.Score{Precision: 1, Recall: 2.0 / 3, F1: 0.8}},
		{"empty prediction", "testing one two", "", rouge.Score{}, rouge.Score{}, rouge.Score{}},
		{"only punctuation", "w1 w2 w3 w4 w5", "/", rouge.Score{}, rouge.Score{}, rouge.Score{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rouge.Compare(tt.ref, tt.pred)
			assertScore(t, tt.r1, got.R1, 1e-9)
			assertScore(t, tt.r2, got.R2, 1e-9)
			assertScore(t, tt.rl, got.RL, 1e-9)
		})
	}
}

// TestCompareAgainstROUGE155 checks the published ROUGE-1.5.5 numbers (stemmed) to 5 places.
func TestCompareAgainstROUGE155(t *testing.T) {
	got0 := rouge.Compare(target0, prediction0)
	assertScore(t, rouge.Score{Recall: 0.40741, Precision: 0.68750, F1: 0.51163}, got0.R1, 1e-5)
	assertScore(t, rouge.Score{Recall: 0.30769, Precision: 0.53333, F1: 0.39024}, got0.R2, 1e-5)

	got1 := rouge.Compare(target1, prediction1)
	assertScore(t, rouge.Score{Recall: 0.42857, Precision: 0.69231, F1: 0.52941}, got1.R1, 1e-5)
	assertScore(t, rouge.Score{Recall: 0.29268, Precision: 0.48000, F1: 0.36364}, got1.R2, 1e-5)
}

func TestTokenize(t *testing.T) {
	assert.Equal(t, []string{"the", "model", "learn", "faster", "on", "gpus", "2", "5x"},
		rouge.Tokenize("The models learning faster on GPUs (2.5x)!", true))
	assert.Equal(t, []string{"the", "models", "learning"}, rouge.Tokenize("The models, learning", false))
	assert.Empty(t, rouge.Tokenize(" ./ ", true))
}

func TestBestTakesHighestROUGE1FirstOnTies(t *testing.T) {
	refs := []string{"a cat sat", "the dog barked loudly", "the dog barked loudly today"}
	got := rouge.Best(refs, "the dog barked loudly")
	require.InDelta(t, 1.0, got.R1.F1, 1e-9)
	assert.InDelta(t, 1.0, got.RL.F1, 1e-9, "RL must come from the same reference as R1")

	// Two references tie on ROUGE-1; the first one's ROUGE-2 is reported.
	got = rouge.Best([]string{"dog the", "the dog"}, "the dog")
	assert.InDelta(t, 0.0, got.R2.F1, 1e-9)
	assert.Equal(t, rouge.Scores{}, rouge.Best(nil, "x"))
}

func assertScore(t *testing.T, want, got rouge.Score, delta float64) {
	t.Helper()
	assert.InDelta(t, want.Precision, got.Precision, delta, "precision")
	assert.InDelta(t, want.Recall, got.Recall, delta, "recall")
	assert.InDelta(t, want.F1, got.F1, delta, "F1")
}
