package paper

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// The regular expressions readableTeX's scans stand for.
var (
	texSymbolAccentRe = regexp.MustCompile(`\{?\\(['` + "`" + `^"~=.])\{?(\\i|[A-Za-z])\}?\}?`)
	texLetterAccentRe = regexp.MustCompile(`\{?\\([uvHck])(?:\{(\\i|[A-Za-z])\}|\s+([A-Za-z]))\}?`)
	texWrapRe         = regexp.MustCompile(`\\(?:emph|textbf|textit|texttt|textrm|textsc|textsf|underline|url|hbox|mbox)\{([^{}]*)\}`)
	texSwitchRe       = regexp.MustCompile(`\{\\(?:em|it|bf|sl|sc|rm|sf|tt)\s+([^{}]*)\}`)
	texSymbolRe       = regexp.MustCompile(`\\\\[ \t\n\f\r]?|\\[&%$#_ ]`)
)

// referenceCleanText is CleanText without its fast paths (the ASCII shortcut and the triggers that skip
// TeX rewrites): every rewrite on every input. The fast paths must not change any result.
func referenceCleanText(s string) string {
	if s == "" {
		return ""
	}
	s = html.UnescapeString(s)
	s = typeset(s)
	s = replaceTeX(s, dropAside, ' ') // it depends on the words around each aside, which a regexp cannot say
	s = replaceTeX(s, texMacro, 0)    // its bound on \iffalse … \fi is the scan's own
	s = texSymbolAccentRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := texSymbolAccentRe.FindStringSubmatch(m)
		return referenceAccent(sub[1], sub[2])
	})
	s = texLetterAccentRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := texLetterAccentRe.FindStringSubmatch(m)
		return referenceAccent(sub[1], sub[2]+sub[3])
	})
	s = texWrapRe.ReplaceAllString(s, "$1")
	s = texSwitchRe.ReplaceAllString(s, "$1")
	var sym strings.Builder
	done := 0
	for _, m := range texSymbolRe.FindAllStringIndex(s, -1) {
		sym.WriteString(s[done:m[0]])
		switch {
		case m[1]-m[0] == 3 && !codeAround(s, m[0], m[0]+2):
			sym.WriteByte(' ') // a line break
		case s[m[0]+1] == '\\':
			sym.WriteString(s[m[0]:m[1]])
		default:
			sym.WriteString(s[m[0]+1 : m[1]])
		}
		done = m[1]
	}
	s = sym.String() + s[done:]
	s = texLigature.Replace(s)
	s = renderTeX(s)
	s = strings.NewReplacer("\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl",
		"\ufb05", "st", "\ufb06", "st").Replace(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad':
			continue
		case unicode.IsSpace(r) || r == '\u00a0':
			space = b.Len() > 0
			continue
		case unicode.IsControl(r) || r == unicode.ReplacementChar:
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

func referenceAccent(cmd, base string) string {
	if base == `\i` {
		base = "i"
	}
	return norm.NFC.String(base + texAccent(cmd[0]))
}

var cleanTextCases = []string{
	"", " ", "plain", "plain text", "  lead and trail  ", "two  spaces", "tab\there", "line\r\nbreak",
	"ctrl\x01char", "a \x01 b", "del\x7f", "vt\vff\f", "amp &amp; lt &lt;", "&#9", "caf\u00e9", "cafe\u0301",
	"nbsp\u00a0here", "zero\u200bwidth", "soft\u00adhyphen", "bad \xff byte", `G\"odel`, `\'{e}cole`, `{\"u}ber`,
	`\c{c}a`, `\v s`, `\u{a}`, `\H o`, `\k{a}`, `\cdot \ell \mathcal{O}(n)`, `$\alpha$-stable`, `\emph{x} \textbf{y}`,
	`\underline{u}`, `50\% of \$1 \& \#2 a\_b \{c\}`, `\ss{} \ss x \o{} \AE{} \l{} \L{}`, `1\textendash 2\textemdash`,
	`\\'e`, `\\emph{}{`, `trailing \`, `\u`, `\c`, "\\c\t\tc", `\textendash`, `\"{\i}`, `{\'{I}}`, "x\u0085y",
	`costs $5 and $6`, `Policy~(H^{\mathbf{3}DP})`, `$\mathcal{O}(n \log n)$`, `~10%`, `x^{2}`, `$$x$$`, `$a$$b$`,
	`{\it any} {\em x y}{\bf z} {\it{a}} {\itx} \it b} {\tt  t\_u} \url{https://x.org/a} {\em \'e}`, `{\em`, `{\em `,
	"a -- b", "a --- b", "a---b", "a--b", "--help", "x --", "-- x", "a ---- b", "a/b--c", "$a -- b$ c -- d", "--",
	"a\t--\nb", " -- \\cite{b}", "} -- \\cite{b} x", "(DNF) -- a", `"x"---y`, "`a -- b` c", "x-->y", "a ---b", "---x", "--- x", `\$5 -- \$6`,
	"*a*", "**b**", "_c_", "`d`", "*a", "a*", "A* and B*", "snake_case_x", "__init__", "*x* *y*", "***z***", "`a' `b'",
	"(*i*)", "*x *", "* x*", "$\\mu^*(x)^*$ *y*", "`f(x)`.", "*5*", "_\u00e9t\u00e9_", "**a*", "*a**", "`it's`", "*", "**", "*a -- b* c", "`a -- b` c -- d", "*x*-- y", "-- *a*", "*a `b` c*",
	`as shown \citep{x}.`, `a~\cite[p.~3]{k} b`, "a \t\\citealp*[see][]{k}", `x\footnote{a {b} c}.`, `\cite{a}\cite{b}`,
	`\citet{k} shows`, `work of \cite{a} has`, `methods \citep{a}, \citep{b} and \citep{c} fail`, `a (\cite{x}) b`, `\footnote{a {b {c}}} d`, `\cite`, `\cite{`, `\citep[{]{x}`, `\citex{a}`, `e.g.\ VGG \LaTeX\ \TeX`,
	"a ''b'' c", "``a'' b", "``x\" y", "f''(x)", "``a", "(``\"a\" b)", "$``a''$ ``b''", "*``a''*", "``a -- b''", "a''",
	`$\left\{x\right\}$ $\{x \mid x>0\}$ \\{ \{a\} $\R^{2k}$ $1/\sqrt{N}$ $\sqrt {x}$ $\sqrt$ $\bar{}$ $\bar{ab}$ $\tilde{\mathcal{O}}$ $\left.x\right)$ $\left$ $\R^n$`,
	"first line\\\\ second\\\\\nthird", `C:\\Users \\\\{ \\\\\& $a\cdot.$ $\det. x$ $\left.y\right.$`, "`a\\\\ b` c\\\\ d",
	"e\ufb03cient \ufb00 \ufb01 \ufb02 \ufb04 \ufb05 \ufb06", "&#xfb01;x",
	`We follow \citep[see][Ch.~2]{a,b} and \citet[][p.~3]{c}.`, `Prior work [\cite{a}--\cite[Thm.~1]{c}] is slow`, `[\cite{a}, \cite{b c}]`,
	`in \cite[$x$]{a} -- \cite[\S 3]{b}`,
}

func TestCleanTextFastPathsMatchReference(t *testing.T) {
	for _, s := range cleanTextCases {
		assert.Equal(t, referenceCleanText(s), CleanText(s), "%q", s)
	}
}

func TestCleanASCIIReturnsCleanInputAsIs(t *testing.T) {
	s := "Attention is all you need"
	got, ok := cleanASCII(s)
	assert.True(t, ok)
	assert.Equal(t, s, got)
	assert.Equal(t, 0.0, testing.AllocsPerRun(10, func() { _ = CleanText(s) }))
	_, ok = cleanASCII("caf\u00e9")
	assert.False(t, ok)
}

func FuzzCleanText(f *testing.F) {
	for _, s := range cleanTextCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CleanText(s), referenceCleanText(s); got != want {
			t.Fatalf("CleanText(%q) = %q, the reference gives %q", s, got, want)
		}
	})
}
