package paper

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// CleanText decodes HTML entities, makes TeX accents, text macros and simple math readable (see
// renderTeX; what cannot be rendered safely stays as written), types ASCII dashes and drops Markdown's
// emphasis marks (see typeset), spells out the ligatures PDF text carries ("eﬃcient" → "efficient"),
// removes invisible characters, collapses every run of white space (including no-break spaces) into one space, and composes
// characters (Unicode NFC; in the wasm the extension's host does that on the way out, see nfc_js.go).
func CleanText(s string) string {
	if s == "" {
		return ""
	}
	if strings.Contains(s, "\ue05e") { // pdfmeta's marker for a raised run's ^ (scriptCaret), should one get this far
		s = strings.ReplaceAll(s, "\ue05e", "^")
	}
	if out, ok := cleanASCII(s); ok {
		return out
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	if strings.Contains(s, "--") || strings.Contains(s, "''") || strings.ContainsAny(s, "*_`") {
		s = typeset(s)
	}
	if strings.IndexByte(s, '\\') >= 0 {
		s = readableTeX(s)
	}
	if strings.ContainsAny(s, "$\\^~") {
		s = renderTeX(s)
	}
	var b strings.Builder
	b.Grow(len(s))
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
		if '\ufb00' <= r && r <= '\ufb06' {
			b.WriteString(ligatures[r-'\ufb00'])
			continue
		}
		b.WriteRune(r)
	}
	return nfc(b.String())
}

// ligatures spells U+FB00–U+FB06 (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ), which NFC keeps and text copied from a PDF is full of.
var ligatures = [...]string{"ff", "fi", "fl", "ffi", "ffl", "st", "st"}

// cleanASCII is CleanText for the common case of plain ASCII with nothing to decode: ok is false when s
// has a non-ASCII byte, '&', '\\', TeX's '$', '~' or '^', Markdown's '*', '_' or '`', or "--". It
// returns s itself, without allocating, when s is already clean.
func cleanASCII(s string) (string, bool) {
	clean := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf || c == '&' || c == '\\' || c == '$' || c == '~' || c == '^' ||
			c == '*' || c == '_' || c == '`' || (c == '-' || c == '\'') && i+1 < len(s) && s[i+1] == c:
			return "", false
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				clean = false
			}
		case c < ' ' || c == 0x7f:
			clean = false
		}
	}
	if clean {
		return s, true
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' || (c >= '\t' && c <= '\r'):
			space = len(b) > 0
		case c < ' ' || c == 0x7f:
		default:
			if space {
				b = append(b, ' ')
				space = false
			}
			b = append(b, c)
		}
	}
	return string(b), true
}

// CleanTitle is CleanText for titles: it also drops a leading "Title:" label that listings print.
func CleanTitle(s string) string {
	s = CleanText(s)
	if rest, ok := strings.CutPrefix(s, "Title:"); ok {
		s = strings.TrimSpace(rest)
	}
	return s
}

// texAccent returns the combining mark that the TeX accent command cmd stands for, or "" for none. A string
// and an array, not a map: a map literal is built by code at start-up, which costs the listing wasm bytes.
func texAccent(cmd byte) string {
	if i := strings.IndexByte("'`^\"~=.uvHck", cmd); i >= 0 {
		return texAccentMarks[i]
	}
	return ""
}

var texAccentMarks = [...]string{"\u0301", "\u0300", "\u0302", "\u0308", "\u0303", "\u0304", "\u0307", "\u0306", "\u030c", "\u030b", "\u0327", "\u0328"}

var (
	texLigature = strings.NewReplacer(`\ss{}`, "ß", `\ss `, "ß", `\o{}`, "ø", `\O{}`, "Ø", `\ae{}`, "æ", `\AE{}`, "Æ",
		`\aa{}`, "å", `\AA{}`, "Å", `\l{}`, "ł", `\L{}`, "Ł", `\textendash`, "–", `\textemdash`, "—", `\LaTeX{}`, "LaTeX", `\TeX{}`, "TeX", `\LaTeX`, "LaTeX", `\TeX`, "TeX")
)

// readableTeX rewrites accents (\'e  \'{e}  {\'e}  \"{\i}, and letter accents \c{c}  \v s) to letters,
// unwraps \emph{x}, \textbf{x}, {\it x} … to x, unescapes \& and the like and spells ligatures; math is left as
// written. The scans stand for regular expressions, given in their comments (see scan.go for why).
func readableTeX(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	accent := func(cmd, base string) string {
		if base == `\i` {
			base = "i"
		}
		return nfc(base + texAccent(cmd[0]))
	}
	s = replaceTeX(s, dropAside, ' ')
	s = replaceTeX(s, texMacro, 0)
	s = replaceTeX(s, func(s string, i int) (string, int) {
		// \{?\\(['`^"~=.])\{?(\\i|[A-Za-z])\}?\}?
		if strings.IndexByte("'`^\"~=.", s[i+1]) < 0 {
			return "", -1
		}
		k := i + 2
		if k < len(s) && s[k] == '{' {
			k++
		}
		base, k := texAccentBase(s, k)
		for n := 0; n < 2 && k >= 0 && k < len(s) && s[k] == '}'; n++ {
			k++
		}
		return accent(s[i+1:i+2], base), k
	}, '{')
	s = replaceTeX(s, func(s string, i int) (string, int) {
		// \{?\\([uvHck])(?:\{(\\i|[A-Za-z])\}|\s+([A-Za-z]))\}?
		if strings.IndexByte("uvHck", s[i+1]) < 0 || i+2 >= len(s) {
			return "", -1
		}
		var base string
		k := i + 2
		if s[k] == '{' {
			if base, k = texAccentBase(s, k+1); k < 0 || k >= len(s) || s[k] != '}' {
				return "", -1
			}
			k++
		} else {
			for k < len(s) && isSpaceByte(s[k]) {
				k++
			}
			if k == i+2 || k >= len(s) || !isLetter(s[k]) {
				return "", -1
			}
			base, k = s[k:k+1], k+1
		}
		if k < len(s) && s[k] == '}' {
			k++
		}
		return accent(s[i+1:i+2], base), k
	}, '{')
	s = replaceTeX(s, func(s string, i int) (string, int) {
		// \\(?:emph|textbf|textit|texttt|textrm|textsc|textsf|underline)\{([^{}]*)\} → the braces' contents
		for _, name := range texWraps {
			if j := i + 1 + len(name); strings.HasPrefix(s[i+1:], name) && j < len(s) && s[j] == '{' {
				if k := strings.IndexAny(s[j+1:], "{}"); k >= 0 && s[j+1+k] == '}' {
					return s[j+1 : j+1+k], j + 2 + k
				}
				return "", -1
			}
		}
		return "", -1
	}, 0)
	s = replaceTeX(s, func(s string, i int) (string, int) {
		// \{\\(?:em|it|bf|sl|sc|rm|sf|tt)\s+([^{}]*)\} → the braces' contents
		j := i + 3
		if i == 0 || s[i-1] != '{' || j >= len(s) || !isSpaceByte(s[j]) || !texSwitch(s[i+1:j]) {
			return "", -1
		}
		for j < len(s) && isSpaceByte(s[j]) {
			j++
		}
		if k := strings.IndexAny(s[j:], "{}"); k >= 0 && s[j+k] == '}' {
			return s[j : j+k], j + k + 1
		}
		return "", -1
	}, '{')
	s = replaceTeX(s, func(s string, i int) (string, int) {
		// \\\\\s?|\\([&%$#_ ]) → the symbol (\  is a space); \{ and \} are left to renderTeX, which keeps them in
		// math. \\ followed by white space is TeX's line break, a space, unless it may be code (see codeAround);
		// another \\ stays as written.
		if s[i+1] == '\\' {
			if i+2 < len(s) && isSpaceByte(s[i+2]) && !codeAround(s, i, i+2) {
				return " ", i + 3
			}
			return s[i : i+2], i + 2
		}
		if strings.IndexByte("&%$#_ ", s[i+1]) < 0 {
			return "", -1
		}
		return s[i+1 : i+2], i + 2
	}, 0)
	if texCommand(s, func(c, _ byte) bool { return strings.IndexByte("sSoOaAlLtT", c) >= 0 }) {
		s = texLigature.Replace(s)
	}
	return s
}

// texAsides are the commands dropped with their argument: citations, whose keys mean nothing to a reader,
// and footnotes. \citet, \citeauthor and \citealt name the work inside the sentence: like a citation used as
// a noun, they are read as their keys (see citedKeys).
var texAsides = []string{"cite", "citep", "citealp", "citeyearpar", "footnote", "citet", "citeauthor", "citealt"}

// dropAside drops a footnote at s[i], and a citation that stands as an aside after a content word ("the
// paradigm \citep{r}, which" → "the paradigm, which") with the citations that follow it in a run ("methods
// \citep{a}, \citep{b} and \citep{c} fail", "methods \cite{a}–\cite{c} fail" → "methods fail"; typeset types a
// range's "--" so). A citation used as a noun ("work of \cite{x} has", "\cite{x} showed", "(see \cite{x})",
// "\citet{x} showed") is read as its keys: dropping it would leave a hole in the sentence.
func dropAside(s string, i int) (string, int) {
	end := matchAside(s, i)
	if end < 0 || codeAround(s, i, end) {
		return "", -1
	}
	if s[i+1] == 'f' {
		return "", end
	}
	// after "}–" the citation closes a range whose first command stayed as written ("\cite{a b}–\cite{c}", see
	// typeset): dropped, it would leave the dash hanging
	// right after any citation command, read as keys or left as written, the next is read as keys, as
	// "\cite{a}\cite{b}" reads "[a][b]": after "p.~3]{a}" it read as an aside and went
	if textualCite(s[i:]) || strings.HasSuffix(s[:i], "}–") || citeEndingAt(s, i) >= 0 ||
		!AsideBetween(s[:i], s[end:]) {
		return citedKeys(s, i, end)
	}
	first, lead, list, joined, or := end, false, false, false, false
	for {
		k, comma, dash, and, alt := citeJoint(s, end)
		if k < 0 {
			break
		}
		if !joined && (comma || and || !dash) {
			// the first joint after the first citation or range: the dash of "\cite{a}--\cite{c}, \cite{d}"
			// is none, as in compress.citedRun
			joined, lead = true, comma && !and
		}
		end, list, or = matchAside(s, k), list || and, or || alt
	}
	// A run whose first joint is a comma alone and that a word follows may be two: in "Unlike GAT \cite{a},
	// \cite{b} and \cite{c} use" the works after the comma are the subject of the main clause, and "Unlike GAT
	// use" would be false. After an opening phrase (see CommaMayEndAside) each is read as keys: "Unlike GAT
	// [a], [b] and [c] use". So is a run joined by "and" alone that namedSubjects reads as the clause's
	// subject: "Adam \cite{k} and \cite{r} converge", which read "Adam converge" before that rule. Elsewhere the
	// run is one list of asides ("Prior work \cite{a}, \cite{b} fails", "methods \cite{a}, \cite{b} and
	// \cite{c} fail" → "methods fail"), after a name too ("We compare with GCN \cite{a}, \cite{b} on", "In NLP
	// \cite{a} and \cite{b}, …").
	if t := strings.TrimLeft(s[end:], " \t\n\f\r~"); lead && t != "" && isLetter(t[0]) && CommaMayEndAside(s[:i], list) ||
		list && !or && namedSubjects(s[:i], t) {
		return citedKeys(s, i, first)
	}
	return "", end
}

// citeJoint reads what follows a citation that ends at s[end] and returns where the next citation of its run
// starts (k < 0 for none): white space, ties, commas, semicolons and dashes between them (comma, dash), or
// "and" or "or" (and, or: "or" sets both). A dash before "and"/"or" ends the run: "\cite{a} -- and \cite{b} in
// particular --" opens a parenthesis, and no range is "a – and b".
func citeJoint(s string, end int) (k int, comma, dash, and, or bool) {
	for k = end; k < len(s); k++ {
		if strings.HasPrefix(s[k:], "–") {
			dash, k = true, k+2
			continue
		}
		if strings.IndexByte(" \t\n\f\r~,;-", s[k]) < 0 {
			break
		}
		comma = comma || s[k] == ',' || s[k] == ';'
		dash = dash || s[k] == '-'
	}
	or = strings.HasPrefix(s[k:], "or ")
	and = or || strings.HasPrefix(s[k:], "and ")
	if and && dash {
		return -1, comma, dash, and, or
	}
	if and {
		for k += 3; k < len(s) && strings.IndexByte(" \t\n\f\r~", s[k]) >= 0; k++ {
		}
	}
	if k+1 >= len(s) || s[k] != '\\' || s[k+1] == 'f' || matchAside(s, k) < 0 {
		return -1, comma, dash, and, or
	}
	return k, comma, dash, and, or
}

// namedSubjects reports whether a run of citations joined by "and" (not "or") between before and after names
// works that are the subject of a verb agreeing with them: the last word of before is a name (an ASCII capital
// opens it, and it has no plural's shape, see Named; no pronoun or determiner, see nonNames) that opens the
// clause, and the word after the run is a verb of pluralVerbs ("Adam [k] and [r] converge", "Recently, BERT [a]
// and [b] have", "Dropout [a] and [b] are"). Any other word may go on the phrase ("BERT [a] and [b] style
// encoders"), and then, as inside a clause ("In NLP [a] and [b], transformers", "evaluate on ImageNet [a] and
// [b] with", "Methods such as LSTM [a] and [b] fail"), the run stays one list of asides.
func namedSubjects(before, after string) bool {
	w, rest := lastWord(before)
	w2, _ := lastWord(rest)
	return w != "" && 'A' <= w[0] && w[0] <= 'Z' && !pluralShape(w) && !inWords(nonNames, w) &&
		(w2 == "" || strings.IndexByte(".!?,;:", w2[len(w2)-1]) >= 0) && inWords(pluralVerbs, firstWord(after))
}

// nonNames are the capitalised pronouns and determiners that open a clause and name no work ("We [a] and [b]
// show that").
const nonNames = " we i it they this these that those our their its such one each all both some many most other others "

// pluralVerbs are verbs that agree with more than one subject and that a cited work's name may take
// ("Adam [k] and [r] converge").
const pluralVerbs = " are were have do can could may might will would converge perform outperform achieve show use rely fail work remain yield require suffer differ share produce provide learn scale "

// CommaMayEndAside reports whether, in a run of citations after before whose first joint is a comma alone
// ("X [3], [4] …"), the comma may end the aside, so that the citations after it are words of the sentence, as
// such a run was read before this rule ("Unlike GAT [3], [4] uses", "In practice [3], [4] use"). It reports false only on
// evidence that the clause before ends in is still waiting for its subject, which the run then belongs to as one
// list of asides: the clause opens with a subordinator ("Although transformers [3], [4] scale", "As models", not
// "As in"), "and", "In recent years", a gerund and its preposition ("Training with noise"), or a word that opens
// no phrase, a noun or a pronoun ("Prior work [3], [4] fails", "Methods for graphs", "We compare with GCN"):
// one not in openers, openerHeads or phraseOpeners, nor an adverb in -ly. A run that goes on with "and" (list)
// is read so only after openers or openerHeads ("Unlike GAT [3], [4] and [5] use"); elsewhere CleanText reads
// it as one list of asides. CleanText and TL;DRs share this rule.
func CommaMayEndAside(before string, list bool) bool {
	k := len(before) // the start of the clause: after a comma, a colon, a semicolon or a sentence's end
	for ; k > 0; k-- {
		if c := before[k-1]; strings.IndexByte(",;:!?", c) >= 0 ||
			c == '.' && k+1 < len(before) && before[k] == ' ' && 'A' <= before[k+1] && before[k+1] <= 'Z' {
			break // not "Unlike Smith et al. [3], [4] use"
		}
	}
	w := append(strings.Fields(strings.ToLower(before[k:])), "", "")
	switch {
	case w[0] == "as":
		return inWords(" in a an the such well for ", w[1]) // "As in", "As a result", not "As models"
	case w[0] == "in" && w[1] == "recent",
		strings.HasSuffix(w[0], "ing") && !inWords(openers+openerHeads, w[0]) && inWords(phraseOpeners, w[1]):
		return false
	}
	return inWords(openers+openerHeads, w[0]) || !list && (inWords(phraseOpeners, w[0]) || strings.HasSuffix(w[0], "ly"))
}

// openers are the prepositions of a comparison that open a clause before its subject ("Unlike GAT [3], [4]
// uses"), openerHeads the words that take a preposition after them ("Compared with", "Much like", "Based on"),
// and phraseOpeners the other words that open a phrase ("In practice [3], [4] use", "Due to memory limits").
const openers = " unlike like despite besides beyond following alongside instead "
const phraseOpeners = " with to by from in on for at of due because thanks rather aside together through under within without across among after before during given upon via against over toward towards however moreover thus hence therefore here there today now then still yet also "
const openerHeads = " compared inspired motivated similar contrary relative akin different much just quite even apart based building along according "

// Named reports whether the last word of before is a name that a run of citations ending where after starts
// may follow as its own, not as an aside to a list ("We compare with GCN [3] and [4]"): an ASCII capital opens
// it, and it has a capital or a digit after that (GCN, ResNet, GPT-2) or is not the first word of a sentence.
// A sentence's first word has a capital for its place, and is read as a name unless it is a plural (ends in -s,
// not -ss, -us, -is or -as: "Transformers", not "Pegasus") or the word after the run is a singular verb (is,
// has, was, or a plural's shape: "shows", not "thus", "always", "address"): "Adam [3] and [4] converge",
// "Adam [3] and [4] thus converge" and "Dropout [5] and [6] are" name works, "Transformers [3] and [4] show"
// and "Dropout [5] and [6] is" do not.
func Named(before, after string) bool {
	w, rest := lastWord(before)
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	if strings.IndexAny(w[1:], "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") >= 0 {
		return true
	}
	if w2, _ := lastWord(rest); w2 != "" && strings.IndexByte(".!?", w2[len(w2)-1]) < 0 {
		return true
	}
	after = strings.TrimLeft(after, " ")
	if e := strings.IndexByte(after, ' '); e >= 0 {
		after = after[:e]
	}
	return !pluralShape(w) && (!pluralShape(after) || inWords(sAdverbs, after))
}

// sAdverbs are adverbs in -s that pluralShape takes for a verb: "Adam [3] and [4] perhaps converge".
const sAdverbs = " perhaps sometimes nevertheless afterwards "

// pluralShape reports whether w ends in -s the way a plural noun or a singular verb does ("models", "shows",
// "is", "has", "was"), not the way an adverb, a name or a verb in -ss does ("thus", "always", "Pegasus", "this",
// "address").
func pluralShape(w string) bool {
	n := len(w)
	return w == "is" || n > 2 && w[n-1] == 's' && (n == 3 || strings.IndexByte("suiay", w[n-2]) < 0)
}

// citedKeys reads the citation s[i:end] as its keys in brackets, the way a numbered style prints it: "work
// of \cite{a,b} has" → "work of [a, b] has", "GANs [\cite{a}]" → "GANs [a]". Its options read as natbib prints
// them, with ties as spaces and an empty one left out: "\cite[Thm.~1]{a}" → "[a, Thm. 1]", "\citep[see][Ch.~2]{a}"
// → "[see a, Ch. 2]", "\citep[e.g.,][]{a}" → "[e.g., a]". A citation alone in the source's own brackets gets
// no second pair ("[\cite{a}]" → "[a]"); a run of them keeps the source's around theirs: "[\cite{a}--\cite{c}]" →
// "[[a]–[c]]", one bracket to the TL;DR, which cannot see the TeX beside it (see the loop). A
// citation with keys that are not plain names, or with an option that holds math or TeX ("$" or a backslash) or that
// CitedKeys would not read back, stays as written (end -1).
func citedKeys(s string, i, end int) (string, int) {
	out, ok := citedKeysOf(s[i:end])
	if !ok {
		return "", -1
	}
	if i > 0 && s[i-1] == '[' {
		// the run inside the source's brackets, each citation in brackets of its own: the first's "[" and the
		// last's "]" are the source's
		run := []byte(out)
		many := false
		for last := end; ; {
			if last < len(s) && s[last] == ']' {
				out, end = string(run), last
				// the source's pair stays around a run of two or more: the TL;DR reads "[[a], [b]]" as one
				// bracket, where it took "[a]; [b]" or "[a], [b]" apart beside TeX it cannot see ("Unlike
				// \emph{GAT} [a]; [b], the bound" left "Unlike GAT; [b], the bound")
				if many {
					out = "[" + out + "]"
				}
				break
			}
			k, _, _, _, _ := citeJoint(s, last)
			if k < 0 {
				out = "[" + out + "]"
				break
			}
			next := matchAside(s, k)
			keys, ok := citedKeysOf(s[k:next])
			if !ok {
				out = "[" + out + "]"
				break
			}
			// a tie between them is a space, as where the run stands without brackets: "[a], [b]", not "[a],~[b]"
			run = append(append(append(append(run, ']'), strings.ReplaceAll(s[last:k], "~", " ")...), '['), keys...)
			last, many = next, true
		}
	} else {
		out = "[" + out + "]"
	}
	if i > 0 && (isSpaceByte(s[i-1]) || s[i-1] == '~') {
		out = " " + out // replaceTeX drops the space before an aside
	}
	return out, end
}

// citedKeysOf reads one citation command, as matchAside matched it, as the text of its brackets (see citedKeys).
// A command with notes that CitedKeys would not read back stays as written (ok false).
func citedKeysOf(c string) (string, bool) {
	open := strings.IndexByte(c, '{')
	keys := strings.Split(c[open+1:len(c)-1], ",")
	for n, k := range keys {
		if k = strings.TrimSpace(k); !citeKey(k) {
			return "", false
		}
		keys[n] = k
	}
	out := strings.Join(keys, ", ")
	var notes [2]string // natbib's [post], or [pre][post]
	n := 0
	for j := strings.IndexByte(c[:open], '['); j >= 0 && c[j] == '['; n++ {
		k := j + strings.IndexByte(c[j:], ']')
		if strings.ContainsAny(c[j:k], `$\`) {
			return "", false
		}
		notes[n] = strings.TrimSpace(citeNoteTeX.Replace(c[j+1 : k]))
		j = k + 1
	}
	if n == 2 && notes[0] != "" {
		out = notes[0] + " " + out
	}
	if post := notes[max(n-1, 0)]; post != "" {
		out += ", " + post
	}
	// one rule for both sides: a note is written only where a TL;DR reads the bracket as a citation, else a
	// noun would leave a hole there ("As shown in, the bound holds")
	return out, notes[0]+notes[1] == "" || CitedKeys(out)
}

// citeNoteTeX types an option's ties and dashes, as natbib prints them ("pp.~3--5" → "pp. 3–5"): typeset leaves
// the text inside a command's options as written.
var citeNoteTeX = strings.NewReplacer("~", " ", "---", "—", "--", "–")

// citeKey reports whether k is a plain citation key: ASCII letters and digits, and ":._/+-".
func citeKey(k string) bool { return plainWord(k, ":._/+-") }

// plainWord reports whether w is ASCII letters and digits and bytes of punct, one or more. A loop, not
// strings.IndexFunc with a closure: the listing wasm pays for each.
func plainWord(w, punct string) bool {
	for i := 0; i < len(w); i++ {
		if !isAlnum(w[i]) && strings.IndexByte(punct, w[i]) < 0 {
			return false
		}
	}
	return w != ""
}

// texMacros are the macros papers define for abbreviations, and what they print, as "\\name text|".
const texMacros = `\ie i.e.|\eg e.g.|\etal et al.|\wrt w.r.t.|\cf cf.|\vs vs.|\etc etc.|\Cpp C++|`

// texMacro reads one of texMacros at s[i], with an empty {} after it ("the \Cpp toolchain" → "the C++
// toolchain"), and drops text the author commented out with \iffalse … \fi (600 bytes at most, with the
// \if … \fi inside it paired). TeX in code or a URL stays as written (codeAround).
func texMacro(s string, i int) (string, int) {
	j := i + 1
	for j < len(s) && isAlpha(s[j]) {
		j++
	}
	if s[i+1:j] == "iffalse" {
		end := commentedOut(s, j)
		if end < 0 || codeAround(s, i, end) {
			return "", -1
		}
		return "", end
	}
	k := strings.Index(texMacros, s[i:j]+" ")
	if j == i+1 || k < 0 || codeAround(s, i, j) {
		return "", -1
	}
	w := texMacros[k+j-i+1:]
	w = w[:strings.IndexByte(w, '|')]
	if strings.HasPrefix(s[j:], "{}") {
		j += 2
	}
	if j < len(s) && s[j] == '.' && w[len(w)-1] == '.' {
		j++ // TeX prints one period: "\etc. and" → "etc. and"
	}
	return w, j
}

// commentedOut returns the end of the \fi that closes an \iffalse whose name ends at s[j], within 600 bytes,
// pairing each \if… inside with its \fi ("\iffalse a \iftrue b \fi c \fi" is all commented out), or -1.
func commentedOut(s string, j int) int {
	depth := 1
	for k := j; k < min(len(s), j+600); k++ {
		if s[k] != '\\' {
			continue
		}
		e := k + 1
		for e < len(s) && isAlpha(s[e]) {
			e++
		}
		switch name := s[k+1 : e]; {
		case name == "fi":
			if depth--; depth == 0 {
				return e
			}
		case strings.HasPrefix(name, "if"):
			depth++
		}
		k = e - 1
	}
	return -1
}

// codeAround reports whether s[i:j] may be code, where TeX is shown as written: it has a backtick within
// 120 bytes on both sides (`\cite{key}`), or its token is a URL (https://x.org/a\cite{b}).
func codeAround(s string, i, j int) bool {
	tick, token := false, true
	for k := i - 1; k >= 0 && k >= i-120; k-- {
		tick = tick || s[k] == '`'
		token = token && !isSpaceByte(s[k])
		if token && strings.HasPrefix(s[k:], "://") {
			return true
		}
	}
	return tick && strings.IndexByte(s[j:min(len(s), j+120)], '`') >= 0
}

// AsideBetween reports whether a citation, or a bracket that holds one ("[12]", "[zhang17]"), between before
// and after is an aside that a reader can skip: asideAfter holds, and no "who" follows ("answers [zhang17], who
// showed" names the authors). CleanText drops a citation only where this holds, and so does a TL;DR, which
// would otherwise leave a hole ("the experiments of [zhang17] and" → "the experiments of and").
func AsideBetween(before, after string) bool {
	if strings.HasPrefix(after, "'s") || strings.HasPrefix(after, "’s") {
		return false // "studies [3]'s conjecture": a possessive is a noun
	}
	after = strings.TrimLeft(after, " \t\n\f\r~,")
	return asideAfter(before, after) && !(strings.HasPrefix(after, "who") && (len(after) == 3 || !isAlpha(after[3])))
}

// CitedKeys reports whether inner, the text of a bracket, may be citation keys as CleanText reads a citation
// used as a noun ("zhang2016understanding", "a17, b18", "vaswani"): plain names that start with a letter, with
// the notes of natbib's options, words before the first key and all after the last ("see a, Ch. 2", "a, b,
// Section 3", "e.g., a", "a, Eq. (3), p. 4"). citedKeysOf writes a note only where this holds. A numbered
// citation ("12") is not. A word in brackets ("sic", "MASK") looks the same, and is kept or dropped by the same
// rule: where a citation would be a word of the sentence, so is it ("the [MASK] token").
func CitedKeys(inner string) bool {
	for n, rest := 0, inner; ; n++ {
		k, after, more := strings.Cut(rest, ", ")
		if sp := strings.LastIndexByte(k, ' '); n == 0 && sp > 0 && citeNote(k[:sp]) {
			k = k[sp+1:] // "see a"
		}
		if k == "" || !isAlpha(k[0]) || !citeKey(k) {
			return n > 0 && citeNote(rest) // "a, Thm. 1, p. 3"
		}
		if !more {
			return true
		}
		rest = after
	}
}

// citeNote reports whether note may be the text of a citation's option ("Thm. 1", "see", "pp. 3–5", "Eq. (3)",
// "Sec. 3.1; Fig. 2", "Théorème 1", "“Thm. 2”", "50%"): letters, numbers (any non-ASCII byte is taken for one
// of a letter or a typed mark) and the punctuation of a locator or quotes, not opening on a space or mark that
// ends a phrase. Quotes as TeX types them are taken too: typeset turns them into non-ASCII ones after. Its
// parentheses pair: the compressor pairs brackets across the note's, and "[(see a, p. 3]" cut the sentence.
func citeNote(note string) bool {
	open := 0
	for i := 0; i < len(note); i++ {
		if c := note[i]; c < utf8.RuneSelf && !isAlnum(c) && strings.IndexByte(" .:;,-()%'\"`", c) < 0 ||
			c == ')' && open == 0 {
			return false
		} else if c == '(' {
			open++
		} else if c == ')' {
			open--
		}
	}
	return note != "" && open == 0 && strings.IndexByte(" .:;,-)%", note[0]) < 0
}

// asideAfter reports whether a citation after before is an aside: the word before it ends in a letter, a
// digit, a closing quote or bracket (or a byte of a non-ASCII letter or quote), and is a noun the citation
// follows ("transformers [3] are", "prior work [4, 5]."). A citation after a function word ("in [3]", "that [3]
// is wrong", "both [3] and"), a verb that takes cited work as its object ("outperforms [3] on"), or a verb after
// its subject, "have" or a modal and up to three adverbs ("We extend [12] to", "We also carefully reimplement
// [3]", "can use [3]") is part of the sentence, and so is one after a label it names ("Reference [3] shows",
// "Eq. [3]", see Labelled), after TeX or at the start, after an opening adverb or gerund ("Recently [3]
// proposed", "Extending [3], we", ", outperforming [3] by"), after an opening adjective that asks for a noun
// and before a verb ("Previous [3] has shown", see attributives), or after a determiner, a noun and a
// lower-case word that agrees with it as its verb would, before a function word or punctuation ("This paper
// revises [3] to", "Our findings echo [3] on"): it may be a verb, and when unsure the citation stays. The scan is ASCII on
// purpose: Unicode's case tables would cost the listing wasm kilobytes. It reads five words back at most and
// allocates nothing. Its adverb list overlaps compress.Connectives, which paper cannot import.
func asideAfter(before, after string) bool {
	w, rest := lastWord(before)
	if w == "" || len(rest) > 0 && rest[len(rest)-1] == '\\' {
		return false
	}
	c := w[len(w)-1]
	if !(c >= utf8.RuneSelf || isAlnum(c) || strings.IndexByte(")]}\"'", c) >= 0) ||
		inWords(citeGovernors, w) || inWords(citingVerbs, w) {
		return false
	}
	w2, rest := lastWord(rest)
	start := w2 == "" || strings.IndexByte(".!?,", w2[len(w2)-1]) >= 0
	if start && (strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ing") || inWords(attributives, w) && citedNoun(after)) ||
		inWords(verbSubjects, w2) || strings.HasSuffix(w, "ing") && inWords(citeGovernors, w2) || Labelled(before) {
		// "Recently [3] proposed", "Extending [3], we", ", outperforming [3] by", "by generalizing [3]",
		// "Previous [3] has shown", "Earlier [3] proposed"
		return false
	}
	plural := len(w2) > 3 && w2[len(w2)-1] == 's' && strings.IndexByte("isu", w2[len(w2)-2]) < 0 // not "analysis", "thus"
	if len(w) > 3 && w2 != "" && isAlpha(w2[len(w2)-1]) && isLower(w[0]) && (c == 's') != plural &&
		(c != 's' || w[len(w)-2] != 's') && !strings.HasSuffix(w, "ly") {
		// "This paper revises [3] to", "Our method matches [3] on", "The new bound tightens [3] by", "Our
		// findings echo [3] on": after a determiner and a noun, a word that agrees with the noun as its verb
		// would (in -s after a singular noun, without after a plural one) before a function word, an adverb or
		// punctuation is a verb, or it is a noun; keep when unsure
		w3, rest := lastWord(rest)
		if !inWords(determiners, w3) && w3 != "" && w3[len(w3)-1] != 's' {
			w3, _ = lastWord(rest)
		}
		w4, _, _ := strings.Cut(after, " ") // AsideBetween trimmed the space and comma after the citation
		if inWords(determiners, w3) && (after == "" || !isAlpha(after[0]) || inWords(citeGovernors, w4) ||
			strings.HasSuffix(strings.TrimRight(w4, ".,;:"), "ly")) {
			return false
		}
	}
	// "we also follow [3]", "We also carefully reimplement [3]": a verb after its subject and adverbs
	for n := 0; n < 3 && (len(w2) > 2 && strings.HasSuffix(w2, "ly") || inWords(adverbs, w2)); n++ {
		w2, rest = lastWord(rest)
	}
	return !inWords(verbSubjects, w2)
}

// attributives are the adjectives and quantifiers that, opening a clause, ask for the noun after them: a
// citation there that a verb or punctuation follows (citedNoun) is that noun ("Previous [3] has shown", "Recent
// [3] shows", "Several [3] have", "Earlier [3] proposed"), and dropping it would leave a hole; before a word
// that may be the noun it is an aside ("Prior [3] work has studied"). Inside a clause each may end a phrase or
// be a noun, and the citation is an aside as any other ("argued by many [3].", "a Gaussian prior [3] on", "each
// other [3].", "as shown earlier [3].").
const attributives = " previous recent prior several many some other various numerous existing earlier later "

// citedNoun reports whether after, the text after a citation that follows an opening attributive, shows the
// citation to be the noun: it opens with punctuation that ends the phrase or with a verb of nounVerbs
// ("Previous [3] has shown", "Several [3] have", "Recent [3]: a survey"). A word that may be the noun the
// adjective asks for leaves the citation an aside ("Prior [3] work has studied", "Several [3] methods fail").
func citedNoun(after string) bool {
	if after != "" && strings.IndexByte(",;:.)", after[0]) >= 0 {
		return true
	}
	return inWords(nounVerbs, firstWord(after))
}

// textualCite says whether s opens with a citation command that names the work inside the sentence (\citet,
// \citeauthor, \citealt), read as its keys, not dropped as an aside, and never one end of a range.
func textualCite(s string) bool {
	return strings.HasPrefix(s, `\citet`) || strings.HasPrefix(s, `\citea`) && !strings.HasPrefix(s, `\citealp`)
}

// firstWord returns the word that after opens with, up to a space, without the punctuation that ends it.
func firstWord(after string) string {
	w, _, _ := strings.Cut(after, " ")
	return strings.TrimRight(w, ".,;:")
}

// nounVerbs are verbs and auxiliaries that a cited work as subject takes, and that no adjective and noun may
// stand before as the noun: "Previous [3] has shown", "Prior [3] proposed".
const nounVerbs = " has have had is are was were can could may might will would show shows showed shown propose proposes proposed suggest suggests suggested demonstrate demonstrates demonstrated report reports reported find finds found use uses used introduce introduces introduced study studies studied focus focuses focused rely relies relied achieve achieves achieved address addresses addressed consider considers considered "

// adverbs may stand between a subject and its verb, as words in -ly do ("we also follow [3]").
const adverbs = " also further then first now here instead thus therefore still only "

// Labelled reports whether the word that ends before is a label that a number after it names: a label's
// abbreviation ("Eq. (3)", "Ref. [3]", "Sec. [3]"), or one of labels with no determiner before it ("Reference
// [3] shows", "as in Section [3]", "Work [3] shows"). Such a number is no aside: "Reference shows" names nothing.
// A whole label word or an acronym that ends a sentence names nothing after it ("See Table. (1) The first row",
// "We use BERT. (1) It is"): the "(1)" there counts.
func Labelled(before string) bool {
	w, rest := lastWord(before)
	if len(w) > 2 && len(w) < 6 && w[len(w)-1] == '.' && 'A' <= w[0] && w[0] <= 'Z' {
		return w != "Work." && inWords(labels, w[:len(w)-1])
	}
	w2, _ := lastWord(rest)
	return inWords(labels, w) && (w2 == "" || strings.IndexByte(".!?,", w2[len(w2)-1]) >= 0 ||
		inWords(citeGovernors, w2) && !inWords(determiners, w2))
}

// labels are the nouns a number names ("Reference [3] shows", "in Section [3]", "Equation (2) gives"): without
// a determiner before them, the citation is their name, not an aside.
const labels = " reference ref refs work works section sec sect equation eq eqs eqn table tab figure fig theorem thm lemma lem corollary cor proposition prop definition def defn appendix app algorithm alg chapter "

// determiners open the subject whose verb in -s may take a citation as its object ("This paper revises [3]").
const determiners = " this that these those the a an our its their each every one "

// citeGovernors are the function words a citation after them completes: dropping it would leave a hole ("as
// in [5]", "We show that [3] is wrong", "Both [3] and [4] fail").
const citeGovernors = " a an the of in on at by with from to for into as like unlike see and or than via per following including between against starting that upon over beyond within across through toward towards versus vs about after before under both either neither nor namely whereas while but although though because since if whether when where unless until once despite without among amongst except besides around onto given using regarding concerning plus alongside which whom whose is are was were be being been however later moreover furthermore yet so thus hence then here there "

// citingVerbs are the verbs that take cited work as their object, in the forms a nominal subject takes ("Our
// method outperforms [3] on", "This paper generalizes [4, 5] to").
const citingVerbs = " extend extends generalize generalizes generalise generalises outperform outperforms improve improves follow follows adopt adopts adapt adapts use uses employ employs revisit revisits apply applies modify modifies refine refines simplify simplifies unify unifies combine combines complement complements contradict contradicts confirm confirms corroborate corroborates refute refutes challenge challenges replicate replicates reproduce reproduces surpass surpasses beat beats augment augments strengthen strengthens "

// verbSubjects are the pronouns and modals a verb follows; a word after one of them, or after one of them and
// an adverb, is a verb ("We extend [12]", "which uses [3]", "we also follow [3]", "can use [3]").
const verbSubjects = " we they it he she who which can could may might will would should must cannot not do does did have has had "

// lastWord splits before into its last word, up to white space, a tilde, "(", "[" or a backslash, and the text
// before that word. The word is empty when before ends in none.
func lastWord(before string) (w, rest string) {
	end := len(before)
	for end > 0 && (isSpaceByte(before[end-1]) || before[end-1] == '~') {
		end--
	}
	start := end
	for start > 0 && !isSpaceByte(before[start-1]) && strings.IndexByte("~([\\", before[start-1]) < 0 {
		start--
	}
	return before[start:end], before[:start]
}

// inWords reports whether w, or w with its first letter in lower case, is one of the words of list, which
// holds lower-case words with a space on each side. It allocates nothing.
// compress.InList and compress.inListFold are its cousins on the TL;DR path; moving InList here to share one
// matcher measured +1.5 KB gzip on the listing wasm (s26-cite), so do not merge them without measuring.
func inWords(list, w string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	for off := 0; off < len(list); {
		i := strings.Index(list[off:], w[1:])
		if i < 0 {
			return false
		}
		i += off
		if i >= 2 && list[i-1] == c && list[i-2] == ' ' && i+len(w)-1 < len(list) && list[i+len(w)-1] == ' ' {
			return true
		}
		off = i + 1
	}
	return false
}

// The longest option and argument matchAside reads (bytes, an argument's braces included), and so the longest
// command it matches: "\citeyearpar*[…][…]{…}", 817 bytes.
const (
	maxAsideOption = 100
	maxAsideArg    = 600
	maxAside       = len(`\citeyearpar*`) + 2*(maxAsideOption+2) + maxAsideArg
)

// matchAside matches one of texAsides at s[i], with a star, up to two [options] of at most maxAsideOption bytes
// and an argument of at most maxAsideArg bytes with braces nested one level:
// \\(?:cite|citep|citealp|citeyearpar|footnote|citet|citeauthor|citealt)\*?(?:\[[^\[\]{}]{0,100}\]){0,2}\{(?:[^{}]|\{[^{}]*\})*\}
func matchAside(s string, i int) int {
	j := i + 1
	for j < len(s) && isAlpha(s[j]) {
		j++
	}
	if !slices.Contains(texAsides, s[i+1:j]) {
		return -1
	}
	if j < len(s) && s[j] == '*' {
		j++
	}
	for n := 0; n < 2 && j < len(s) && s[j] == '['; n++ {
		k := strings.IndexAny(s[j+1:], "[]{}")
		if k < 0 || k > maxAsideOption || s[j+1+k] != ']' {
			return -1
		}
		j += k + 2
	}
	depth := 0
	for k := j; k < len(s) && k-j < maxAsideArg; k++ {
		switch {
		case k == j && s[k] != '{':
			return -1
		case s[k] == '{':
			if depth++; depth > 2 {
				return -1
			}
		case s[k] == '}':
			if depth--; depth == 0 {
				return k + 1
			}
		}
	}
	return -1
}

// citeEndingAt returns where the citation command that ends right before s[i] starts (a \cite… that matchAside
// reads to i, at most maxAside bytes back), or -1.
func citeEndingAt(s string, i int) int {
	lo := max(0, i-maxAside)
	if k := strings.LastIndex(s[lo:i], `\cite`); k >= 0 && matchAside(s, lo+k) == i {
		return lo + k
	}
	return -1
}

// texWraps are the font commands whose argument is kept as it stands.
var texWraps = []string{"emph", "textbf", "textit", "texttt", "textrm", "textsc", "textsf", "underline", "url", "hbox", "mbox"}

// texSwitch reports whether cmd is a font switch of plain TeX, as in {\it words}.
func texSwitch(cmd string) bool {
	switch cmd {
	case "em", "it", "bf", "sl", "sc", "rm", "sf", "tt":
		return true
	}
	return false
}

// texAccentBase reads the letter an accent goes on at s[k:], \i or an ASCII letter, and the index after it
// (-1 when there is none).
func texAccentBase(s string, k int) (string, int) {
	if k+1 < len(s) && s[k] == '\\' && s[k+1] == 'i' {
		return `\i`, k + 2
	}
	if k >= 0 && k < len(s) && isLetter(s[k]) {
		return s[k : k+1], k + 1
	}
	return "", -1
}

// replaceTeX rewrites s as a regexp's ReplaceAllStringFunc would, for a pattern whose matches start at a
// backslash (or, with before '{', at a "{" just before it; with ' ', after the white space and ties before
// it): match gets the index i of a backslash that has a byte after it and returns the replacement and the end
// of the match, or -1 when none starts there.
func replaceTeX(s string, match func(s string, i int) (string, int), before byte) string {
	var b strings.Builder
	done := 0 // s[:done] is written to b
	for i := strings.IndexByte(s, '\\'); i >= 0 && i+1 < len(s); {
		if repl, end := match(s, i); end >= 0 {
			start := i
			if before == '{' && i-1 >= done && s[i-1] == '{' {
				start = i - 1
			}
			for before == ' ' && start > done && (isSpaceByte(s[start-1]) || s[start-1] == '~') {
				start--
			}
			b.WriteString(s[done:start])
			b.WriteString(repl)
			done, i = end, end
		} else {
			i++
		}
		j := strings.IndexByte(s[i:], '\\')
		if j < 0 {
			break
		}
		i += j
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// texCommand reports whether some backslash in s is followed by a byte c (and then next, 0 at the end)
// for which is returns true.
func texCommand(s string, is func(c, next byte) bool) bool {
	for i := strings.IndexByte(s, '\\'); i >= 0 && i+1 < len(s); {
		next := byte(0)
		if i+2 < len(s) {
			next = s[i+2]
		}
		if is(s[i+1], next) {
			return true
		}
		j := strings.IndexByte(s[i+1:], '\\')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// isNameSuffix reports whether part, a whole comma-separated part of a name, is a suffix ("Jr.", "III"). A
// switch, not a map: a map literal is built by code at start-up, which costs the listing wasm bytes.
func isNameSuffix(part string) bool {
	switch strings.ToLower(part) {
	case "jr", "jr.", "sr", "sr.", "ii", "iii", "iv":
		return true
	}
	return false
}

// DisplayName turns "Jumper, John" into "John Jumper" and "King, Jr., Martin Luther" into
// "Martin Luther King Jr."; names without a comma are only cleaned.
func DisplayName(s string) string {
	s = strings.Trim(CleanText(s), " ,;")
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	switch {
	case len(parts) == 2 && parts[1] != "" && !isNameSuffix(parts[1]):
		return parts[1] + " " + parts[0]
	case len(parts) == 2:
		return strings.TrimSpace(parts[0] + " " + parts[1])
	case len(parts) == 3 && isNameSuffix(parts[1]):
		return parts[2] + " " + parts[0] + " " + parts[1]
	}
	return s
}

// dateLayouts are the date forms NormalizeDate reads, in Go's layout notation (see parseDate), with the
// parts of the date each gives: 3 for YYYY-MM-DD, 2 for YYYY-MM, 1 for YYYY.
var dateLayouts = []struct {
	layout string
	parts  int
}{
	{"2006-01-02T15:04:05.999999999Z07:00", 3}, // RFC 3339
	{"2006-01-02T15:04:05", 3},
	{"2006-01-02", 3},
	{"2006/01/02", 3},
	{"2006/1/2", 3},
	{"Mon, 2 Jan 2006", 3},
	{"Mon, 02 Jan 2006", 3},
	{"2 Jan 2006", 3},
	{"2 January 2006", 3},
	{"January 2, 2006", 3},
	{"Jan 2, 2006", 3},
	{"2006-01", 2},
	{"2006/01", 2},
	{"January 2006", 2},
	{"Jan 2006", 2},
	{"2006", 1},
}

// NormalizeDate turns the date forms that paper pages print into YYYY-MM-DD, YYYY-MM or YYYY.
// A string it cannot read is returned as "" rather than passed on malformed.
func NormalizeDate(s string) string {
	s = strings.TrimSuffix(CleanText(s), ".")
	if s == "" {
		return ""
	}
	for _, d := range dateLayouts {
		if year, month, day, ok := parseDate(d.layout, s); ok {
			return formatDate(year, month, day, d.parts)
		}
	}
	return ""
}
