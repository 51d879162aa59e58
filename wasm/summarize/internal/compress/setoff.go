package compress

import "strings"

// DropSetOff removes s[from:to], a phrase with the space before it. Set off by commas, the phrase takes its
// commas along, and one comma stays only where it closes a plain opener: one word before a subject ("However, in
// this work, this strategy…" → "However, this strategy…") or an adverbial with no subject of its own ("In
// detail, in this paper, instead of…" → "In detail, instead of…"). An adverbial that holds a subject ("Since the
// loss is convex", "In most cases our method") keeps the phrase. After "that" or inside a clause both go: "Our
// analysis shows that, in this paper, the bound…" → "…shows that the bound…", "We study, in this paper, a CNN" → "We study a CNN", "The
// model, in this paper, is trained" → "The model is trained". Where a clause or a verb comes before it and a
// subject or an object after it ("…entities explain, in this work, the relational structure…", "When the data is
// scarce, in this paper, the…"), the phrase may be all that marks where one ends, and it stays with its commas.
func DropSetOff(s string, from, to int) string {
	if from == 0 || s[from-1] != ',' || to >= len(s) || s[to] != ',' {
		return s[:from] + s[to:]
	}
	before, subject := s[:from-1], OpensSubject(s[to+1:])
	oneWord := strings.IndexByte(before, ' ') < 0
	switch {
	case strings.HasSuffix(before, " that"):
		return s[:from-1] + s[to+1:]
	case oneWord && subject || plainAdverbial(before) && (subject || strings.Count(before, " ") < 2) ||
		strings.HasPrefix(s[to+1:], " we ") && !weClause(before):
		// "Different from these methods which…, in this paper, we explore…": a "we" opens the main clause
		return s[:from] + s[to+1:]
	case OpensAdverbial(before):
		return s // "Since the loss is convex, in this paper, gradient descent…": where does the clause end?
	case oneWord || weClause(before) || !subject:
		return s[:from-1] + s[to+1:]
	}
	return s
}

// plainAdverbial reports an adverbial with no verb and no subject word after its first word, but for the
// determiner of its own noun right after it: "For state-of-the-art DNNs", "Despite their success", "With this
// work", not "In most cases our method" nor "When the data is scarce". A comma after it stays only before a
// subject, or after two words ("In detail"): "In most cases models, converge" would lose its verb's subject.
func plainAdverbial(s string) bool {
	if !OpensAdverbial(s) || HoldsVerb(s) {
		return false
	}
	words := strings.Fields(s)
	for i, w := range words {
		if i > 1 && InList(subjectWords, strings.ToLower(w)) {
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
