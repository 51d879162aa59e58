package summarize_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/wasm/summarize"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "  ", nil},
		{"no final period", "We study X", []string{"We study X"}},
		{"two sentences", "We study X. It works!", []string{"We study X.", "It works!"}},
		{"question", "Can nets count? We show they can.", []string{"Can nets count?", "We show they can."}},
		{"et al.", "Following Smith et al. (2019) and Lee et al. we extend it. Results follow.",
			[]string{"Following Smith et al. (2019) and Lee et al. we extend it.", "Results follow."}},
		{"et al. before a capital", "As shown by Kim et al. Transformers fail here. We fix that.",
			[]string{"As shown by Kim et al. Transformers fail here.", "We fix that."}},
		{"e.g. and i.e.", "Tasks, e.g. QA, and losses, i.e. NLL, matter. Next.",
			[]string{"Tasks, e.g. QA, and losses, i.e. NLL, matter.", "Next."}},
		{"Fig. and Eq.", "See Fig. 3 and Eq. (2) for details. We conclude.",
			[]string{"See Fig. 3 and Eq. (2) for details.", "We conclude."}},
		{"Prop. and Lem.", "Prop. (4) gives the bound and Lem. 2 the rate. We conclude.",
			[]string{"Prop. (4) gives the bound and Lem. 2 the rate.", "We conclude."}},
		{"vs.", "We compare CNNs vs. Transformers. Both help.", []string{"We compare CNNs vs. Transformers.", "Both help."}},
		{"a page", "It holds (see [[a], [b, p. 3]] here. Next.", []string{"It holds (see [[a], [b, p. 3]] here.", "Next."}},
		{"decimals and versions", "Accuracy rises by 3.5 points with v1.2.3 of the code. Done.",
			[]string{"Accuracy rises by 3.5 points with v1.2.3 of the code.", "Done."}},
		{"URL", "Code is at https://github.com/x/y.git and www.example.org. We thank Z.",
			[]string{"Code is at https://github.com/x/y.git and www.example.org.", "We thank Z."}},
		{"inline math", "We bound the error by $O(n^{-1/2}). Then$ it holds. Next step.",
			[]string{"We bound the error by $O(n^{-1/2}). Then$ it holds.", "Next step."}},
		{"TeX command", "We use \\emph{Adam. Really} here. Fine.", []string{"We use \\emph{Adam. Really} here.", "Fine."}},
		{"citation brackets", "Prior work [1. Smith] fails. Ours works.", []string{"Prior work [1. Smith] fails.", "Ours works."}},
		{"capital abbreviations", "Data from the U.S. Census and the U.K. Office are used. We model them.",
			[]string{"Data from the U.S. Census and the U.K. Office are used.", "We model them."}},
		{"no space after a period", "Avatars only move the body.In this work, we add hands. See e.g.The code, Node.js and x.com/In.",
			[]string{"Avatars only move the body.", "In this work, we add hands.", "See e.g.The code, Node.js and x.com/In."}},
		{"initials", "The method of J. R. Quinlan is used. It is old.", []string{"The method of J. R. Quinlan is used.", "It is old."}},
		{"acronym ends a sentence", "We beat GPT-4. It was hard.", []string{"We beat GPT-4.", "It was hard."}},
		{"closing quote", `They call it "magic." We disagree.`, []string{`They call it "magic."`, "We disagree."}},
		{"lower-case after period", "Results in Sec. 4 show gains. ours too.", []string{"Results in Sec. 4 show gains. ours too."}},
		{"unbalanced parenthesis", "We study (a case. It ends. Here.", []string{"We study (a case.", "It ends.", "Here."}},
		{"CJK full stops", "本文研究X。它有效！为什么？Then 。the end é.", []string{"本文研究X。", "它有效！", "为什么？", "Then 。", "the end é."}},
		{"escaped dollar", `It costs \$5. Then $x. y$ holds. Done.`, []string{`It costs \$5.`, "Then $x. y$ holds.", "Done."}},
		{"etc. ends a sentence", "We use CNNs, RNNs, etc. They all work.", []string{"We use CNNs, RNNs, etc.", "They all work."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, summarize.Sentences(tt.text))
		})
	}
}
