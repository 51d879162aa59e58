package compress_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/wasm/summarize/internal/compress"
)

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"lead-in", "In this paper, we propose X.", "We propose X."},
		{"lead-in without comma", "In this work we study Y.", "We study Y."},
		{"stacked lead-ins", "However, in this paper, we show Z.", "We show Z."},
		{"inline", "We address these issues in this paper by proposing W.", "We address these issues by proposing W."},
		{"citation", "Prior methods [3, 4] fail.", "Prior methods fail."},
		{"parenthetical", "We train a model (which achieves 90% accuracy) on data.", "We train a model on data."},
		{"acronym kept", "We propose a network (V-RIN) for imputation.", "We propose a network (V-RIN) for imputation."},
		{"formula kept", "We bound f(x) tightly.", "We bound f(x) tightly."},
		{"missing period", "We study things", "We study things."},
		{"lower-case start", "moreover, results improve.", "Results improve."},
		{"CJK stop", "我们提出了一种方法。", "我们提出了一种方法。"},
		{"unbalanced", "We study (a case.", "We study (a case."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, compress.Clean(tt.in))
		})
	}
}

func TestCandidates(t *testing.T) {
	got := compress.Candidates("To address this, we introduce a new framework called DCC, which divides the program into parts that we then combine, and show that it scales.")
	texts := make([]string, len(got))
	for i, c := range got {
		texts[i] = c.Text
		assert.True(t, strings.HasSuffix(c.Text, "."), c.Text)
		assert.GreaterOrEqual(t, c.Words, 7, c.Text)
		assert.LessOrEqual(t, c.Words, c.Base, c.Text)
	}
	assert.Equal(t, compress.KindNone, got[0].Kind, "the uncut sentence comes first")
	assert.Contains(t, texts, "We introduce a new framework called DCC.")
	for _, s := range texts {
		assert.NotContains(t, s, "called.", "a cut never leaves a word that needs its complement")
		assert.NotContains(t, s, "show.", "a cut never leaves a word that needs its complement")
	}
	assert.Empty(t, compress.Candidates("")[0].Text)
}
