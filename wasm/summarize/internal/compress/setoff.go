package compress

import "strings"

// DropSetOff removes s[from:to], a phrase with the space before it. Set off by commas, the phrase takes its
// commas along, and one comma stays only where it closes a plain opener: one word ("However, in some cases, this
// strategy…" → "However, this strategy…") or an adverbial with no subject of its own ("In detail, in this paper,
// instead of…" → "In detail, instead of…"). After "that" or inside a clause both go: "Our analysis shows that, in
// principle, the bound…" → "…shows that the bound…", "We study, in this paper, a CNN" → "We study a CNN", "The
// model, in this paper, is trained" → "The model is trained". Where a clause or a verb comes before it and a
// subject or an object after it ("…entities explain, to some extent, the relational structure…", "When the data is
// scarce, in principle, the…"), the phrase may be all that marks where one ends, and it stays with its commas.
func DropSetOff(s string, from, to int) string {
	if from == 0 || s[from-1] != ',' || to >= len(s) || s[to] != ',' {
		return s[:from] + s[to:]
	}
	before := s[:from-1]
	switch {
	case strings.HasSuffix(before, " that"):
		return s[:from-1] + s[to+1:]
	case plainOpener(before):
		return s[:from] + s[to+1:]
	case weClause(before) || !OpensSubject(s[to+1:]):
		return s[:from-1] + s[to+1:]
	}
	return s
}

// plainOpener reports an opening of one word, or an adverbial with no subject word after its first word: "For
// state-of-the-art DNNs", not "In most cases our method" nor "When the data is scarce".
func plainOpener(s string) bool {
	if strings.IndexByte(s, ' ') < 0 {
		return s != ""
	}
	if !OpensAdverbial(s) {
		return false
	}
	words := strings.Fields(s)
	for _, w := range words[1:] {
		if InList(subjectWords, strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// weClause reports text that holds the subject "we" of a clause.
func weClause(s string) bool {
	return strings.HasPrefix(s, "We ") || strings.Contains(s, " we ")
}

// subjectWords open a clause's subject.
const subjectWords = " we our the this these those a an it its they their there such each every i "

// OpensSubject reports text whose first word opens a subject: "we identify…", "the bound is…".
func OpensSubject(s string) bool {
	return InList(subjectWords, strings.ToLower(firstWord(strings.TrimLeft(s, " "))))
}

// adverbialWords open an adverbial, a clause or phrase with no subject of the sentence: "For large models",
// "When the data is scarce", "In detail".
const adverbialWords = " for in when whenever if under by with as on at during given unlike despite after before since while although though compared across among within without through beyond once upon because assuming provided "

// OpensAdverbial reports text that opens with an adverbial's first word.
func OpensAdverbial(s string) bool {
	return InList(adverbialWords, strings.ToLower(firstWord(strings.TrimLeft(s, " "))))
}

// clauseVerbs are the finite verbs and modals that tell a clause from a subject or an adverbial.
const clauseVerbs = " is are was were has have had can could may might will would should must does do did remains cannot "

// HoldsVerb reports text that holds a clause: the subject "we", or one of clauseVerbs.
func HoldsVerb(s string) bool {
	if weClause(s) {
		return true
	}
	for _, w := range strings.Fields(s) {
		if InList(clauseVerbs, strings.ToLower(strings.Trim(w, ",;:()"))) {
			return true
		}
	}
	return false
}
