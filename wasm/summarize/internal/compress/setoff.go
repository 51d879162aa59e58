package compress

import "strings"

// DropSetOff removes s[from:to], a phrase with the space before it. Set off by commas, the phrase takes its
// commas along, and one comma stays only where it closes what opens the sentence: after an opening adverbial
// ("In detail, in this paper, instead of…" → "In detail, instead of…", "Unlike methods which do not…, in this
// paper, we explore…"), or before a subject that no "we" clause precedes ("For state-of-the-art DNNs, however,
// we identify…", "However, in some cases, this strategy…"). Inside a clause both go, whatever its subject: "We
// study, in this paper, a CNN" → "We study a CNN", "The model, in this paper, is trained" → "The model is
// trained", "…can, in principle, learn to…" → "…can learn to…".
func DropSetOff(s string, from, to int) string {
	if from == 0 || s[from-1] != ',' || to >= len(s) || s[to] != ',' {
		return s[:from] + s[to:]
	}
	if before := s[:from-1]; OpensAdverbial(before) || OpensSubject(s[to+1:]) && !weClause(before) {
		return s[:from] + s[to+1:]
	}
	return s[:from-1] + s[to+1:]
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
const adverbialWords = " for in when whenever if under by with as on at during given unlike despite after before since while although though compared across among within without through beyond once upon because assuming provided even "

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
