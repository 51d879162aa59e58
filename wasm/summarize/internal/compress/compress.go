// Package compress shortens an abstract sentence into TL;DR candidates that stay grammatical. Clean
// removes what never belongs in a TL;DR (citations, parentheticals, hedges, "In this paper, we");
// Heads also offers the main clause without its leading clause, and Cuts the points where trailing
// modifiers and clauses can go. The learned scorer picks among the results. Training and inference
// share this package so that they see the same candidates.
package compress

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/papergist/papergist/shared/paper"
)

// Cut kinds: how a candidate was shortened. Changing them invalidates the weights: run `make weights`.
const (
	KindNone   = iota // Clean only
	KindLeadWe        // a leading clause before ", we" removed
	KindComma
	KindSemicolon
	KindColon
	KindDash
	KindWhich
	KindBy
	KindUsing
	KindAnd
	KindThat
	KindFor
	KindWith
	KindIn
	KindOn
	KindVia
	KindWhile
	NumKinds
)

// KindNames names the cut kinds for the weights file.
var KindNames = [NumKinds]string{"none", "lead_we", "comma", "semicolon", "colon", "dash", "which", "by", "using",
	"and", "that", "for", "with", "in", "on", "via", "while"}

// Head is a cleaned sentence, or the main clause after its leading clause, that cuts then shorten.
type Head struct {
	Text string
	Kind int // KindNone or KindLeadWe
}

// Cut is a point where a head may end: Text[:At] stays, tidied.
type Cut struct {
	At   int
	Kind int
}

// MinWords is the fewest words a cut may leave: shorter ones rarely say what a paper does.
const MinWords = 7

// Heads returns the cleaned sentence and, when it opens with a clause before ", we", the rest.
func Heads(s string) []Head {
	return AppendHeads(nil, s)
}

// AppendHeads is Heads appending to heads, so that a caller can reuse one slice.
func AppendHeads(heads []Head, s string) []Head {
	base := Clean(s)
	heads = append(heads, Head{Text: base, Kind: KindNone})
	if i := strings.Index(base, ", we "); i > 0 && countWords(base[:i]) <= 20 {
		heads = append(heads, Head{Text: Tidy(capitalize(base[i+2:])), Kind: KindLeadWe})
	}
	return heads
}

// Cuts returns the points where text may be cut, in order. The caller checks that enough words stay
// (MinWords) and that the last one does not need a complement (NeedsComplement).
func Cuts(text string) []Cut {
	return AppendCuts(make([]Cut, 0, 16), text)
}

// AppendCuts is Cuts appending to out, so that a caller can reuse one slice.
func AppendCuts(out []Cut, text string) []Cut {
	for i := 0; i < len(text); i++ {
		if kind := cutAt(text, i); kind != 0 {
			out = append(out, Cut{At: i, Kind: kind})
		}
	}
	return out
}

// FirstCut returns the first of text's cuts (Cuts) at from <= At < to. Cuts are never inside a word:
// a caller that knows where its words are looks between them alone.
func FirstCut(text string, from, to int) (Cut, bool) {
	for i := max(from, 0); i < to && i < len(text); i++ {
		if kind := cutAt(text, i); kind != 0 {
			return Cut{At: i, Kind: kind}, true
		}
	}
	return Cut{}, false
}

// cutAt returns the kind of the cut before text[i], or 0 (KindNone) for none.
func cutAt(text string, i int) int {
	kind := cutKind[text[i]]
	if kind == 0 {
		return 0
	}
	if kind != spaceKind {
		return int(kind)
	}
	if i+2 >= len(text) {
		return 0
	}
	for _, c := range spaceCutsAfter[text[i+1]] { // most bytes open no cut word
		// the third byte first: "in" and "input", "with" and "we", "for" and "from" share the second
		if text[i+2] == c.word[2] && strings.HasPrefix(text[i:], c.word) {
			return c.kind
		}
	}
	return 0
}

// cutKind gives the kind of a cut before a punctuation byte, spaceKind for a space, which may open a
// cut word (spaceCuts), and 0 for the other bytes.
var cutKind = [256]uint8{',': KindComma, ';': KindSemicolon, ':': KindColon, ' ': spaceKind}

const spaceKind = 255

// NeedsComplement reports a lower-case word after which a cut leaves the sentence hanging.
func NeedsComplement(word string) bool { return needsComplement[word] }

// Text returns the head cut at byte at (len(head) for none), tidied into a sentence.
func Text(head string, at int) string { return Tidy(head[:at]) }

// spaceCuts are the words before which a trailing part may be cut, with their kinds.
var spaceCuts = []spaceCut{
	{" which ", KindWhich}, {" by ", KindBy}, {" using ", KindUsing}, {" and ", KindAnd}, {" that ", KindThat},
	{" for ", KindFor}, {" with ", KindWith}, {" in ", KindIn}, {" on ", KindOn}, {" via ", KindVia},
	{" while ", KindWhile}, {" whereas ", KindWhile}, {" — ", KindDash}, {" -- ", KindDash},
}

// spaceCutsAfter lists spaceCuts by the byte after the space, in order.
var spaceCutsAfter = func() (t [256][]spaceCut) {
	for _, c := range spaceCuts {
		t[c.word[1]] = append(t[c.word[1]], c)
	}
	return t
}()

type spaceCut struct {
	word string
	kind int
}

// needsComplement are words after which a cut leaves a sentence hanging ("we are interested.").
var needsComplement = map[string]bool{
	"interested": true, "able": true, "based": true, "due": true, "according": true, "related": true,
	"used": true, "applied": true, "capable": true, "show": true, "shows": true, "showed": true, "shown": true,
	"demonstrate": true, "demonstrates": true, "find": true, "finds": true, "found": true, "prove": true,
	"proves": true, "argue": true, "observe": true, "suggest": true, "suggests": true, "indicate": true,
	"indicates": true, "reveal": true, "reveals": true, "note": true, "claim": true, "hypothesize": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "the": true, "a": true,
	"an": true, "of": true, "to": true, "between": true, "both": true, "either": true, "such": true,
	"so": true, "how": true, "whether": true, "than": true, "as": true, "from": true, "into": true,
	"this": true, "these": true, "we": true, "it": true, "our": true, "its": true, "their": true,
	"propose": true, "proposes": true, "present": true, "presents": true, "introduce": true,
	"introduces": true, "use": true, "uses": true, "make": true, "makes": true, "allows": true, "allow": true,
	"enables": true, "enable": true, "help": true, "helps": true, "same": true, "ensure": true,
	"called": true, "named": true, "termed": true, "dubbed": true, "known": true, "more": true, "less": true,
	"most": true, "focus": true, "focuses": true, "rely": true, "relies": true, "depend": true, "depends": true,
	"consists": true, "consist": true, "results": true, "result": true, "lead": true, "leads": true,
	"refer": true, "refers": true, "aim": true, "aims": true, "corresponds": true, "compared": true,
	// a conjunction or complementizer left at the end: "…and we show that.", "…a class analogous to adversarial
	// training, and."
	"and": true, "or": true, "that": true,
}

// Clean removes citations, parentheticals other than acronym definitions, content-free lead-ins and
// "in this paper", and tidies the result.
func Clean(s string) string {
	return Tidy(dropInline(dropLeadIn(dropBrackets(s))))
}

// MidConnectives contrast or add to text a TL;DR leaves out, at the start of a sentence ("However,", "In
// contrast,") and set off by commas inside it ("This paper, in contrast, discusses…"): compress drops them as
// leadIns, and summarize's standAlone, in the middle, reads this list. Those of one word are Connectives too.
var MidConnectives = []string{"however", "in contrast", "by contrast", "moreover", "furthermore", "in addition",
	"instead", "on the other hand", "nevertheless", "nonetheless"}

// Connectives are the one-word openings that tie a sentence to text a TL;DR leaves out ("However,",
// "Meanwhile,", "Secondly,") or say nothing about the paper ("Here,", "Empirically,"): the one-word
// MidConnectives and these. They are leadIns here, and summarize's standAlone reads the same list for its last
// pass (dropGlue), so the two cannot drift apart.
var Connectives = append(connectiveWords(false), "here", "specifically", "additionally", "finally", "thus",
	"therefore", "hence", "consequently", "overall", "further", "besides", "importantly", "notably",
	"interestingly", "surprisingly", "concretely", "first", "firstly", "second", "secondly", "third", "thirdly",
	"lastly", "then", "next", "also", "experimentally", "empirically", "theoretically", "altogether",
	"accordingly", "crucially", "meanwhile", "alternatively", "similarly", "likewise", "subsequently",
	"ironically")

// connectiveWords returns the MidConnectives of several words, or of one.
func connectiveWords(several bool) []string {
	var out []string
	for _, c := range MidConnectives {
		if strings.Contains(c, " ") == several {
			out = append(out, c)
		}
	}
	return out
}

// leadIns are openings that say nothing about the paper, or tie the sentence to text a TL;DR leaves out
// ("By contrast,"); each is dropped with the comma after it, unless what follows then points back ("On the
// other hand, this method…" stays: "This method…" would read as the paper's). They are matched
// case-insensitively at the start of the sentence: the phrases of several words below, then Connectives. The
// TL;DR's last pass (summarize's standAlone) drops the Connectives again, and the leading clauses this list
// does not hold.
var leadIns = append([]string{
	"in this paper", "in this work", "in this study", "in this article", "in this note", "in this letter",
	"in this thesis", "in this report", "in the present paper", "in the present work", "in this contribution",
	"in this regard", "in this context", "in this setting", "in this direction", "in this sense", "in particular",
	"in practice", "in summary", "in short", "in general", "in other words",
	"to this end", "to that end", "to address this", "to address these issues", "to address this issue",
	"to address this problem", "to address these problems", "to address these challenges",
	"to address this challenge", "to tackle this problem", "to tackle this issue", "to solve this problem",
	"to overcome this", "to overcome these limitations", "to overcome this limitation", "to do so", "to this aim",
	"as a result", "in doing so", "by doing so", "unlike previous work", "unlike prior work",
	"unlike existing methods", "unlike previous methods", "unlike previous approaches", "unlike existing approaches",
	"more precisely", "more specifically", "as a byproduct",
}, append(connectiveWords(true), Connectives...)...)

// dropLeadIn removes content-free openings ("In this paper, we …" → "We …"), repeatedly, but not one whose
// rest would point back. It keeps the rest capitalized for the check, which it returns, rather than
// capitalizing it twice; the lead-ins are cut from the rest as written, since capitalizing can turn a
// letter into an ASCII one ("ın" into "In").
func dropLeadIn(s string) string {
	cs := capitalize(s)
	for {
		rest, ok := cutLeadIn(s)
		if !ok {
			return cs
		}
		cr := capitalize(rest)
		if subjectPointsBack(cr) {
			return cs
		}
		s, cs = rest, cr
	}
}

// cutLeadIn returns what follows s's opening lead-in and its comma, and whether s opens with one.
func cutLeadIn(s string) (string, bool) {
	if !isLeadInStart(firstWord(s)) {
		return s, false
	}
	for _, l := range leadIns {
		// every lead-in opens with an ASCII lower-case letter, which only itself and its capital fold to in
		// a prefix of as many bytes (strings.EqualFold): the first byte rules out most lead-ins without a fold
		if len(s) <= len(l) || s[0]|0x20 != l[0] || !strings.EqualFold(s[:len(l)], l) {
			continue
		}
		switch rest := s[len(l):]; {
		case strings.HasPrefix(rest, ", "):
			return rest[2:], true
		case strings.HasPrefix(rest, " we ") || strings.HasPrefix(rest, " We "):
			return rest[1:], true
		}
	}
	return s, false
}

// leadInStarts are the first words of the lead-ins: most sentences need no further look.
var leadInStarts = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range leadIns {
		m[firstWord(l)] = true
	}
	return m
}()

// isLeadInStart reports whether w, in any case, is the first word of a lead-in, without allocating.
func isLeadInStart(w string) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return leadInStarts[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return leadInStarts[strings.ToLower(w)]
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return leadInStarts[string(buf[:len(w)])]
}

// firstWord returns s up to its first space or comma.
func firstWord(s string) string {
	for i := 0; i < len(s); i++ { // a word is short: a loop beats IndexAny's set
		if s[i] == ' ' || s[i] == ',' {
			return s[:i]
		}
	}
	return s
}

// inlines are phrases dropped wherever they stand, with the space before them: mentions of the paper itself.
// A hedge ("potentially", "in principle", "in some cases", "to some extent") is not one: it bounds the claim,
// and a TL;DR without it would claim more than the paper.
var inlines = []string{" in this paper", " in this work", " in this study", " in this article", " in this note"}

// hedgeOpenings are sentence openings that only announce a result; the result after them stands alone ("We find
// that X" reports X as found). An opening that makes X an opinion or a guess ("We argue that", "We believe that",
// "We hypothesize that", "We conjecture that") is not one: without it the TL;DR would state as fact what the
// paper only argues, so it stays.
var hedgeOpenings = []string{"it is shown that ", "it turns out that ", "we find that ", "we found that ",
	"we observe that "}

// hedgeCount is how many of hedgeOpenings dropInline must try on s: every hedge opens with a w or an i,
// and no other character folds to either (strings.EqualFold), so most sentences need try none.
func hedgeCount(s string) int {
	if s == "" || s[0]|0x20 != 'w' && s[0]|0x20 != 'i' {
		return 0
	}
	return len(hedgeOpenings)
}

func dropInline(s string) string {
	for _, h := range hedgeOpenings[:hedgeCount(s)] {
		if len(s) > len(h)+10 && strings.EqualFold(s[:len(h)], h) {
			s = capitalize(s[len(h):])
			break
		}
	}
	if !hasInline(s) {
		return s
	}
	for _, p := range inlines {
		if len(p) > len(s) {
			continue
		}
		for at := 0; ; {
			i := strings.Index(s[at:], p)
			if i < 0 {
				break
			}
			i += at
			if out := DropSetOff(s, i, i+len(p)); out != s {
				s = out
			} else {
				at = i + len(p) // the phrase stays where it marks the end of a clause
			}
		}
	}
	return s
}

// hasInline reports whether any of inlines occurs in s. It looks only for what they all open with
// (inlineOpening) and tries the phrases where it is: most sentences have none, and finding each of their spaces
// in turn and trying the phrases there cost twice as much.
func hasInline(s string) bool {
	for at := 0; ; at++ {
		i := strings.Index(s[at:], inlineOpening)
		if i < 0 {
			return false
		}
		at += i
		for _, p := range inlines {
			if strings.HasPrefix(s[at:], p) {
				return true
			}
		}
	}
}

// inlineOpening is the longest opening every one of inlines shares: " in this ".
var inlineOpening = func() string {
	open := inlines[0]
	for _, p := range inlines[1:] {
		for !strings.HasPrefix(p, open) {
			open = open[:len(open)-1]
		}
	}
	return open
}()

// dropBrackets removes [citations] and parentheticals. A citation used as a noun stays, as citation keys
// that CleanText wrote ("the experiments of [zhang17] and") or as numbers ("Building on [12], we prove"):
// paper.AsideBetween tells, and dropping it would leave a hole ("Building on, we prove"); so does an author-year
// citation used as a noun ("We extend (Smith et al., 2020) to graphs", "as shown by (Lee, 2019) for"). An acronym
// definition such as "(GANs)" or "(V-RIN)" stays, and so do brackets glued to a word, as in a formula f(x),
// and a bracket that is the complement of the word before it (complementBracket). Unbalanced brackets stay.
func dropBrackets(s string) string {
	if strings.IndexByte(s, '(') < 0 && strings.IndexByte(s, '[') < 0 {
		return s
	}
	var buf [8]bracketPair
	pairs := matchBrackets(s, buf[:0])
	b := make([]byte, 0, len(s))
	p := 0     // pairs[p] is the first pair that opens at i or after
	label := 0 // the end of the last number a label names, which a list may go on ("Eq. (3) and (4)")
	for i := 0; i < len(s); i++ {
		c := s[i]
		for p < len(pairs) && pairs[p].open < i {
			p++ // inside a pair already dropped or kept whole
		}
		if c != '(' && c != '[' || p == len(pairs) || pairs[p].open != i {
			b = append(b, c)
			continue
		}
		end := pairs[p].close
		named := c == '(' && citedNumbers(s[i+1:end]) && (paper.Labelled(s[:i]) || label > 0 && listJoint(s[label:i]))
		if named {
			label = end + 1
		}
		if c == '(' && (isAcronym(s[i+1:end]) || complementBracket(s[:i], s[end+1:]) ||
			citedYear(s[i+1:end]) && !paper.AsideBetween(s[:i], s[end+1:])) || i > 0 && !isSpace(s[i-1]) ||
			isInterval(c, s[i+1:end], s[end]) ||
			c == '[' && (paper.CitedKeys(s[i+1:end]) || citedNumbers(s[i+1:end])) &&
				!paper.AsideBetween(s[:i], s[end+1:]) || named {
			b = append(b, s[i:end+1]...)
		} else if c == '(' && isYear(s[i+1:end]) {
			b = dropCitedNames(b, s[end+1:])
		} else if c == '[' {
			end = citedRun(s, i, end)
		}
		i = end
	}
	return string(b)
}

// listJoint reports whether s, the text between two numbers, joins them in a list: "and", "or", a comma, the
// dash of a range or nothing ("(3) and (4)", "(3), (4), or (5)", "(3)-(4) and (5)").
func listJoint(s string) bool {
	s = strings.Trim(s, " ,-\u2013")
	return s == "" || s == "and" || s == "or"
}

// citedRun returns the end of the run of citations (numbered, or keys as CleanText writes them: "[kipf] and
// [hamilton]") that the aside ending at s[end] starts: a range, "[3]-[5]" or "[3]–[5]", goes whole, and no "-[5]"
// is left; so does a list joined by "and" or "or" ("Prior work [3] and [4] fails", "[3] or [4], [5]") or by commas
// ("Prior work [3], [4] fails"). A list whose first joint is a comma alone and that a word follows may be two: in
// "Unlike GAT [3], [4] uses" and "Unlike GAT [3], [4] and [5] use" [4] starts a clause of its own, and "Unlike GAT
// use" would be false, so after an opening phrase (paper.CommaMayEndAside) only its first range goes, and the rest
// is weighed on its own; the joint after the first citation decides, not an "and" further on. After a name
// (paper.Named: GCN, a capitalised word inside the sentence, "Adam" before "[4] converge") only the first range
// goes too, whatever the joints, as the list may name a second baseline ("We compare with GCN [3] and [4]").
func citedRun(s string, open, end int) int {
	first, lead := -1, false
	for k := end + 1; ; k = end + 1 {
		sep := false // a comma among the spaces, commas, dashes and en dashes before the next citation
		for ; k < len(s) && strings.IndexByte(" ,-\xe2\x80\x93", s[k]) >= 0; k++ {
			sep = sep || s[k] == ','
		}
		and := strings.HasPrefix(s[k:], "and [") || strings.HasPrefix(s[k:], "or [")
		if and {
			k += strings.IndexByte(s[k:], '[')
		}
		j := strings.IndexByte(s[k:], ']')
		if j < 0 || s[k] != '[' || !citedNumbers(s[k+1:k+j]) && !paper.CitedKeys(s[k+1:k+j]) {
			break
		}
		if first < 0 && (sep || and) {
			first, lead = end, !and // the end of the range that the list starts, and whether a comma alone follows it
		}
		end = k + j
	}
	if first < 0 {
		return end
	}
	if t := strings.TrimLeft(s[end+1:], " "); lead && t != "" && 'a' <= t[0]|0x20 && t[0]|0x20 <= 'z' &&
		paper.CommaMayEndAside(s[:open], false) || paper.Named(s[:open], s[end+1:]) {
		return first
	}
	return end
}

// citedYear reports whether inner, the text of a bracket, is an author-year citation: words, then a year of
// publication ("Smith et al., 2020", "e.g., Lee 2019; Wu, 2021a", "Smith, 2020a, b").
func citedYear(inner string) bool {
	inner = strings.TrimRight(inner, "abcdef, ") // "2020a, b", "2020a,b"
	k := strings.LastIndexByte(inner, ' ')
	return k > 1 && isYear(inner[k+1:])
}

// isYear reports whether inner, the text of a bracket, is a year of publication ("2019", "2017a").
func isYear(inner string) bool {
	inner = strings.TrimRight(inner, "abcdef")
	if len(inner) != 4 || inner[0] != '1' && inner[0] != '2' {
		return false
	}
	for i := 0; i < 4; i++ {
		if inner[i] < '0' || inner[i] > '9' {
			return false
		}
	}
	return true
}

// dropCitedNames removes from the end of kept the "Name et al." whose year was just dropped, when the citation
// is an aside: it follows a name, an acronym or a bracket ("the method (STP) Bergou et al. (2019)" would end
// "…(STP) Bergou et al.", "MuJoCo Todorov et al. (2012) environments" read "MuJoCo Todorov et al. environments").
// A citation used as a noun stays ("the schedule of Wilson et al. (2017)", "We follow Wu et al. (2017)"), and so
// do the trailing spaces of kept when nothing goes.
func dropCitedNames(kept []byte, after string) []byte {
	t := len(kept)
	for t > 0 && kept[t-1] == ' ' {
		t--
	}
	if !bytes.HasSuffix(kept[:t], []byte(" et al.")) {
		return kept
	}
	n := t - len(" et al.")
	start := bytes.LastIndexByte(kept[:n], ' ') + 1
	if start < 2 || kept[start] < 'A' || kept[start] > 'Z' || !namesThing(kept[:start-1]) ||
		!paper.AsideBetween(string(kept[:start]), after) {
		return kept
	}
	return kept[:start]
}

// namesThing reports whether the last word of before ends in a bracket or has a capital letter after its first
// byte ("(STP)", "MuJoCo", "BERT"): a name, which a cited "Name et al." can follow only as an aside.
func namesThing(before []byte) bool {
	w := before[bytes.LastIndexByte(before, ' ')+1:]
	if len(w) > 0 && (w[len(w)-1] == ')' || w[len(w)-1] == ']') {
		return true
	}
	for i := 1; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			return true
		}
	}
	return false
}

// complementBracket reports whether a parenthetical between before and after is what the word before it
// needs, and no aside: that word is "form" or a function word, and a punctuation mark or the end follows
// ("a network of the form (Affine, ReLU, Affine).", "inspired by (Pathak et al., 2017), we"). Dropping it
// would leave a hole ("…of the form.", "inspired by, we").
func complementBracket(before, after string) bool {
	after = strings.TrimLeft(after, " ")
	if after != "" && strings.IndexByte(".,;:", after[0]) < 0 {
		return false
	}
	before = strings.TrimRight(before, " ")
	return InList(" form forms of to as by from with than between into the a an ", before[strings.LastIndexByte(before, ' ')+1:])
}

// isInterval reports a bracket that is an interval, which the noun before it needs: "a uniform [0,1] value",
// "the range [0.01-0.5]", "β in (0, 1]". Two endpoints stand between the brackets, split by a comma or a dash, and
// something tells them from a numbered citation ("[3, 5]", "[5-7]"): the bracket opens with "[" and closes with
// ")", or opens with "(" and closes with "]", an endpoint is 0 (no citation is numbered 0), has a decimal point
// or a sign, or is infinite.
func isInterval(open byte, inner string, close byte) bool {
	sep := strings.IndexAny(inner, ",–")
	if sep < 0 {
		sep = strings.IndexByte(inner[min(1, len(inner)):], '-') + 1 // a dash, not the first endpoint's sign
		if sep == 0 {
			return false
		}
	}
	lo := strings.TrimSpace(inner[:sep])
	_, size := utf8.DecodeRuneInString(inner[sep:])
	hi := strings.TrimSpace(inner[sep+size:])
	if !isEndpoint(lo) || !isEndpoint(hi) {
		return false
	}
	mixed := open == '[' && close == ')' || open == '(' && close == ']'
	return mixed || lo == "0" || hi == "0" || strings.ContainsAny(lo+hi, ".+-−∞")
}

// isEndpoint reports an interval's endpoint: a number with an optional sign and decimal point, or ∞.
func isEndpoint(w string) bool {
	w = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(w, "-"), "+"), "−")
	if w == "∞" {
		return true
	}
	digits := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && i > 0 && i < len(w)-1:
		default:
			return false
		}
	}
	return digits > 0
}

// citedNumbers reports whether inner, the text of a bracket, is a numbered citation: "12", "3, 4", "5-7".
func citedNumbers(inner string) bool {
	if inner == "" || inner[0] < '0' || inner[0] > '9' {
		return false
	}
	for i := 0; i < len(inner); i++ {
		if c := inner[i]; (c < '0' || c > '9') && strings.IndexByte(", -", c) < 0 {
			return false
		}
	}
	return true
}

// bracketPair is the byte offsets of a balanced bracket and the one that closes it.
type bracketPair struct{ open, close int }

// matchBrackets appends to pairs every balanced ( or [ with the bracket that closes it, by opening
// offset, in one pass; a ")" closes a "[" as well, as writers mismatch them.
func matchBrackets(s string, pairs []bracketPair) []bracketPair {
	stack := make([]int, 0, 16)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			stack = append(stack, i)
		case ')', ']':
			if len(stack) > 0 {
				pairs = append(pairs, bracketPair{stack[len(stack)-1], i})
				stack = stack[:len(stack)-1]
			}
		}
	}
	// pairs close inner first: sort by opening offset (a sentence has a few)
	for i := 1; i < len(pairs); i++ {
		for j := i; j > 0 && pairs[j].open < pairs[j-1].open; j-- {
			pairs[j], pairs[j-1] = pairs[j-1], pairs[j]
		}
	}
	return pairs
}

// isAcronym reports a short single token with a capital letter: "GANs", "V-RIN", "DCC".
func isAcronym(s string) bool {
	if s == "" || len(s) > 15 || strings.ContainsAny(s, " ,;") {
		return false
	}
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// PointsBack reports a sentence whose subject points back at text before it: "This motivates…", "These
// methods…", "It applies…", and after a connective, "Instead, it uses…". A TL;DR is read without that text.
// "This paper…" and its kind name the paper itself, and the "it" of "It is hard to…" / "It is known that…"
// names nothing: neither points back.
//
// A kept "We argue/believe/hypothesize/conjecture that" is read past as a lead-in is: "We argue that this imposes
// a limitation…" points back as "This imposes…" does. What such a claim argues is often set against the text
// before it, so a pointer anywhere in it counts ("…is well suited for this task", "…labels in the graph
// instead.").
func PointsBack(s string) bool {
	if rest, ok := cutLeadIn(s); ok {
		s = capitalize(rest)
	}
	if claim, ok := cutArguedThat(s); ok {
		return subjectPointsBack(capitalize(claim)) || claimPointsBack(claim)
	}
	return subjectPointsBack(s)
}

// ArguedPointsBack reports an argued claim, after any lead-in, that points back (PointsBack).
func ArguedPointsBack(s string) bool {
	if rest, ok := cutLeadIn(s); ok {
		s = capitalize(rest)
	}
	_, ok := cutArguedThat(s)
	return ok && PointsBack(s)
}

// arguedOpenings are the openings that Clean keeps because they make what follows an opinion or a guess.
var arguedOpenings = []string{"we argue that ", "we believe that ", "we hypothesize that ", "we conjecture that "}

// cutArguedThat returns what follows s's opening "We argue that " or its kind, and whether s opens with one.
func cutArguedThat(s string) (string, bool) {
	if len(s) < 3 || s[0]|0x20 != 'w' || s[1] != 'e' || s[2] != ' ' {
		return s, false
	}
	for _, h := range arguedOpenings {
		if len(s) > len(h) && strings.EqualFold(s[:len(h)], h) {
			return s[len(h):], true
		}
	}
	return s, false
}

// claimPointsBack reports a pointer anywhere in an argued claim: "this", "these", "those" or "such" before a
// noun that is not the paper's own ("this task", not "this paper", "this paper's" or "such as"), or an
// "instead" that is not "instead of". "those of", "those who/which/that" and "such that" point forward, at what
// follows them ("…similar to those of the primate visual cortex"). "their" may name a noun of the claim itself
// ("…benchmarks are too simple because their…").
func claimPointsBack(claim string) bool {
	words := strings.Fields(claim)
	for i, w := range words {
		bare := strings.ToLower(strings.TrimRight(w, ",;:.)"))
		next := ""
		if i+1 < len(words) {
			next = strings.ToLower(words[i+1])
		}
		switch {
		case bare == "instead" && next != "of":
			return true
		case InList(" this these those such ", bare) && bare == strings.TrimRight(w, ",;:.)") &&
			next != "as" && !namesPaper(next) && !(bare == "those" && InList(" of who which that ", next)) &&
			!(bare == "such" && next == "that"):
			return true
		}
	}
	return false
}

// PointsBackAnywhere reports a sentence with a pointer anywhere in it: at its subject (PointsBack), inside it as
// in an argued claim (claimPointsBack: "We evaluate this claim…", "We prove this for…"), or an "it" or "them"
// as the object of its first verb ("We test it on ImageNet", "We then evaluate them"), before any noun of the
// sentence it could name; a later one may name a noun of the sentence ("…in plans and models, and how they can
// create explanations from them"). A sentence that takes the place of an argued claim must have none: "We test
// it…" tells the reader of a TL;DR less than the claim.
func PointsBackAnywhere(s string) bool {
	if PointsBack(s) || claimPointsBack(s) {
		return true
	}
	prev := ""
	for i, rest := 0, s; rest != ""; i++ { // word by word: no allocation
		var w string
		if w, rest, _ = strings.Cut(rest, " "); w == "" {
			i--
			continue
		}
		bare := strings.TrimRight(w, ",;:.)")
		if (i == 2 || i == 3) && (strings.EqualFold(bare, "it") || strings.EqualFold(bare, "them")) {
			return true
		}
		// "We also present…", "Our results thus suggest…", "We demonstrate the new method…"
		if inListFold(leaningWords, bare) || strings.EqualFold(prev, "the") && inListFold(" new proposed above same ", bare) {
			return true
		}
		prev = w
	}
	return false
}

// inListFold is InList for a word in any case.
func inListFold(list, w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return false
	}
	for j := 0; j < len(w); j++ {
		c := w[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[j] = c
	}
	return InList(list, string(buf[:len(w)]))
}

// leaningWords lean on a sentence before: a step after it, a consequence of it, one more of its kind.
const leaningWords = " also thus then hence therefore furthermore moreover additionally finally next "

// lyVerbs end in -ly and are verbs, not adverbs: "We apply this method…", "We rely on this assumption…".
const lyVerbs = " apply rely supply reply comply multiply imply "

// claimVerbs report a finding: "We show such invariance occurs…" is a claim, as "We show that this…" is.
const claimVerbs = " show find demonstrate prove believe observe note "

// quietConnectives are Connectives that say nothing about the paper but lean on no sentence before:
// "Here, we propose…", "Empirically, we find…".
const quietConnectives = " here overall importantly notably interestingly surprisingly concretely experimentally empirically theoretically crucially ironically specifically "

// connectiveList is Connectives as one list for InList.
var connectiveList = " " + strings.Join(Connectives, " ") + " "

// LeadConnective reports a sentence that opens with a connective that sequences it after, or leans it on, the
// one before: "Then, we use simple image processing…", "Further, we…", "In addition, we…", "We also…",
// "As a consequence of fast estimation, we…". Cleaning drops it, and with it what the sentence depends on.
// It reads Connectives and the MidConnectives of several words, case-insensitively.
func LeadConnective(raw string) bool {
	w, rest, _ := strings.Cut(raw, " ")
	if strings.EqualFold(w, "we") { // "We further develop…", "We then show…"
		w, _, _ = strings.Cut(rest, " ")
	}
	w = strings.TrimRight(w, ",;:")
	if inListFold(leaningWords, w) || !inListFold(quietConnectives, w) && inListFold(connectiveList, w) {
		return true
	}
	for _, c := range MidConnectives {
		if len(raw) > len(c) && strings.EqualFold(raw[:len(c)], c) && (raw[len(c)] == ',' || raw[len(c)] == ' ') {
			return true
		}
	}
	// "As a consequence of superior and fast estimation, we reduce…", "As a result, we…": the main clause after
	// ", we" rests on what the phrase before it refers to
	if len(raw) > 5 && strings.EqualFold(raw[:5], "as a ") && strings.Contains(raw, ", we ") {
		return true
	}
	return false
}

// StandsAlone reports a sentence in the paper's own voice that can take the place of a TL;DR whose object
// points back (ObjectPointsBack) for a reader who sees nothing else: it points nowhere back
// (PointsBackAnywhere), it is not a naming or a release sentence ("We call our approach L2C.", "We release
// Craystack, an open source library…", "Code is available at…"), and it uses no acronym it does not define
// ("We compare FBS to…", "We connect GR to…"; "…recurrence (SVIN)" defines it).
func StandsAlone(s string) bool {
	if ObjectPointsBack(s) {
		return false
	}
	rest, ok := strings.CutPrefix(s, "We ")
	if ok {
		verb, _, _ := strings.Cut(rest, " ")
		// naming, release, hope, future work and thanks say nothing the paper did: "We call our approach L2C.",
		// "We hope that our work inspires…", "We leave … for future work.", "We thank the reviewers…"
		if InList(" call name term dub refer release publish open-source hope leave plan thank believe wish intend will ", verb) {
			return false
		}
	}
	future, release := false, InList(" provide make ", verb0(s))
	for rest := s; rest != ""; { // word by word: no allocation
		var w string
		w, rest, _ = strings.Cut(rest, " ")
		bare := strings.TrimRight(w, ",;:.)")
		if inListFold(" available open-source github code ", bare) ||
			release && inListFold(" library toolkit dataset datasets software implementation public ", bare) ||
			future && inListFold(" work research directions ", bare) {
			return false // "We provide a library…", "…in future work"
		}
		future = strings.EqualFold(bare, "future")
		w = strings.Trim(w, ",;:.()'’\"")
		caps, lower := letterCase(w)
		if caps >= 2 && (!lower || caps*2 > len(w)) && !strings.Contains(s, "("+w) {
			return false // an acronym: "FBS", "L2C", "GANs"; not "ImageNet"
		}
	}
	return !PointsBackAnywhere(s) // last: it allocates
}

// letterCase counts a word's ASCII capitals and tells whether it has a lower-case letter: a name ("ArbNets",
// StandsAlone's and BorrowsName's test) has two capitals or more, an acronym ("FBS", "GANs") few lower-case ones.
func letterCase(w string) (caps int, lower bool) {
	for j := 0; j < len(w); j++ {
		switch {
		case 'A' <= w[j] && w[j] <= 'Z':
			caps++
		case 'a' <= w[j] && w[j] <= 'z':
			lower = true
		}
	}
	return caps, lower
}

// verb0 returns the verb of a sentence that opens "We VERB", or "".
func verb0(s string) string {
	rest, ok := strings.CutPrefix(s, "We ")
	if !ok {
		return ""
	}
	verb, _, _ := strings.Cut(rest, " ")
	return verb
}

// BorrowsName reports a sentence s that uses a name that only the sentence it would replace, from, defines:
// "We show that common networks are ArbNets…" for "We generalize this method into a framework (ArbNets)…".
func BorrowsName(s, from string) bool {
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ",;:.()'’\"")
		if caps, _ := letterCase(w); caps >= 2 && strings.Contains(from, "("+w) && !strings.Contains(s, "("+w) {
			return true
		}
	}
	return false
}

// Proposes reports a sentence that says what the paper proposes or introduces: "We reduce this cost by… and
// propose FBS, a new method…". It says more than any later sentence, pointer and all.
func Proposes(s string) bool {
	for _, w := range strings.Fields(s) {
		// verb forms only: "…with a learned proposal", "…with the proposed sampler" propose nothing
		if inListFold(" propose proposes proposing introduce introduces introducing present presents presenting ", w) {
			return true
		}
	}
	return false
}

// GlueVerbs, with an object that points back (package summarize's glueNouns), say that the paper answers what
// the reader of a TL;DR does not see: "We address these issues by proposing…", "We go beyond these limitations
// and propose…", "…to overcome this issue.". leadIns spell the same idea out phrase by phrase for an opening
// ("To address this issue, we…"); summarize's dropGlueClaim finds these after the subject, where no list of
// phrases could.
const GlueVerbs = " address answer tackle solve alleviate mitigate overcome bypass lift circumvent remedy resolve fix attack bridge fill close "

// ObjectPointsBack reports a sentence in the paper's voice whose first verb acts on what a sentence before it
// named: "We reduce this cost by…", "We aim to quantify this benefit…", "We also study these networks…". Its
// reader does not know which cost or which networks. "this paper", "such as", "those of" and "such that" point
// nowhere back. A glue verb ("We address this issue by proposing…") is left to summarize's dropGlueClaim, which
// rewrites it to what the paper does, and a verb that names ("We call this model X") says what it points at.
func ObjectPointsBack(s string) bool {
	rest, ok := strings.CutPrefix(s, "We ")
	if !ok {
		return false
	}
	var words [7]string // the words after "We", as far as the pointer and the three after it: no allocation
	n := 0
	for ; n < len(words) && rest != ""; n++ {
		words[n], rest, _ = strings.Cut(rest, " ")
	}
	i := 0
	if strings.HasSuffix(words[i], "ly") && !InList(lyVerbs, words[i]) || InList(" also further then ", words[i]) {
		i++ // "We also study these…", "We successfully reduce this…"
	}
	if i+1 < n && words[i+1] == "to" {
		i += 2 // "We aim to quantify this…"
	}
	if i+1 >= n || InList(GlueVerbs, words[i]) || InList(" call name term dub ", words[i]) ||
		InList(claimVerbs, words[i]) {
		return false
	}
	i++ // past the verb
	w := strings.ToLower(words[i])
	bare := strings.TrimRight(w, ",;:.)")
	if !InList(" this these those such ", bare) {
		return false
	}
	if bare != w || i+1 == n {
		return true // "We achieve this by…" / "We prove this."
	}
	next := strings.ToLower(words[i+1])
	after := strings.Join(words[i+1:n], " ") // at most three words, as namesPaper reads
	return next != "as" && !namesPaper(after) && !(bare == "those" && InList(" of who which that ", next)) &&
		!(bare == "such" && next == "that")
}

// subjectPointsBack is PointsBack for the sentence's first words.
func subjectPointsBack(s string) bool {
	first, rest, _ := strings.Cut(s, " ")
	switch {
	case first == "It":
		return !dummyIt(rest)
	case InList(" Its They Their Such ", first):
		return true
	case InList(" This These Those That ", first):
		return !namesPaper(rest)
	}
	return false
}

// OpensOwnVoice reports a sentence that opens in the paper's own voice: "We…", "Our…", "This (workshop) paper…",
// "In this paper…", "The aim of this study…". A TL;DR whose subject points back gives way only to such a sentence,
// unless it is an argued claim that points back (ArguedPointsBack: "We argue that this imposes…" says what it argues
// against only before it), which the caller asks apart, once per sentence: any other may be background or prior
// work ("Knowledge distillation, the standard approach…, minimizes…").
func OpensOwnVoice(s string) bool {
	w, rest, _ := strings.Cut(s, " ")
	if w == "We" || w == "Our" {
		return true
	}
	// "this" among the first four words: "This paper…", "In this paper…", "The aim of this study…"; "the" before
	// the paper or its authors, as abstracts in a journal's voice put it, opening the sentence or after one
	// connective: "The paper aims to…", "In the paper, a model is developed…", "In particular, the authors
	// perform…" (theOwn says which)
	prev := ""
	for i := 0; i < 4 && rest != ""; i++ {
		if w == "This" || w == "this" {
			return namesPaper(rest)
		}
		if (i == 0 && w == "The" || w == "the" && (i == 1 && prev == "In" ||
			i <= 2 && prev != "" && prev[len(prev)-1] == ',')) && theOwn(rest, prev == "In") {
			return true
		}
		prev = w
		w, rest, _ = strings.Cut(rest, " ")
	}
	return false
}

// theOwn reports the words after an opening "the" that name the paper or its authors as the subject: "paper
// aims…", "article defines…", "authors perform…", or after "In the" "paper, …". Not other people's papers
// ("authors of [4]…", "paper by Smith…", "In the paper by…", "authors cited in [4]…", "authors who built…",
// "In the paper, Williamson argues…"), nor paper the material ("paper industry uses…", "paper records of the
// registry…", "paper mills in Finland…", "paper records show…"), nor "article 12 of the code".
func theOwn(s string, in bool) bool {
	noun, s, _ := strings.Cut(s, " ")
	next, s, _ := strings.Cut(s, " ")
	if !InList(" paper article author authors paper, article, ", noun) || in != (noun[len(noun)-1] == ',') {
		return false
	}
	third, _, _ := strings.Cut(s, " ")
	// a lower-case word: not "[4]", "12", "Smith", "In the paper, Williamson…"; no preposition or relative; after
	// paper and article a verb in -s ("aims", "is") that no "in" or plural verb follows ("mills in", "records show")
	return next != "" && 'a' <= next[0] && next[0] <= 'z' && (in || !InList(" of by in from on who cited mentioned above et ", next) &&
		third != "of" && (noun[1] == 'u' || next[len(next)-1] == 's' && !InList(" in are were have show ", third)))
}

// namesPaper reports words after "this" that name the paper itself: "paper…", and after one or two
// modifiers "workshop paper…", "short workshop paper…". A plural is the noun, not a modifier: "These methods
// work…" does not name the paper.
func namesPaper(s string) bool {
	for range 3 {
		var w string
		w, s, _ = strings.Cut(s, " ")
		w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimRight(w, ",;:"), "'s"), "’s") // "this paper's method"
		if InList(ownNouns, w) {
			return true
		}
		if strings.HasSuffix(w, "s") {
			return false
		}
	}
	return false
}

// dummyIt reports the words after a sentence's "It" that make it the dummy subject of "It is hard to…", "It
// is well known that…", "It has been shown that…": it then stands for the clause that follows.
func dummyIt(s string) bool {
	verb, s, _ := strings.Cut(s, " ")
	if !InList(" is was has remains seems ", verb) {
		return false
	}
	for range 3 {
		var w string
		w, s, _ = strings.Cut(s, " ")
		if w == "to" || w == "that" {
			return true
		}
		if InList(" a an the ", w) { // "It is a hurdle that…": a noun phrase, and "it" refers
			return false
		}
	}
	return false
}

// ownNouns, after "This", name the paper the TL;DR is about.
const ownNouns = " paper work study article thesis note letter report chapter survey tutorial manuscript contribution submission research dissertation "

// InList reports whether w is one of the words of list, which opens and closes with a space: in wasm, smaller
// than a map or a switch.
func InList(list, w string) bool {
	if w == "" || strings.IndexByte(w, ' ') >= 0 {
		return false
	}
	for {
		i := strings.Index(list, w)
		if i < 0 {
			return false
		}
		if i > 0 && list[i-1] == ' ' && list[i+len(w)] == ' ' {
			return true
		}
		list = list[i+1:]
	}
}

// Tidy mends what cuts leave: doubled spaces, space before punctuation, trailing commas, a lower-case
// start and a missing final period.
func Tidy(s string) string {
	if needsSpaceFix(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	if spaceBeforePunct(s) {
		for _, p := range []string{" ,", " .", " ;", " :"} {
			s = strings.ReplaceAll(s, p, p[1:])
		}
	}
	s = strings.TrimRight(s, " ,;:-—")
	s = capitalize(s)
	if r, _ := utf8.DecodeLastRuneInString(s); s != "" && !strings.ContainsRune(".!?。！？", r) {
		s += "."
	}
	if n := len(s); n > 2 && s[n-2] == '.' && s[n-3] != '.' && s[n-1] == '.' {
		s = s[:n-1] // "…of Wilson et al. (2017)." without its year
	}
	return s
}

// needsSpaceFix reports white space other than single spaces between words: what strings.Fields and
// a join would change. Each check is a vectorized scan; a loop over the bytes cost twice as much.
func needsSpaceFix(s string) bool {
	return hasDoubleSpace(s) || strings.IndexByte(s, '\n') >= 0 || strings.IndexByte(s, '\t') >= 0 ||
		strings.IndexByte(s, '\r') >= 0 || strings.TrimSpace(s) != s
}

// hasDoubleSpace is strings.Contains(s, "  "), eight bytes at a time: Contains stops at each of a
// sentence's single spaces before it turns to a vectorized search, and was a third of Tidy's cost.
func hasDoubleSpace(s string) bool {
	const low7, spaces = 0x7F7F7F7F7F7F7F7F, 0x2020202020202020
	prev := false // the byte before s[i] is a space
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := le64(s[i:]) ^ spaces          // zero bytes where s has spaces
		z := ^((x&low7 + low7) | x | low7) // 0x80 in each byte that was a space, exactly
		if z&(z<<8) != 0 || prev && z&0x80 != 0 {
			return true
		}
		prev = z>>63 != 0
	}
	for ; i < len(s); i++ {
		space := s[i] == ' '
		if space && prev {
			return true
		}
		prev = space
	}
	return false
}

// le64 reads the first eight bytes of s as a little-endian integer, in one load where the compiler can.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// spaceBeforePunct reports a space before a comma, period, semicolon or colon. A sentence has a few of
// these: finding each with a vectorized scan is cheaper than a loop over every byte.
func spaceBeforePunct(s string) bool {
	for _, p := range [...]byte{',', '.', ';', ':'} {
		for i := strings.IndexByte(s, p); i >= 0; {
			if i > 0 && s[i-1] == ' ' {
				return true
			}
			j := strings.IndexByte(s[i+1:], p)
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	return false
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := isSpace(s[i])
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}
