package paper_test

import (
	"math"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/shared/paper"
)

// The inputs are the forms the issue saw raw in TL;DRs and abstracts.
func TestCleanTextRendersTeX(t *testing.T) {
	for in, want := range map[string]string{
		`Diffusion Policy~(H^{\mathbf{3}DP}) learns`:   "Diffusion Policy (H^(3DP)) learns",
		`the 2^nd edition`:                             "the 2^nd edition",
		`grows as 2^n and k^in`:                        "grows as 2ⁿ and k^in",
		`x^ij here`:                                    "x^ij here",
		"10\ue05e9 keys and x\ue05ea here":             "10⁹ keys and x^a here", // pdfmeta's scriptCaret, were it to leak
		`scales as 10^23 here`:                         "scales as 10²³ here",
		`scales as 10^23.`:                             "scales as 10²³.",
		`grows as 10^2.5 here`:                         "grows as 10^2.5 here",
		`grows as x^0.5 here`:                          "grows as x^0.5 here",
		`grows as 10^23.5 here`:                        "grows as 10^23.5 here",
		`grows as x^1/2 here`:                          "grows as x^1/2 here",
		`at $25^\circ$C`:                               "at 25°C",
		`at 25$^\circ$C`:                               "at 25°C",
		`at $25\,^\circ$C`:                             "at 25 °C",
		`at $25 ^\circ$C`:                              "at 25 °C",
		`at $25\;^{\circ}$C`:                           "at 25 °C",
		`the n-fold $f^{\circ n}$ map`:                 "the n-fold f^(∘ n) map",
		`the interior $A^\circ$ of A`:                  "the interior A^∘ of A",
		`$x^{n + 1}$ and $x^{n+1}$`:                    "xⁿ⁺¹ and xⁿ⁺¹",
		`x^2 y`:                                        "x² y",
		`sorts in $\mathcal{O}(n \log n)$ time`:        "sorts in O(n log n) time",
		`a \emph{simple} rule`:                         "a simple rule",
		`with $\alpha \leq 0.5$ and $k=10^{3}$ steps`:  "with α ≤ 0.5 and k=10³ steps",
		`over $\mathbb{R}^d$`:                          "over ℝ^d",
		`Schr\"odinger and Erd\H{o}s`:                  "Schrödinger and Erdős",
		`see Section~\ref{sec}`:                        `see Section \ref{sec}`,
		`about ~10% faster`:                            "about ~10% faster",
		`as Section~4 and Fig.~3 show, Table~2, Eq.~5`: "as Section 4 and Fig. 3 show, Table 2, Eq. 5",
		`with n~10 samples and k~5`:                    "with n~10 samples and k~5",
		`the loss $\frac{1}{n}\sum_{i=1}^n x_i$ reads`: "the loss (1/n)∑_(i=1)ⁿ x_i reads",
		`costs $5 and $6`:                              "costs $5 and $6",
		`$x_i$ is an input`:                            "x_i is an input",
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}

// PDF text keeps its ligature code points, which NFC does not spell out: "efﬁciently" reads wrong in a card
// and matches no search for "efficiently".
func TestCleanTextSpellsLigatures(t *testing.T) {
	for in, want := range map[string]string{
		"great success in classiﬁcation tasks": "great success in classification tasks",
		"trains efﬁciently on a ﬂat, ﬀ, ﬃ, ﬄ":  "trains efficiently on a flat, ff, ffi, ffl",
		"the ﬁrst ﬅ and ﬆ":                     "the first st and st",
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}

// Abstracts written in TeX use plain TeX's font switches and \url, which cards showed raw.
func TestCleanTextRendersFontSwitches(t *testing.T) {
	for in, want := range map[string]string{
		`invariant to {\it any monotone transform} of the data`: "invariant to any monotone transform of the data",
		`in {\em situated temporal planning}, an agent`:         "in situated temporal planning, an agent",
		`the model {\bf PG} and {\sc Bert}`:                     "the model PG and Bert",
		`Code is available at: \url{https://example.org/tk}.`:   "Code is available at: https://example.org/tk.",
		`a {\itshape shape} and {\em nested {x}} stay`:          `a {\itshape shape} and {\em nested {x}} stay`,
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}

// Abstracts typed in plain text or TeX write dashes as "--" and "---", which cards showed as typed.
func TestCleanTextTypesDashes(t *testing.T) {
	for in, want := range map[string]string{
		"deep neural forests (DNF) -- a novel architecture":   "deep neural forests (DNF) – a novel architecture",
		"Cross Language Agent -- Simultaneous Interpretation": "Cross Language Agent – Simultaneous Interpretation",
		"forward facilitation---the accelerated learning":     "forward facilitation—the accelerated learning",
		"from low to high frequencies --- on benchmarks":      "from low to high frequencies — on benchmarks",
		"small (100k--1.2M parameter) image classifiers":      "small (100k–1.2M parameter) image classifiers",
		"run it with --help or --max-steps=10":                "run it with --help or --max-steps=10",
		"see https://example.org/a--b and x-->y":              "see https://example.org/a--b and x-->y",
		"the bound $a -- b$ holds":                            "the bound a -- b holds", // math, rendered as written
		"call `f -- g` here; a ---- rule":                     "call f -- g here; a ---- rule",
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}

// Hugging Face and OpenReview abstracts are typed in Markdown; cards showed its marks.
func TestCleanTextDropsMarkdownEmphasis(t *testing.T) {
	for in, want := range map[string]string{
		"a phenomenon we call *multi-model forgetting*.":      "a phenomenon we call multi-model forgetting.",
		"the *hidden manifold model* (HMM) and **Bold** text": "the hidden manifold model (HMM) and Bold text",
		"set `batch_size` and an _uncertain_ label":           "set batch_size and an uncertain label",
		"snake_case_name, A* search and B* trees stay":        "snake_case_name, A* search and B* trees stay",
		"the `scatter' metric and __init__":                   "the `scatter' metric and __init__",
		`a bound $\mu^*(x)$ on *x*`:                           "a bound μ^*(x) on x",
		"footnote* marks * and 2 * 3 * 4 stay":                "footnote* marks * and 2 * 3 * 4 stay",
		"*Abstract:* we call it *a -- b*":                     "Abstract: we call it a – b",
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}

// A page's text may hold long runs without white space; each "--" in one looked at the whole token,
// which took minutes for 300 KB of "a--a--…".
func TestCleanTextDashesStayLinear(t *testing.T) {
	assertLinear(t, func(n int) string { return strings.Repeat("a--", 5000*n) }, func(in, out string) {
		assert.Equal(t, in, out)
	})
}

// typeset looks back from a "--" for the citation command it closes no further than the longest one matchAside
// reads (817 bytes): a range of real keys, and of the longest command, is a range too.
func TestCleanTextReadsARangeOfLongCitations(t *testing.T) {
	assert.Equal(t, "as in [vaswani2017attention]–[devlin2019bert].",
		paper.CleanText(`as in \cite{vaswani2017attention} -- \cite{devlin2019bert}.`))
	longest := `\citeyearpar*[` + strings.Repeat("p", 100) + `][` + strings.Repeat("q", 100) + `]{` +
		strings.Repeat("k", 598) + `}`
	assert.Len(t, longest, 817)
	assert.Equal(t, "as in ["+strings.Repeat("p", 100)+" "+strings.Repeat("k", 598)+", "+strings.Repeat("q", 100)+"]–[b].",
		paper.CleanText("as in "+longest+` -- \cite{b}.`))
}

// TeX sources' citations and footnotes reached cards as written: "the data programming paradigm
// \citep{Ratner2016}, which".
func TestCleanTextDropsCitationsAndFootnotes(t *testing.T) {
	for in, want := range map[string]string{
		`as shown \citep{x}.`: "as shown.",
		`a weak supervision paradigm~\cite{ratner16, bach17}, which`: "a weak supervision paradigm, which",
		`learned \citep[see][p.~3]{k} and \citealp*{a,b}`:            "learned",
		`methods \citep{a}, \citep{b} and \citep{c} fail.`:           "methods fail.",
		`OSG proposed in~\citep{k} for solving`:                      "OSG proposed in [k] for solving",
		`an extragradient method by~\citep{k}.`:                      "an extragradient method by [k].",
		`Recent work of \citep{a, b} has shown`:                      "Recent work of [a, b] has shown",
		`However, unlike \cite{z}, we`:                               "However, unlike [z], we",
		`a bound matching the~\cite{b} upper bound`:                  "a bound matching the [b] upper bound",
		`a method (\cite{x}) works`:                                  "a method ([x]) works",
		`GANs [\cite{a}] and`:                                        "GANs [a] and",
		`prior work (e.g., \citealp{x}; \citealp{y}) shows`:          "prior work (e.g., [x]; [y]) shows",
		`\cite{x} showed that`:                                       "[x] showed that",
		`(see \citealt{c}) and (ODE-Nets; \citealp{c})`:              "(see [c]) and (ODE-Nets; [c])",
		`an aside \citealt{c} reads as its key`:                      "an aside [c] reads as its key",
		`generalizes the earlier work \cite{z} of`:                   "generalizes the earlier work of",
		`dubbed "double descent"\cite{b}. While`:                     `dubbed "double descent". While`,
		"Use `x \\cite{key}` to cite.":                               "Use `x \\cite{key}` to cite.",
		"Use ``\\footnote{x}`` here.":                                "Use ``\\footnote{x}`` here.",
		`see https://x.org/a\cite{b} for it`:                         `see https://x.org/a\cite{b} for it`,
		`domain knowledge\footnote{We release the code.}.`:           "domain knowledge.",
		`a rate\footnote{Up to $\tilde{O}(\cdot)$ factors.} of`:      "a rate of",
		`Previous work like \citet{s09} and \citeauthor{s10} has`:    "Previous work like [s09] and [s10] has",
		`as \citet[p.~3]{k} and \cite{a b} and \citet{Müller10} say`: `as [k, p. 3] and \cite{a b} and \citet{Müller10} say`,
		`Our work answers \citet{zhang17}, who`:                      "Our work answers [zhang17], who",
		`We show that \cite{k} is wrong`:                             "We show that [k] is wrong",
		`We also extend \cite{k} to graphs`:                          "We also extend [k] to graphs",
		`Our method outperforms \citep{k} on`:                        "Our method outperforms [k] on",
		`Transformers \cite{k} are`:                                  "Transformers are",
		`Transformers \cite{a}--\cite{b} are slow`:                   "Transformers are slow",
		`Unlike GAT \cite{a}, \cite{b} uses sampling`:                "Unlike GAT [a], [b] uses sampling",
		`Unlike GAT \cite{a}, \cite{b} and we`:                       "Unlike GAT [a], [b] and we",
		`known methods \cite{a}, \cite{b}.`:                          "known methods.",
		`Prior work \cite{a}, \cite{b} fails on long inputs`:         "Prior work fails on long inputs",
		`an open \footnote{never closed`:                             `an open \footnote{never closed`,
		`in \LaTeX{} and \TeX{} files`:                               "in LaTeX and TeX files",
		`e.g.\ VGG and \LaTeX\ or \TeX`:                              "e.g. VGG and LaTeX or TeX",
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}

// A citation with options reads as natbib prints it, the keys as CleanText already shows them: "[a, Thm. 1]",
// "[see a, Ch. 2]", "[e.g., a]", "[a, b, Section 3]" (issue 15). On main each stayed as written, and a tie in its
// note was typed in one ("\citet[Sec. 2]{b}") and not in another ("\citep[p.~3]{a}").
func TestCleanTextReadsCitationOptions(t *testing.T) {
	for in, want := range map[string]string{
		`As shown in \cite[Thm.~1]{smith20}, the bound holds.`:   "As shown in [smith20, Thm. 1], the bound holds.",
		`See \citep[p.~3]{a} and \citet[Sec.~2]{b} for details.`: "See [a, p. 3] and [b, Sec. 2] for details.",
		`We follow \cite[Section 3]{a,b} closely.`:               "We follow [a, b, Section 3] closely.",
		`We follow \citep[see][Ch.~2]{a} closely.`:               "We follow [see a, Ch. 2] closely.",
		`We follow \citep[e.g.,][]{a} closely.`:                  "We follow [e.g., a] closely.",
		`We follow \citep[][Ch.~2]{a} closely.`:                  "We follow [a, Ch. 2] closely.",
		`We follow \citep[ ]{a} closely.`:                        "We follow [a] closely.",
		// a page range's dash as natbib prints it, as in prose ("pages 3--5" → "pages 3–5")
		`See \citep[pp.~3--5]{a} for details.`:       "See [a, pp. 3–5] for details.",
		`See \citep[Sections~3---5]{a} for details.`: "See [a, Sections 3—5] for details.",
		`We follow \citealp*[see][]{a} closely.`:     "We follow [see a] closely.",
		// a textual citation reads so wherever \citet{b} reads "[b]"
		`\citet[Sec.~2]{b} showed that it converges.`: "[b, Sec. 2] showed that it converges.",
		// where a plain citation is an aside, one with options goes the same way
		`Transformers \citep[e.g.,][]{vaswani17} dominate NLP.`:  "Transformers dominate NLP.",
		`Transformers \cite[Sec.~2]{a}, \cite{b} dominate NLP.`:  "Transformers dominate NLP.",
		`Transformers \cite{a}--\cite[p.~3]{c} dominate NLP.`:    "Transformers dominate NLP.",
		`Prior work \citep[see][Ch.~2]{a} fails on long inputs.`: "Prior work fails on long inputs.",
		`domain knowledge\footnote[2]{We release the code.}. We`: "domain knowledge. We",
		// an option with math or TeX, or keys that are not plain names, stay as written
		`We follow \cite[\S~3]{a} closely.`:     `We follow \cite[\S~3]{a} closely.`,
		`We follow \cite[Thm.~1]{a b} closely.`: `We follow \cite[Thm. 1]{a b} closely.`,
		`We follow \cite[{Thm. 1}]{a} closely.`: `We follow \cite[{Thm. 1}]{a} closely.`,
		"We follow \\cite[$n$]{a} closely.":     `We follow \cite[n]{a} closely.`, // the math rendered as elsewhere
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}

// A citation alone in the source's own brackets gets no second pair; a run of them keeps the source's pair around
// theirs, as the TL;DR reads one bracket whole: without it, TeX beside the run, which the cleaner sees and the TL;DR
// does not, took "[a]; [b]" apart ("Unlike \emph{GAT} [a]; [b], the bound" left "Unlike GAT; [b], the bound").
func TestCleanTextBracketsARunOnce(t *testing.T) {
	for in, want := range map[string]string{
		`Prior work [\cite{a}--\cite{c}] is slow.`:           "Prior work [[a]–[c]] is slow.",
		`Prior work [\cite{a} -- \cite{c}] is slow.`:         "Prior work [[a]–[c]] is slow.",
		`Prior work [\cite{a}, \cite{b}, \cite{c}] is slow.`: "Prior work [[a], [b], [c]] is slow.",
		`Prior work [\cite[Thm.~1]{a}] is slow.`:             "Prior work [a, Thm. 1] is slow.",
		`GANs [\cite{a}] are slow.`:                          "GANs [a] are slow.",
		// a tie between them reads as a space, as without the brackets
		"We follow [\\cite{a},~\\cite{b}] closely.":                "We follow [[a], [b]] closely.",
		"We follow [\\cite{a}~\\cite{b}] closely.":                 "We follow [[a] [b]] closely.",
		"We follow \\cite{a},~\\cite{b} closely.":                  "We follow [a], [b] closely.",
		"We follow \\cite{a}~\\cite{b} closely.":                   "We follow [a] [b] closely.",
		`Transformers [\cite{a}; \cite{b}] dominate NLP.`:          "Transformers [[a]; [b]] dominate NLP.",
		`Unlike GAT [\cite{a}, \cite{b}] uses sampling.`:           "Unlike GAT [[a], [b]] uses sampling.",
		`Unlike \emph{GAT} [\cite{a}; \cite{b}], the bound holds.`: "Unlike GAT [[a]; [b]], the bound holds.",
		`We compare with GCN [\cite{a} and \cite{b}] on it.`:       "We compare with GCN [[a] and [b]] on it.",
		// not a run of citations alone in brackets: each citation in its own, as before
		`Prior work [\cite{a}, p. 3] is slow.`:        "Prior work [[a], p. 3] is slow.",
		`Prior work [\cite{a}--\cite{c} is slow.`:     "Prior work [[a]–[c] is slow.",
		`Prior work [\cite{a}--\cite{b c}] is slow.`:  `Prior work [[a]–\cite{b c}] is slow.`,
		`Prior work [\cite{a}--\cite{c}, 3] is slow.`: "Prior work [[a]–[c], 3] is slow.",
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}

// A \cite the sentence needs is read as its keys, not dropped: after an open-class verb of a noun subject, an
// opening adverb, a gerund, a copula, or before a possessive.
func TestCleanTextKeepsCitationsInTheSentence(t *testing.T) {
	for in, want := range map[string]string{
		`This paper revises \cite{k} to handle graphs`:                    "This paper revises [k] to handle graphs",
		`Recently \cite{k} proposed a linear attention`:                   "Recently [k] proposed a linear attention",
		`This paper studies \cite{k}'s conjecture`:                        "This paper studies [k]'s conjecture",
		`Our formulation subsumes \cite{a} and \cite{b} as special cases`: "Our formulation subsumes [a] and [b] as special cases",
		`Our model is fast, outperforming \cite{k} by 5 points`:           "Our model is fast, outperforming [k] by 5 points",
		`The closest work to ours is \cite{k}.`:                           "The closest work to ours is [k].",
		// SciTLDR's "Our experiments support these theoretical findings and establish", "We also empirically
		// demonstrate how", "Previous work like \citet{a} and \citet{b} has presented", citing the work
		`Our experiments support \cite{k} and establish`: "Our experiments support [k] and establish",
		`We also empirically compare \cite{k} to RNNs`:   "We also empirically compare [k] to RNNs",
		`Work \cite{k} has presented`:                    "Work [k] has presented",
		`as shown in Reference~\cite{k}`:                 "as shown in Reference [k]",
		// an adjective that opens a clause and asks for a noun: the citation is that noun ("Previous has shown"
		// was a hole); inside a clause the same words end a phrase or are nouns, and the citation is an aside
		`Previous \cite{x} has shown that`: "Previous [x] has shown that",
		`Recent \cite{x} shows that`:       "Recent [x] shows that",
		`Earlier \cite{a,b} proposed`:      "Earlier [a, b] proposed",
		`Several \cite{x} have`:            "Several [x] have",
		`Several \cite{x} have, however,`:  "Several [x] have, however,",
		// the word after the citation may be the noun the adjective asks for: the citation is an aside
		`Prior \cite{x} work has studied`:                 "Prior work has studied",
		`Several \cite{a,b} methods fail`:                 "Several methods fail",
		`Previous \cite{x} approaches rely on`:            "Previous approaches rely on",
		`Earlier \cite{x} work showed`:                    "Earlier work showed",
		`Unlike many \cite{x}, we`:                        "Unlike many, we",
		`as argued by many \cite{a,b,c}.`:                 "as argued by many.",
		`We discuss some \cite{a} works`:                  "We discuss some works",
		`Several recent \cite{a,b} methods fail`:          "Several recent methods fail",
		`We put a Gaussian prior \cite{x} on the weights`: "We put a Gaussian prior on the weights",
		`independently of the other \cite{einstein1935}.`: "independently of the other.",
		`as noted earlier \cite{x}.`:                      "as noted earlier.",
		`that talk to each other \cite{x}.`:               "that talk to each other.",
		// the works after the comma are the subject of the main clause: "Unlike GAT use sampling" was false
		`Unlike GAT \cite{velickovic18}, \cite{hamilton17} and \cite{chen18} use sampling`: "Unlike GAT [velickovic18], [hamilton17] and [chen18] use sampling",
		`Like BERT \cite{devlin}, \cite{liu} and \cite{yang} pretrain on raw text`:         "Like BERT [devlin], [liu] and [yang] pretrain on raw text",
		`We study graphs. Unlike attention \cite{a}, \cite{b} and \cite{c} use sampling`:   "We study graphs. Unlike attention [a], [b] and [c] use sampling",
		`We compare with GCN \cite{a}, \cite{b} on graphs`:                                 "We compare with GCN on graphs",         // as after "and"
		`Unlike GAT \cite{a}--\cite{c}, \cite{d} uses sampling`:                            "Unlike GAT [a]–[c], [d] uses sampling", // a range is one
		// a range written with spaces is a range too: " -- " between citations is no dash ("Prior work – trains")
		`Prior work \cite{a} -- \cite{c} trains jointly.`:           "Prior work trains jointly.",
		`Unlike prior work \cite{a} -- \cite{c}, we train jointly.`: "Unlike prior work, we train jointly.",
		`Unlike GAT \cite{a} -- \cite{c}, \cite{d} uses sampling`:   "Unlike GAT [a]–[c], [d] uses sampling",
		`as in \cite{a} -- \cite{c}.`:                               "as in [a]–[c].",
		`see \cite{a} -- \citep{c} for details`:                     "see [a]–[c] for details",
		// read as keys, a range prints an en dash, as a range of numbers does ("[a]--[c]", "[a] -- [c]" were typed)
		`as in \cite{a}--\cite{c}.`: "as in [a]–[c].",
		// right after a citation read as keys, the next reads so too, as "[a][b]" does ("[a, p. 3]" alone lost b)
		`We follow \cite[p.~3]{a}\cite[p.~4]{b} closely.`: "We follow [a, p. 3][b, p. 4] closely.",
		`We follow \cite{a}\cite{b} closely.`:             "We follow [a][b] closely.",
		// a citation with options reads as natbib prints it ("[a]–\cite[p.~3]{c}" stayed as written)
		`see \cite{a}--\cite[p.~3]{c} for details`:                   `see [a]–[c, p. 3] for details`,
		`as shown in \cite[Thm.~1]{a} -- \cite{b}, the bound holds.`: `as shown in [a, Thm. 1]–[b], the bound holds.`,
		`We follow \cite[Sec.~2]{a} -- \cite{b}, and train jointly.`: `We follow [a, Sec. 2]–[b], and train jointly.`,
		`as in \cite[p.~3]{a}--\cite{c}.`:                            `as in [a, p. 3]–[c].`,
		// a first citation that stays as written (a key with a space, math in its option) keeps the second:
		// "{a}–, the bound" hung
		`as in \cite{a b} -- \cite{c}.`:    `as in \cite{a b}–[c].`,
		`as in \cite[$n$]{a} -- \cite{c}.`: `as in \cite[n]{a}–[c].`,
		// only a whole citation command after the dash makes a range ("[a]–\citex{c}" read one); else the dash is
		// typed as between words
		`as in \cite{a} -- \citex{c}.`: `as in [a] – \citex{c}.`,
		`as in \cite{a} -- \cite`:      `as in [a] – \cite`, // a truncated abstract
		`as in \emph{x}–\cite{c}.`:     "as in x–[c].",      // an en dash typed after other TeX, as before
		// a dash before "and"/"or" and a citation opens a parenthesis, not a run ("Graph transformers in
		// particular – scale" lost the works)
		`Graph transformers \cite{a} -- and \cite{b} in particular -- scale poorly.`: "Graph transformers – and [b] in particular – scale poorly.",
		`Attention \cite{a} – and \cite{b} in particular – scales poorly.`:           "Attention – and [b] in particular – scales poorly.",
		`Sparse models \citep{a} -- or \citep{b} for vision -- cut costs.`:           "Sparse models – or [b] for vision – cut costs.",
		// a dash or quotes typed inside the first citation's options: still a range ("{a} –, the bound" hung)
		`as shown in \cite[Sections 3 -- 5]{a} -- \cite{b}, the bound holds.`:              `as shown in [a, Sections 3 – 5]–[b], the bound holds.`,
		"as shown in \\cite[``Thm. 2'']{a} -- \\cite{b}, the bound holds.":                 "as shown in [a, “Thm. 2”]–[b], the bound holds.",
		`We follow \cite[Sections 3 -- 5]{a} --- \cite{b} argues otherwise --- and train.`: `We follow [a, Sections 3 – 5] --- [b] argues otherwise — and train.`,
		// a textual citation names the work in the sentence, never a range's end: the dash beside it is typed
		// as between words ("[a]–[b] later extended" read a range; "[a] -- [b]" and "[a]--[b]" kept TeX's dash)
		`We build on \citet{a} -- \citet{b} later extended it to graphs.`: "We build on [a] – [b] later extended it to graphs.",
		`the \citeauthor{a}--\citeauthor{b} algorithm is fast.`:           "the [a]–[b] algorithm is fast.",
		// a range typed with an en dash is a range too: "Transformers–[b] are slow" kept half of it
		`Transformers \cite{a}–\cite{b} are slow`:   "Transformers are slow",
		`Transformers \cite{a} – \cite{b} are slow`: "Transformers are slow",
		// only "–" joins: other characters made of its bytes are words ("Transformers are slow" lost the Ⓚ)
		`Transformers \cite{a} Ⓚ \cite{b} are slow`: "Transformers Ⓚ are slow",
		// "---" is no range but may be an em dash: kept as typed, as on main ("[a]–[b] argues" claimed a range)
		`Transformers \cite{a} --- \cite{b} are slow`:                     "Transformers are slow",
		`as in \cite{a} --- \cite{c}.`:                                    "as in [a] --- [c].",
		`as in \cite{a}---\cite{c}.`:                                      "as in [a]---[c].",
		`We follow \cite{a} --- \cite{b} argues otherwise --- and train.`: "We follow [a] --- [b] argues otherwise — and train.",
		`forests -- a novel \cite{x} method`:                              "forests – a novel method",
		// only a citation command's "}" counts: the dash after other TeX is typed as after a word
		`\emph{Forests} -- \cite{a} showed`:                "Forests – showed",
		`Forests -- \cite{a} showed`:                       "Forests – showed",
		`A tree\footnote{see \cite{x}} -- \cite{b} showed`: "A tree – showed",
		`Forests \cite{x} \emph{grow} -- \cite{b} showed`:  "Forests grow – showed",
		// a name that opens the clause and a run joined by "and" before a verb that agrees with more than one:
		// the subject of the clause ("Adam converge" lost it); elsewhere the run is one list of asides
		`Adam \cite{k} and \cite{r} converge`:                                 "Adam [k] and [r] converge",
		`Adam \cite{k} and \cite{r} converge.`:                                "Adam [k] and [r] converge.", // the verb without its period
		`Recently, BERT \cite{a} and \cite{b} have become popular`:            "Recently, BERT [a] and [b] have become popular",
		`Dropout \cite{a} and \cite{b} are regularisers`:                      "Dropout [a] and [b] are regularisers",
		`Dropout \cite{a} and \cite{b} is a regulariser`:                      "Dropout is a regulariser",
		`Adam \cite{k} and \cite{r} converged`:                                "Adam converged",
		`Transformers \cite{a} and \cite{b} scale`:                            "Transformers scale",
		`We compare with GCN \cite{a} and \cite{b} on graphs`:                 "We compare with GCN on graphs",
		`Baselines include GCN \cite{a}, GAT \cite{b} and \cite{c} on graphs`: "Baselines include GCN, GAT on graphs",
		`In NLP \cite{a} and \cite{b}, transformers dominate`:                 "In NLP, transformers dominate",
		`We evaluate on ImageNet \cite{a} and \cite{b} with`:                  "We evaluate on ImageNet with",
		`Methods such as LSTM \cite{a} and \cite{b} fail`:                     "Methods such as LSTM fail",
		// the word after the run may go on the phrase, a pronoun names no work, and "or" joins no subjects
		`BERT \cite{a} and \cite{b} style encoders have become popular`: "BERT style encoders have become popular",
		`We \cite{a} and \cite{b} show that.`:                           "We show that.",
		`Adam \cite{k} or \cite{r} converge`:                            "Adam converge",
		// an opening phrase that is not a lone preposition: "In contrast to graph attention use" was false
		`In contrast to graph attention \cite{a}, \cite{b} use sampling`:        "In contrast to graph attention [a], [b] use sampling",
		`Instead of attention \cite{a}, \cite{b} and \cite{c} use convolutions`: "Instead of attention [a], [b] and [c] use convolutions",
		// any opening but a subordinator, "In recent years", a gerund and its preposition or a noun: the run is kept as keys
		`With enough data transformers \cite{a}, \cite{b} and \cite{c} outperform CNNs`: "With enough data transformers outperform CNNs", // a run with "and" after "with": one list
		`Together with attention \cite{a}, \cite{b} use recurrence for long contexts.`:  "Together with attention [a], [b] use recurrence for long contexts.",
		`Due to memory limits \cite{a}, \cite{b} use sparse attention.`:                 "Due to memory limits [a], [b] use sparse attention.",
		`Because of this \cite{a}, \cite{b} use sparse attention.`:                      "Because of this [a], [b] use sparse attention.",
		`In practice \cite{a}, \cite{b} use sparse attention.`:                          "In practice [a], [b] use sparse attention.",
		`For example \cite{a}, \cite{b} use sparse attention.`:                          "For example [a], [b] use sparse attention.",
		`On the other hand \cite{a}, \cite{b} report no gains.`:                         "On the other hand [a], [b] report no gains.",
		`For graphs \cite{a}, \cite{b} use sampling.`:                                   "For graphs [a], [b] use sampling.",
		`To handle long inputs \cite{a}, \cite{b} propose sparse attention.`:            "To handle long inputs [a], [b] propose sparse attention.",
		`With very large models \cite{a}, \cite{b} show that scaling helps.`:            "With very large models [a], [b] show that scaling helps.",
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}

// In a citation run whose first joint is a comma alone ("X [3], [4] use"), the comma may end the aside after a
// preposition that opens the clause, and the works after it are then the subject; elsewhere, after a
// subordinator, "in" alone, a gerund, a noun or a name alone, it joins a list.
func TestCommaMayEndAside(t *testing.T) {
	for before, want := range map[string]bool{
		"Unlike attention ":                              true,
		"Compared with attention ":                       true,
		"Inspired by attention ":                         true,
		"Much like BERT ":                                true,
		"Despite this ":                                  true,
		"Following GAT ":                                 true,
		"We study graphs. Unlike attention ":             true,
		"Unlike the loss of Smith et al. ":               true, // however long the phrase
		"Unlike Smith et al. ":                           true, // "et al." ends no clause
		"Following prior work we train transformers ":    true,
		"Similar to attention ":                          true,
		"Unlike the six models that we study in detail ": true,
		"We compare with GCN ":                           false, // a name alone: the TL;DR weighs it (Named)
		"Prior work ":                                    false,
		"Even though sampling helps ":                    true, // its verb is there
		"In contrast to graph attention ":                true,
		"In addition to attention ":                      true,
		"Instead of attention ":                          true,
		"Based on this idea ":                            true,
		"As in prior work ":                              true,
		"Building on attention ":                         true,
		"Along with attention ":                          true,
		"Similarly to attention ":                        true,
		"Apart from attention ":                          true,
		"From a theoretical view ":                       true,
		"To this end ":                                   true,
		"With enough data transformers ":                 true, // as "With very large models [a], [b] show"
		"By default most toolkits ":                      true,
		"To handle long inputs ":                         true,
		"With very large models ":                        true,
		"By using large batches ":                        true,
		"Together with attention ":                       true,
		"Due to memory limits ":                          true,
		"Because of this ":                               true,
		"In practice ":                                   true,
		"For example ":                                   true,
		"On the other hand ":                             true,
		"For graphs ":                                    true,
		"Thanks to attention ":                           true,
		"Rather than attention ":                         true,
		"Aside from attention ":                          true,
		"In particular ":                                 true,
		"Recently ":                                      true,
		"As models ":                                     false, // a subordinator; "As in" is a preposition
		"While transformers ":                            false,
		"Although transformers ":                         false,
		"Since transformers ":                            false,
		"In recent years transformers ":                  false, // "in" opens no comparison
		"Training with noise ":                           false, // a gerund, then a preposition
		"Graphs are everywhere, and methods for graphs ": false, // "and" opens the clause
		"Methods for graphs ":                            false, // a noun, then a preposition
		"Work on robustness ":                            false,
		"We study graphs. Prior work ":                   false,
		"In contrast, methods ":                          false,
		"Transformers ":                                  false,
		"Unlike attention, pretrained models ":           false,
	} {
		assert.Equal(t, want, paper.CommaMayEndAside(before, false), before)
	}
}

// Unclosed asides each look ahead a bounded stretch: 300 KB of them stays linear.
func TestCleanTextAsidesStayLinear(t *testing.T) {
	for _, unit := range []string{`\footnote{a{`, `\cite[`, `\iffalse a`} {
		assertLinear(t, func(n int) string { return strings.Repeat(unit, 40000/len(unit)*n) }, func(in, out string) {
			assert.Equal(t, in, out)
		})
	}
}

// A run of citations inside brackets is read once, into one buffer: a long one stays linear.
func TestCleanTextBracketedRunStaysLinear(t *testing.T) {
	assertLinear(t, func(n int) string { return "[" + strings.Repeat(`\cite{a}, `, 2000*n) + `\cite{b}]` }, func(in, out string) {
		assert.True(t, out == "[["+strings.Repeat("a], [", 2000*16)+"b]]", "the run, in the source's pair")
	})
}

// TeX writes quotation marks as “ and ” (and authors type “x" or ”x”): cards showed them as typed.
func TestCleanTextTypesTeXQuotes(t *testing.T) {
	for in, want := range map[string]string{
		"a ``tuning knob'' to traverse":                "a “tuning knob” to traverse",
		"pages ``far\" apart and ''soft'' labels":      "pages “far” apart and “soft” labels",
		"``\"what a model sees\" at first":             "“what a model sees” at first",
		"the ``cut the rate'' method (``freeze'').":    "the “cut the rate” method (“freeze”).",
		"a ``toy model, never closed":                  "a “toy model, never closed",
		"Markdown ``code`` and f''(x) and g'' stay":    "Markdown ``code`` and f''(x) and g'' stay",
		"``a'' in `code ``x'' here` stays":             "“a” in `code ``x'' here` stays",
		"no ''space'' before and 'single' quotes stay": "no “space” before and 'single' quotes stay",
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}

// A TeX quotation that is not cleanly closed, crosses $ or sits in Markdown code stays all as written, never
// half typed; emphasis inside a typed quotation is typed.
func TestCleanTextLeavesUnclosedTeXQuotesAsWritten(t *testing.T) {
	for in, want := range map[string]string{
		"we propose ``Diversity is All You Need''(DIAYN)": "we propose ``Diversity is All You Need''(DIAYN)",
		"the ``$x$'' term":                 "the ``x'' term",
		"``a''s and ``a''b":                "``a''s and ``a''b",
		"Markdown ``x = \"a\"`` code":      "Markdown ``x = \"a\"`` code",
		"run ``print(\"hi\")`` here":       "run ``print(\"hi\")`` here",
		"``a *b* c'' d":                    "“a b c” d",
		"``a'' and ``b'' and a ``lone one": "“a” and “b” and a “lone one",
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}

// Math that abstracts write often and cards showed raw: \left( \right), ℝ and logic.
func TestCleanTextRendersMoreMath(t *testing.T) {
	for in, want := range map[string]string{
		`a generator $G: \R^{k} \to \R^n$ maps`:                         "a generator G: ℝ^k → ℝⁿ maps",
		`a bound $\mathcal{O}\left(\log n\right)$ and $\left.x\right|$`: "a bound O(log n) and x|",
		`queries with $\wedge$, $\vee$ and $\exists$`:                   "queries with ∧, ∨ and ∃",
		`and $\left(\frac{1}{2}\right)$ reads`:                          "and (1/2) reads",
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}

// Each quotation mark looks ahead a bounded stretch for its closing one: long runs of them stay linear.
func TestCleanTextQuotesStayLinear(t *testing.T) {
	assertLinear(t, func(n int) string { return strings.Repeat("``a'' ", 6000*n) }, func(in, out string) {
		assert.Equal(t, strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(in, "``", "“"), "''", "”")), out)
	})
	assertLinear(t, func(n int) string { return strings.Repeat("''a ", 9000*n) }, func(in, out string) {
		assert.Equal(t, strings.TrimSpace(in), out)
	})
}

// Math arguments nest and are read more than once (a fraction's, a script's): nested and unclosed ones stay
// linear too, in math and in text ("x^{a " and "\mathbf{a " each looked for a closing brace to the end).
func TestCleanTextMathStaysLinear(t *testing.T) {
	for _, unit := range []string{`\frac{\sqrt{x^{\frac{1}{2}}}}{b}`, `\frac{{{`, `x^{\alpha `, `\sqrt{\bar{`, `x^{a `,
		`\mathbf{a `, `\mathbf{a`} {
		assertLinear(t, func(n int) string { return "$" + strings.Repeat(unit, 40000/len(unit)*n) + "$" }, func(in, out string) {
			assert.NotEmpty(t, out)
		})
	}
}

// Roots and marks over one letter render; a root or mark over more than that, or with braces inside, stays
// as written.
func TestCleanTextRendersRootsAndMarks(t *testing.T) {
	for in, want := range map[string]string{
		`error $O(1/\sqrt{n})$ after $\sqrt{12}$ steps`: "error O(1/√n) after √12 steps",
		`regret $\tilde{\mathcal{O}}(\sqrt{n \log n})$`: "regret Õ(√(n log n))",
		`the estimate $\hat{w}$ of $\bar{x}$`:           "the estimate ŵ of x̄",
		`it needs $\sqrt{k}m$ calls`:                    "it needs √(k)m calls",
		`a span $\hat{uv}$ and $\sqrt[3]{a}$`:           `a span $\hat{uv}$ and $\sqrt[3]{a}$`,
		`and $\sqrt{\frac{a}{b}}$ reads`:                "and √(a/b) reads",
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}

// Set braces stay braces in math, and a superscript of more than one character keeps its grouping: a set
// must not read as an expression, nor ℝ^{2k} as (ℝ²)k.
func TestCleanTextKeepsSetBracesAndGroupedScripts(t *testing.T) {
	for in, want := range map[string]string{
		`labels $y \in \{0,1\}$ only`:                 "labels y ∈ {0,1} only",
		`the set $\left\{v\right\}$ of one vertex`:    "the set {v} of one vertex",
		`all $\{t \mid t>0\}$ here`:                   "all {t | t>0} here",
		`a map $F: \R^{3m} \to \R^m$ and $2^{ab}$`:    "a map F: ℝ^(3m) → ℝ^m and 2^(ab)",
		`braces \{q\} in text, $x_{uv}$ and $y^{12}$`: "braces {q} in text, x_(uv) and y¹²",
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}

// TeX's line break \\ leaves no stray backslash; a period after \cdot or \det stays (only \left. and
// \right. are no bracket); a backslash pair in code or a path stays as written.
func TestCleanTextLineBreaksAndPeriodsAfterCommands(t *testing.T) {
	for in, want := range map[string]string{
		`one line\\ the next`:                      "one line the next",
		"one line\\\\\nthe next":                   "one line the next",
		`the product $u\cdot.$ and $\det.$ both`:   "the product u·. and det. both",
		`a bar $\left.f\right|_0$ stays a bar`:     "a bar f|₀ stays a bar",
		"the path `C:\\\\ new` and C:\\\\dir stay": "the path `C:\\\\ new` and C:\\\\dir stay",
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}

// An operator's name written right after a letter ran into it: "Õ(klog d/ε⁴)".
func TestCleanTextSpacesOperatorNamesAfterLetters(t *testing.T) {
	for in, want := range map[string]string{
		`a regret of $\tilde{O}(k\log d)$ here`: "a regret of Õ(k log d) here",
		`in $n\log n$ time`:                     "in n log n time",
		`a rate $2\exp(-t)$`:                    "a rate 2 exp(-t)",
		`a bound $\mathcal{O}(\log n)$`:         "a bound O(log n)",
		`with $\alpha\beta$`:                    "with αβ",
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}

// Fractions, sums with limits, roots without braces and scripts with commands of their own stayed as written,
// dollars included. Each now reads as the source means it: brackets where a reader would group otherwise,
// (n+1)/2 and a/(b+c), never n+1/2 or a/b+c.
func TestCleanTextRendersFractionsAndNestedScripts(t *testing.T) {
	for in, want := range map[string]string{
		`a mean $\frac{1}{n}\sum_{i=1}^n x_i$ and $\prod_{j} p_j$`:                "a mean (1/n)∑_(i=1)ⁿ x_i and ∏_j p_j",
		`at $\frac{n+1}{2}$, $\frac{a}{b+c}$, $\frac{a}{2k}$`:                     "at (n+1)/2, a/(b+c), a/(2k)",
		`needs $\frac12k^{k+1}-1$ nodes and $2\frac{x}{y}$`:                       "needs (1/2)k^(k+1)-1 nodes and 2(x/y)",
		`a mixed $2 \frac{1}{n}$ is no mixed number, $x = \frac{a}{b}$`:           "a mixed 2 (1/n) is no mixed number, x = a/b",
		`ways $\frac{n}{k}!$ and $\frac{n}{k!}$`:                                  "ways (n/k)! and n/(k!)",
		`$1/\frac{1}{n}$, $n/\frac{k}{2}$, $x ÷ \frac{ab}{c}$ and $\frac{a}{b}'$`: "1/(1/n), n/(k/2), x ÷ (ab/c) and (a/b)'",
		`a rate $\tilde{O}({\frac{SA}{\epsilon^2(1-\gamma)^7}})$`:                 "a rate Õ(SA/(ε²(1-γ)⁷))",
		`$\widetilde{O}\left(\epsilon^{-\frac{2}{1-\alpha}}\right)$`:              "Õ(ε^(-2/(1-α)))",
		`from $\exp(\Theta(\sqrt L))$ to $\frac{1}{\sqrt{n}}$`:                    "from exp(Θ(√L)) to 1/√n",
		`a root $\sqrt xy$ and $(\frac{a}{b})^2$ and $\frac{a}{b}^2$`:             "a root √(x)y and (a/b)² and (a/b)²",
		`$p_{\bar{d}}$, $\ell_\infty$, $P_\Phi(z)$ and $\Delta_{eo}^{(N)}$`:       "p_d̄, ℓ_∞, P_Φ(z) and Δ_(eo)^(N)",
		`a matrix $\mathbf{A} \in \mathbb{R}^{k \times n}$`:                       "a matrix A ∈ ℝ^(k × n)",
		`spans $\bar{uv}$ and $\tilde{ab}$`:                                       "spans u̅v̅ and a͠b",
		// what has no safe text form stays as written
		`a hat $\hat{xy}$, a cube root $\sqrt[3]{a}$ and $\frac{a}$`:                 `a hat $\hat{xy}$, a cube root $\sqrt[3]{a}$ and $\frac{a}$`,
		`deep $\frac{\frac{\frac{\frac{a}{b}}{c}}{d}}{e}$ and $\frac{a}{b\unknown}$`: `deep $\frac{\frac{\frac{\frac{a}{b}}{c}}{d}}{e}$ and $\frac{a}{b\unknown}$`,
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}

// Macros that papers define for abbreviations, \hbox and text commented out with \iffalse … \fi reached cards
// as written: "transformation (\ie encoder-decoder)", "a \Cpp toolchain".
func TestCleanTextReadsAbbreviationMacros(t *testing.T) {
	for in, want := range map[string]string{
		`a transformation (\ie encoder-decoder) and \eg\ VGG`:   "a transformation (i.e. encoder-decoder) and e.g. VGG",
		`any \Cpp{} toolchain, as in Lee \etal, \wrt the loss`:  "any C++ toolchain, as in Lee et al., w.r.t. the loss",
		`weights of \hbox{attention} and \mbox{heads}`:          "weights of attention and heads",
		`moved \iffalse – a draft aside – \fi to other classes`: "moved to other classes",
		// other macros and an \iffalse that is not closed as such stay as written
		`the \simhash scheme and \ieee`:     `the \simhash scheme and \ieee`,
		`an \iffalse aside \final and more`: `an \iffalse aside \final and more`,
		// TeX prints one period after \etc and \etal, as their \onedot does
		`such as A, B, \etc. and Smith \etal. showed, \vs.`: "such as A, B, etc. and Smith et al. showed, vs.",
		// an \if … \fi inside \iffalse is commented out with it
		`draft \iffalse a \iftrue b \fi c \fi d`: "draft d",
		`draft \iffalse a \ifdraft b \fi c`:      `draft \iffalse a \ifdraft b \fi c`,
		// code and URLs show TeX as written
		"define `\\newcommand{\\eg}{e.g.}` and use `\\iffalse x \\fi` in code": "define `\\newcommand{\\eg}{e.g.}` and use `\\iffalse x \\fi` in code",
		`see https://x.org/a\eg/b and https://x.org/\iffalse/\fi/x`:            `see https://x.org/a\eg/b and https://x.org/\iffalse/\fi/x`,
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}

// assertLinear checks that CleanText's work grows linearly with its input: it compares CleanText's CPU time
// on input(1) and on input(16), sixteen times as long (see quadratic). There is no limit on the time itself.
// check sees the larger input and its output.
func assertLinear(t *testing.T, input func(n int) string, check func(in, out string)) {
	t.Helper()
	small, large := input(1), input(16)
	var out string
	if ratios, ok := quadratic(func() { paper.CleanText(small) }, func() { out = paper.CleanText(large) }); ok {
		t.Errorf("CleanText on %d bytes took %.0f times as long as on %d, three times in a row", len(large), ratios, len(small))
	}
	check(large, out)
}

// growthLimit is how many times longer than small large may take: linear work gives about 16, quadratic
// about 256.
const growthLimit = 64

// quadratic reports whether large took over growthLimit times as long as small in three measurements in a
// row, with their ratios: a burst of load seldom lasts through three, a quadratic scan exceeds it each time.
func quadratic(small, large func()) ([]float64, bool) {
	var ratios []float64
	for range 3 {
		ratios = append(ratios, growth(small, large))
		if ratios[len(ratios)-1] <= growthLimit {
			return ratios, false
		}
	}
	return ratios, true
}

// growth returns how many times longer large takes than small: the least CPU time of the thread that runs
// them in five interleaved runs each, so that the time other processes hold the CPU is not counted.
func growth(small, large func()) float64 {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	best := [2]time.Duration{math.MaxInt64, math.MaxInt64}
	for range 5 {
		for i, f := range []func(){small, large} {
			runtime.GC()
			start := threadCPU()
			f()
			best[i] = min(best[i], threadCPU()-start)
		}
	}
	return float64(best[1]) / float64(max(best[0], time.Microsecond))
}

// The measure itself tells linear work from quadratic work. The linear loop counts 64 bytes at each 64th
// index, the quadratic one counts to the end at each index.
func TestGrowthTellsQuadraticFromLinear(t *testing.T) {
	work := func(s string, quadratic bool) func() {
		return func() {
			for i := range s {
				if quadratic {
					_ = strings.Count(s[i:], "b")
				} else if i%64 == 0 {
					_ = strings.Count(s[i:min(i+64, len(s))], "b")
				}
			}
		}
	}
	linear := func(n int) func() { return work(strings.Repeat("ab", 20000*n), false) }
	square := func(n int) func() { return work(strings.Repeat("ab", 1000*n), true) }
	ratios, ok := quadratic(linear(1), linear(16))
	assert.False(t, ok, "linear work measured %.0f", ratios)
	ratios, ok = quadratic(square(1), square(16))
	assert.True(t, ok, "quadratic work measured %.0f", ratios)
}

// Greek letters, ℓ and ∞ written without dollars, and a math span that opens with a command but looks like money
// ("$\pm$1", "$ \alpha$"), reached cards as TeX.
func TestCleanTextRendersGreekOutsideMath(t *testing.T) {
	for in, want := range map[string]string{
		`the gap shrinks to \epsilon as O(1/\epsilon) and y = A \sigma(Wx) + \xi`:      "the gap shrinks to ε as O(1/ε) and y = A σ(Wx) + ξ",
		`quantized to $\pm$1, $\sim$36% faster, depends on $ \alpha$ and \ell, \infty`: "quantized to ±1, ~36% faster, depends on α and ℓ, ∞",
		// money, other commands and a longer name stay
		`costs $5 and $6, \epsilonx and \in or \ldots`: `costs $5 and $6, \epsilonx and \in or \ldots`,
		`an \alpha{}-test`: "an α-test",
		// code and URLs show TeX as written
		"Use `\\alpha` in code and https://x.org/\\pi/a": "Use `\\alpha` in code and https://x.org/\\pi/a",
	} {
		assert.Equal(t, want, paper.CleanText(in), in)
	}
}
