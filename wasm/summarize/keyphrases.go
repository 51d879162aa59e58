package summarize

import (
	_ "embed"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/papergist/papergist/wasm/summarize/internal/scorer"
	"github.com/papergist/papergist/wasm/summarize/keyphrase"
)

// phraseBreakers end a key phrase: besides stop words, verbs and vague words that name no method, task or
// data set. Lower-case.
var phraseBreakers = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`achieve achieves achieved improve improves improved improving outperform
		outperforms outperformed learn learns learned learning-based show showed shown demonstrate demonstrates
		demonstrated introduce introduces introduced present presented presents propose proposes study studies
		studied investigate investigates investigated develop develops developed enable enables enabled allow
		allows allowed provide provides provided obtain obtains obtained achieve leads lead make makes made
		require requires required consider considers considered apply applies applied use uses yield yields
		existing current recent previous prior state-of-the-art significant significantly effective effectively
		efficient efficiently simple simply various several many much large small good better best high low
		different similar important key main first second able without despite across along toward towards
		experiments experimental extensive empirical empirically results result performance problem problems
		task tasks technique techniques methods approaches way ways number numbers set
		sets paper work works issue issues challenge challenges state art does doesn don even still just
		e.g i.e etc vs al et given since due because although though whereas whether yet remains remain
		especially particular particularly generally general typically usually commonly widely highly largely
		often always never better-than novel new based using used called named termed dubbed so-called
		known via train trains trained predict predicts generate generates generated`) {
		m[w] = true
	}
	return m
}()

// wordRoles merges the scorer's stop words and phraseBreakers, so that a word costs one lookup.
var wordRoles = func() map[string]uint8 {
	m := make(map[string]uint8, len(phraseBreakers)+200)
	for _, w := range scorer.Stopwords() {
		m[w] |= roleStop
	}
	for w := range phraseBreakers {
		m[w] |= roleBreaker
	}
	return m
}()

const (
	roleStop = 1 << iota
	roleBreaker
)

// KeyPhrases returns up to ten phrases naming the paper's methods, tasks, data and objects, best first
// (package keyphrase: noun-phrase chunks rated by a model learned on Inspec's training split). It returns
// fewer when the rest rate low, and an empty (non-nil) slice for empty input. The stop words that cut
// phrases are English: for an abstract in another language only the title's phrases count.
func KeyPhrases(title, abstract string) []string {
	title, abstract = truncate(title, maxTitle), truncate(abstract, maxAbstract)
	var buf [maxKeyPhrases]keyphrase.Ranked
	ranked := keyphrase.RankDetailed(title, abstract, keyModel(), maxKeyPhrases, buf[:0])
	phrases := make([]string, 0, len(ranked))
	question := questionTitle(title)
	for _, r := range ranked {
		p := r.Text
		if r.LeadVerb {
			// a verb and its object, "fold proteins", "capture containment relations": the object stays when it
			// has two words or more
			if _, p, _ = strings.Cut(p, " "); !strings.Contains(p, " ") {
				continue
			}
		}
		if p = withoutRefMarks(p); p != "" {
			p = withoutClauseVerb(p)
		}
		if p == "" || verbAfterPlural(p) || pluralThenVerb(p) || clauseOfTitle(question, p) ||
			foreignEnds.has(p[strings.LastIndexByte(p, ' ')+1:]) {
			continue
		}
		phrases = append(phrases, p)
	}
	return lessRedundant(withoutVariants(withoutPraise(phrases)))
}

// withoutClauseVerb cuts a verb that has a subject or an object in p, and what follows it or comes before it:
// a verb first leaves its object ("learn universal latent representations", "boosts adversarial robustness",
// "computing temporal evolution", "stabilize training"), a verb later leaves its subject ("federated learning
// distributes model training", "machine learning holds", "face image dataset containing"). It returns "" when
// one word or none is left, but for a name ("BERT Goes"): a bare object or subject ("hurt performance") names
// too little. The verbs are those of verbRoles, a first word in -ize or -ify ("popularize kernel theories"),
// and before an adjective a first word that may be a noun (roleVerbNoun, nominalIng: "sample realistic
// objects" but "sample complexity", "learning hierarchical policies" but "learning rate"; not "model", as in "model
// agnostic meta learning" and "model predictive control").
func withoutClauseVerb(p string) string {
	first, rest, ok := strings.Cut(p, " ")
	if !ok {
		return p
	}
	r := roleOf(first)
	if r&roleClauseVerb != 0 || verbShape(first) ||
		(r&roleVerbNoun != 0 || strings.HasSuffix(first, "ing") && nominalIng[lowerTitle(first)]) && adjectiveFirst(rest) {
		if !strings.Contains(rest, " ") {
			return ""
		}
		return rest
	}
	for i := len(first); i < len(p); {
		w, after := cutWord(p[i+1:])
		if r := roleOf(w); r&(roleClauseVerb|roleObjectParticiple) != 0 || r&roleEndParticiple != 0 && after == "" {
			if s := p[:i]; strings.Contains(s, " ") || hasAcronym(s) {
				return s // "BERT Goes", "Swiss-Prot containing": a name alone names something
			}
			return ""
		}
		if after == "" {
			break
		}
		i = len(p) - len(after) - 1
	}
	return p
}

// roleOf returns the verbRoles of a word in lower or title case ("Goes" in the title "BERT Goes to Law
// School"); a word with another capital is a name. Most words end in a letter no word of their length in
// verbRoles ends in (roleLengths), and need no look-up: the phrases of every abstract pass here.
func roleOf(w string) uint8 {
	n := len(w)
	if n < 2 || n >= 32 || roleLengths[w[n-1]]&(1<<n) == 0 {
		return 0
	}
	return verbRoles[lowerTitle(w)] // a name keeps its capitals, which no key has
}

// lowerTitle lower-cases a word in title case, and returns any other as it is.
func lowerTitle(w string) string {
	if w != "" && 'A' <= w[0] && w[0] <= 'Z' && plainCase(w) {
		return strings.ToLower(w)
	}
	return w
}

// verbShape reports a lower-case word in -ize or -ify: a verb's base form ("popularize", "stabilize",
// "quantify"), not "prize", "stepsize" or an adjective, "mixed-size", "easy-to-verify". British -ise ends
// nouns too: "enterprise", "exercise", "premise".
func verbShape(w string) bool {
	n := len(w)
	return n > 6 && (w[n-3:] == "ize" && w[n-4:] != "size" || w[n-3:] == "ify") && strings.IndexByte(w, '-') < 0
}

// adjectiveFirst reports a phrase whose first word is an adjective by its ending (-al, -ic, -ive, -ous, -ful,
// -able, -ible, or a hyphenated -ed: "goal-conditioned") or by verbRoles, and not a noun with such an ending
// ("learning signal", "learning objective" are names).
func adjectiveFirst(p string) bool {
	w, _ := cutWord(p)
	if !plainCase(w) {
		return false
	}
	if r := roleOf(w); r != 0 || len(w) < 5 {
		return r&roleAdjective != 0
	}
	for _, e := range [...]string{"al", "ic", "ive", "ous", "ful", "able", "ible"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") && strings.Contains(w, "-")
}

// Roles of verbRoles.
const (
	roleClauseVerb        = 1 << iota // a verb wherever it is
	roleVerbNoun                      // a verb before an adjective, else a noun
	roleObjectParticiple              // a participle that ends a noun phrase before its object
	roleEndParticiple                 // a participle at the end of a phrase, else a noun's modifier
	roleAdjective                     // an adjective without an adjective's ending
	roleAdjectiveLikeNoun             // a noun with an adjective's ending
)

// roleLengths has, for each last byte of a word of verbRoles, a bit for each length of such a word.
var roleLengths = func() (t [256]uint32) {
	for w := range verbRoles {
		t[w[len(w)-1]] |= 1 << len(w)
	}
	return t
}()

// verbRoles are the words withoutClauseVerb looks up, lower-case, shorter than 32 bytes.
var verbRoles = func() map[string]uint8 {
	m := map[string]uint8{}
	for role, words := range map[uint8]string{
		// verbs in their base form, in -s or in -ed that name no thing nor modify a noun after them
		roleClauseVerb: `learn learns interpret interprets formulate formulates evade evades mimic mimics
			enrich enriches hurt hurts fuses boosts lacks discover discovers augment augments mitigate mitigates
			tackle tackles exploit exploits distributes holds pays grows goes encompasses synthesize synthesizes
			lend lends relies gained kept going translate translates confer confers`,
		// verbs that are nouns too: "sample complexity", "stack overflow"
		roleVerbNoun: `sample samples estimate estimates boost stack capture captures compute fuse search`,
		// -ing forms that take an object: "face image dataset containing", "convergence analysis covering
		// asynchronous methods"; not "preserving", as in "distribution preserving operations"
		roleObjectParticiple: `containing using including achieving covering involving requiring providing
			yielding enabling allowing leveraging exploiting comprising incorporating consisting`,
		// "receiver operating characteristic", "optimal combining weights", but "intelligent agent operating"
		roleEndParticiple: `operating combining`,
		roleAdjective:     `deep latent abstract wide multiple sparse robust realistic hidden accurate complex discrete diverse large small high low`,
		roleAdjectiveLikeNoun: `signal signals potential objective objectives logic topic topics music traffic
			metric heuristic interval material trial proposal retrieval tutorial journal animal terminal capital
			individual principal total original critic clinic primitive primitives derivative alternative
			representative perspective initiative incentive narrative relative directive variable variables table
			tables`,
	} {
		for _, w := range strings.Fields(words) {
			m[w] |= role
		}
	}
	return m
}()

// foreignEnds are German, French and Spanish articles and prepositions that end a phrase of a title in
// that language, which English stop words do not cut: "zur hydrolyse von", "die kristallstruktur von" (a
// German title of a PDF in the team's fixtures). Lower-case, as in such a title, and compared as written:
// "DEM" (digital elevation model), "LES" or "MIT" end English phrases.
var foreignEnds = newWordList("von vom zur zum der des den dem und mit für auf de du la le les et pour sur del los las con")

// verbAfterPlural reports a phrase with a word in -s followed by a verb in -ing or -ed: the subject and verb
// of a clause ("decisions fostering reusability", "network providers waning", "abstract state spaces
// preserving similarity"). None of 22 such phrases on Inspec train is a gold phrase.
func verbAfterPlural(p string) bool {
	plural := false
	for rest := p; ; {
		var w string
		if w, rest = cutWord(rest); w == "" {
			return false
		}
		if c := w[len(w)-1] | 0x20; c != 's' && c != 'd' && c != 'g' {
			plural = false
			continue // neither a plural nor a verb in -ed or -ing: no need to lower-case it
		}
		lw := strings.ToLower(w)
		// not "news feed", "seeds speed" (-eed) nor "news monitoring system" (nominalIng)
		if plural && (strings.HasSuffix(lw, "ed") && len(lw) > 3 && !strings.HasSuffix(lw, "eed") ||
			strings.HasSuffix(lw, "ing") && len(lw) > 5 && !nominalIng[lw]) {
			return true
		}
		plural = isPluralS(lw) && !hasAcronym(w)
	}
}

// pluralThenVerb reports a phrase that ends in a plural and a verb that agrees with it, one that never heads a
// noun compound (plainVerbs): the subject and verb of a clause, "online marketplaces evolve", "diverse providers
// cooperate", "competitor analyses intimidate", "PC makers gone", or in a verb of baseVerbs in -s after any
// word, "signSGD converges". verbAfterPlural finds the -ed and -ing ones.
// On Inspec dev and train none of the gold phrases ends so, and 18 of the key phrases did.
// An all-caps or mixed-case word is an acronym or a formula, not a verb or a plural: "quantum dots LED",
// "daily steps MET", "GaAs grown" stay; an acronym's plural is a plural: "CCNs converge" goes.
func pluralThenVerb(p string) bool {
	i := strings.LastIndexByte(p, ' ')
	if i < 0 {
		return false
	}
	v := p[i+1:]
	if n := len(v); n > 4 && v[n-1] == 's' && plainCase(v) && baseVerbs.has(strings.ToLower(v[:n-1])) {
		return true // the verb agrees with a singular subject: "random-weight CNN converges", "sequence learning happens"
	}
	w := p[strings.LastIndexByte(p[:i], ' ')+1 : i]
	if len(w) < 4 || w[len(w)-1] != 's' {
		return false // no plural before the last word (isPluralS): most phrases stop here, before the verb list
	}
	if !plainCase(v) || !plainVerbs.has(strings.ToLower(v)) { // ToLower allocates only for a capital
		return false
	}
	return (plainCase(w) || acronymPlural(w)) && isPluralS(strings.ToLower(w))
}

// acronymPlural reports an acronym's plural: capitals and a final s, "CCNs", "GANs"; not "GaAs" or "MEMS".
func acronymPlural(w string) bool {
	n := len(w)
	if n < 3 || w[n-1] != 's' {
		return false
	}
	for j := 0; j < n-1; j++ {
		if 'a' <= w[j] && w[j] <= 'z' {
			return false
		}
	}
	return true
}

// plainCase reports a word with no capital after its first letter: "led", "Led", not "LED", "GaAs" or "MEMS".
func plainCase(w string) bool {
	for j := 1; j < len(w); j++ {
		if 'A' <= w[j] && w[j] <= 'Z' {
			return false
		}
	}
	return true
}

// plainVerbs are verbs that follow their plural subject in Inspec's key-phrase candidates and are no nouns:
// intransitive ones (baseVerbs) and irregular participles.
var plainVerbs = newWordList(baseVerbs.words + " went gone met taught driven given shown known seen grown begun done made " +
	"built brought thought found held kept led left lost paid sent spent told understood won written chosen taken capture tangle stems")

// baseVerbs are plainVerbs' base forms, the ones whose form in -s agrees with any subject: a participle and an
// s is a noun ("negative automatic thoughts", "Takens").
var baseVerbs = newWordList("underlie converge diverge evolve dominate compete cooperate collaborate begin prepare " +
	"appreciate differ emerge arise occur exist persist happen suffer participate interact coexist survive succeed agree intimidate")

// cutWord returns the first word of a phrase (words one space apart) and the words after it.
//
//go:noinline
func cutWord(p string) (w, rest string) {
	if i := strings.IndexByte(p, ' '); i >= 0 {
		return p[:i], p[i+1:]
	}
	return p, ""
}

// isPluralS reports a lower-case word in -s that is no -ss, -us, -is or -ics word nor one of singularS: a plural
// noun or a verb.
func isPluralS(w string) bool {
	n := len(w)
	return n > 3 && w[n-1] == 's' && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") &&
		!strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "ics") && !singularS.has(w)
}

// singularS are nouns in -s that are no plurals: "news monitoring system", "chaos engineering".
var singularS = newWordList("news chaos series species bias lens atlas canvas")

// clauseOfTitle reports a phrase that follows "how", "why" or "whether" in the title (question, the title's
// words as questionTitle returns them) and has a word in -s before its last, or after its first a verb's -ates,
// -izes, -ises or -ifies: the subject and verb of the question ("How Reinforcement Learning Mitigates Task
// Conflicts in LLMs", "Why Large Language Models and Humans Converge").
func clauseOfTitle(question []string, p string) bool {
	if question == nil {
		return false
	}
	verb := false
	first := true
	for rest := p; ; first = false {
		var w string
		if w, rest = cutWord(rest); w == "" {
			break
		}
		if w[len(w)-1]|0x20 != 's' || hasAcronym(w) {
			continue
		}
		lw := strings.ToLower(w)
		last := rest == ""
		verb = verb || isPluralS(lw) && !last || !first && verbEndingS(lw)
	}
	if !verb {
		return false
	}
	// p is one of the subjects after the question word: at its start or after "and" or "or", before a
	// stop word or punctuation ("Why Large Language Models and Humans Converge")
	tw, pw := question, strings.Fields(strings.ToLower(p))
	for i, w := range tw {
		if w != "how" && w != "why" && w != "whether" {
			continue
		}
		for j := i + 1; j+len(pw) <= len(tw); j++ {
			k := 0
			for k < len(pw) && strings.TrimRight(tw[j+k], ",:;?.!") == pw[k] {
				k++
			}
			if k == len(pw) {
				// the subject of a verb in -s after it is no clause: "How Operations Research Improves…"
				nw := ""
				if j+k < len(tw) {
					nw = strings.TrimRight(tw[j+k], ",:;?.!")
				}
				return !isPluralS(nw) || wordRoles[nw]&roleStop != 0
			}
			if w := tw[j]; strings.TrimRight(w, ",:;?.!") != w || w != "and" && w != "or" && wordRoles[w]&roleStop != 0 {
				break
			}
		}
	}
	return false
}

// questionTitle returns the lower-cased words of a title that has "how", "why" or "whether" among them, as
// clauseOfTitle reads it, and nil for any other title: most titles ask nothing, and then no phrase costs
// clauseOfTitle a look at its words. The three words have a w with an h right after it ("why", "whether") or
// "ho" right before it ("how"), which only ASCII letters lower-case to: a title without them ("Networks with
// Attention") is done without lower-casing it and splitting it into words.
func questionTitle(title string) []string {
	if !mayAsk(title) {
		return nil
	}
	tw := strings.Fields(strings.ToLower(title))
	for _, w := range tw {
		if w == "how" || w == "why" || w == "whether" {
			return tw
		}
	}
	return nil
}

// mayAsk reports a "wh" or a "how" in title, in any case.
func mayAsk(title string) bool {
	for i := 0; i < len(title); i++ {
		if title[i]|0x20 == 'w' && (i+1 < len(title) && title[i+1]|0x20 == 'h' ||
			i >= 2 && title[i-1]|0x20 == 'o' && title[i-2]|0x20 == 'h') {
			return true
		}
	}
	return false
}

// verbEndingS reports a lower-case word in -ates, -izes, -ises or -ifies that is no common noun: "mitigates",
// "generalizes", "simplifies"; not "states" or "estimates".
func verbEndingS(w string) bool {
	for _, e := range []string{"ates", "izes", "ises", "ifies"} {
		if strings.HasSuffix(w, e) && len(w) > len(e)+2 {
			return !nounsInAtes.has(w)
		}
	}
	return false
}

// nounsInAtes are the common nouns verbEndingS would take for verbs.
var nounsInAtes = newWordList("states rates updates estimates candidates templates gates plates coordinates aggregates " +
	"substrates predicates certificates climates primates surrogates exercises enterprises premises franchises " +
	"sizes prizes crises analyses syntheses hypotheses theses bases covariates debates mandates delegates advocates " +
	"affiliates intermediates duplicates")

// wordList is a set of words kept as one space-separated string, smaller in wasm than a map, with the lengths
// and first bytes of its words as bits: has tells most words that are not in it by those, without a search.
// Most phrases of every abstract meet several lists.
type wordList struct {
	words  string
	lens   uint64    // bit n: a word of n bytes, bit 63: of 63 or more
	firsts [4]uint64 // bit c%64 of firsts[c/64]: a word that starts with byte c
}

func newWordList(words string) *wordList {
	l := &wordList{words: words}
	for _, w := range strings.Fields(words) {
		l.lens |= 1 << min(len(w), 63)
		l.firsts[w[0]>>6] |= 1 << (w[0] & 63)
	}
	return l
}

// has reports whether w is one of l's words.
func (l *wordList) has(w string) bool {
	if w == "" || l.lens&(1<<min(len(w), 63)) == 0 || l.firsts[w[0]>>6]&(1<<(w[0]&63)) == 0 {
		return false
	}
	return inList(l.words, w)
}

// inList reports whether w is one of the space-separated words of list, without allocating.
func inList(list, w string) bool {
	// one strings.Index per place w occurs, not one comparison per word of the list: the lists are looked up
	// for most phrases of every abstract (session 27: 4% of a TL;DR and key phrases)
	if w == "" || strings.IndexByte(w, ' ') >= 0 {
		return false // the list's words have no space
	}
	for i := 0; i < len(list); {
		j := strings.Index(list[i:], w)
		if j < 0 {
			return false
		}
		j += i
		if end := j + len(w); (j == 0 || list[j-1] == ' ') && (end == len(list) || list[end] == ' ') {
			return true
		}
		i = j + 1
	}
	return false
}

// refMarks are the abbreviations of references to a journal, a page, a figure or an equation: "random wells
// Ref. [2]", "q^(vol)". Lower-case. Not "sec": "frames per sec".
var refMarks = newWordList("ref refs vol vols fig figs eq eqs pp")

// isRefMark reports one of refMarks in lower or title case ("Ref", "pp"); the acronyms "REF", "PP", "EQ" and
// "VOL" are none.
func isRefMark(w string) bool {
	if len(w) < 2 || len(w) > 4 || w[1] < 'a' {
		return false
	}
	return refMarks.has(strings.ToLower(w))
}

// withoutRefMarks drops the reference abbreviations (refMarks) at either end of p, and returns "" for a phrase
// with one inside, nothing else, or one word left after them.
func withoutRefMarks(p string) string {
	whole := p
	for {
		first, rest, _ := strings.Cut(p, " ")
		if !isRefMark(first) {
			break
		}
		p = rest
	}
	for p != "" {
		i := strings.LastIndexByte(p, ' ')
		if !isRefMark(p[i+1:]) {
			break
		}
		p = p[:max(i, 0)]
	}
	for rest := p; rest != ""; {
		var w string
		if w, rest = cutWord(rest); isRefMark(w) {
			return ""
		}
	}
	if p != whole && !strings.Contains(p, " ") {
		return ""
	}
	return p
}

// lessRedundant puts a phrase whose words are, in order, some of a better-ranked phrase's (or the reverse:
// "decision records" and "generalized architectural decision records", "reinforcement learning" and
// "reinforcement learning mitigates task conflicts") after the phrases that name something else, so that the
// first few on the card differ; of the phrases nested in one phrase only the best stays, last. Chosen on
// Inspec train against dropping them all or keeping them all (see the commit).
func lessRedundant(phrases []string) []string {
	var keptBuf, laterBuf [maxKeyPhrases]string
	kept, later := keptBuf[:0], laterBuf[:0]
	var nestedIn [maxKeyPhrases]bool   // kept[i] already has a phrase in later
	var initials [maxKeyPhrases]uint32 // of kept[i]
	for _, p := range phrases {
		in, pi := -1, wordInitials(p)
		for i, q := range kept {
			// the words of one can be some of the other's only when their initials are
			if qi := initials[i]; (pi&qi == pi || pi&qi == qi) && nested(p, q) {
				in = i
				break
			}
		}
		switch {
		case in < 0:
			initials[len(kept)] = pi
			kept = append(kept, p)
		case !nestedIn[in] || !strings.Contains(kept[in], " "):
			// one word ("learning", "graph") names no one thing its longer phrases could stand for: they all
			// stay, last
			nestedIn[in] = true
			later = append(later, p)
		}
	}
	if len(later) == 0 {
		return phrases
	}
	out := append(phrases[:0], kept...)
	return append(out, later...)
}

// wordInitials returns a set of the first bytes of p's words, case aside, as bits.
func wordInitials(p string) uint32 {
	var m uint32
	for i := 0; i < len(p); i++ {
		if i == 0 || p[i-1] == ' ' {
			m |= 1 << ((p[i] | 0x20) & 31)
		}
	}
	return m
}

// nested reports whether the words of the shorter of a and b are a run of the longer's words, or its first and
// last words with modifiers left out between them ("generalized architectural decision records" of "generalized
// markdown architectural decision records"). A plural and its singular pair up, as "molecule" and "molecules";
// "mobility" and "mobile sensor networks" do not.
func nested(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if x, _ := cutWord(a); pluralPair(x, b[:strings.IndexByte(b+" ", ' ')]) &&
		pluralPair(a[strings.LastIndexByte(a, ' ')+1:], b[strings.LastIndexByte(b, ' ')+1:]) && inOrder(a, b) {
		return true
	}
	for ; b != ""; _, b = cutWord(b) {
		x, y, rest := "", "", b
		for run := a; ; {
			if x, run = cutWord(run); x == "" {
				return true
			}
			if y, rest = cutWord(rest); y == "" || !pluralPair(x, y) {
				break
			}
		}
	}
	return false
}

// inOrder reports whether the words of a are, in order, some of b's (pluralPair).
func inOrder(a, b string) bool {
	for {
		var x string
		if x, a = cutWord(a); x == "" {
			return true
		}
		for {
			var y string
			if y, b = cutWord(b); y == "" {
				return false
			}
			if pluralPair(x, y) {
				break
			}
		}
	}
}

// pluralPair reports two forms of a word that differ at most as a noun and its plural, case aside: "model" and
// "models", "process" and "processes", "strategy" and "strategies"; not "network" and "networking".
func pluralPair(x, y string) bool {
	if len(x) > len(y) {
		x, y = y, x
	}
	switch n := len(x); len(y) - n {
	case 0:
		return strings.EqualFold(x, y)
	case 1:
		return y[n] == 's' && strings.EqualFold(x, y[:n])
	case 2:
		if n > 1 && x[n-1] == 'y' && y[n-1:] == "ies" {
			return strings.EqualFold(x[:n-1], y[:n-1])
		}
		return y[n:] == "es" && strings.EqualFold(x, y[:n])
	}
	return false
}

// withoutVariants drops a phrase that is another form of one ranked above it (variantOfAny). Like withoutPraise
// it filters the ranker's list, so that `make keyweights` keeps reproducing its model; the list is not filled up
// with phrases the ranker rated lower.
func withoutVariants(phrases []string) []string {
	out := phrases[:0]
	for _, p := range phrases {
		if j, expands := variantOfAny(out, p); j < 0 {
			out = append(out, p)
		} else if expands {
			out[j] = p // the words tell a reader more than their initials: the expansion takes the acronym's place
		}
	}
	return out
}

// variantOfAny returns the index of the phrase in out that p is another form of, or -1: "graph convolution
// networks" of "graph convolutional networks", "adversarial losses" of "adversarial loss", "low rank
// decomposition" of "low-rank decomposition", "generative models" of "generative modeling", or an acronym of
// it or the reverse: "CNNs" of "convolutional neural networks". The card would show the same thing twice.
// expands: p spells out the acronym out[j].
func variantOfAny(out []string, p string) (j int, expands bool) {
	for j, q := range out {
		if isVariant(p, q) || abbreviates(p, q) {
			return j, false
		}
		if abbreviates(q, p) {
			return j, true
		}
	}
	return -1, false
}

// abbreviates reports an acronym of two capitals or more, in the plural or not, that spells the initials of
// long's words (hyphens split words): "CNN" or "CNNs" of "convolutional neural networks", "LSTM" of "long
// short-term memory".
func abbreviates(acronym, long string) bool {
	if n := len(acronym); n > 2 && acronym[n-1] == 's' {
		acronym = acronym[:n-1]
	}
	if len(acronym) < 2 {
		return false
	}
	for i := 0; i < len(acronym); i++ { // capitals only, before any word of long: most phrases stop at once
		if acronym[i] < 'A' || acronym[i] > 'Z' {
			return false
		}
	}
	for i := 0; i < len(acronym); i++ {
		var w string
		if w, long = nextPart(long); w == "" || w[0]|0x20 != acronym[i]|0x20 {
			return false
		}
	}
	w, _ := nextPart(long)
	return w == ""
}

// isVariant reports two phrases of as many words (hyphens split words) whose words pair up as forms of one
// another (variantWord).
func isVariant(a, b string) bool {
	if a == "" || b == "" || a[0]|0x20 != b[0]|0x20 {
		return a == b // most pairs differ in their first letter: no stem in common
	}
	for {
		var x, y string
		x, a = nextPart(a)
		y, b = nextPart(b)
		if x == "" || y == "" {
			return x == y
		}
		if !variantWord(x, y) {
			return false
		}
	}
}

// nextPart returns the first word of s split at spaces and hyphens, and the rest.
func nextPart(s string) (word, rest string) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '-') {
		i++
	}
	j := i
	for j < len(s) && s[j] != ' ' && s[j] != '-' {
		j++
	}
	return s[i:j], s[j:]
}

// variantWord reports two words, in any case, that are one stem of three letters or more and two of the
// endings of variantEndings: "convolution" and "convolutional", "loss" and "losses", "modeling" and "models",
// "valued" and "value", "tagging" and "tags". An ending that derives a new word (-ion, -al, -y, -ity…) needs a
// stem of two syllables or more (Porter's measure): "act" and "action", "sign" and "signal", "norm" and
// "normal" are different words. A word with bytes beyond ASCII must match whole.
func variantWord(x, y string) bool {
	n := 0
	for n < len(x) && n < len(y) {
		cx, cy := x[n], y[n]
		if cx >= utf8.RuneSelf || cy >= utf8.RuneSelf {
			return strings.EqualFold(x, y)
		}
		if cx|0x20 != cy|0x20 && !britishZ(x[:n], cx, cy) || !isASCIIAlnum(cx) {
			break
		}
		n++
	}
	if n == len(x) && n == len(y) {
		return true
	}
	if n < 3 {
		return false
	}
	stem := x[:n]
	kx, ky := variantEnding(stem, x[n:]), variantEnding(stem, y[n:])
	if kx == 0 || ky == 0 {
		return false
	}
	return kx == inflection && ky == inflection || measure(stem) >= 2
}

// britishZ reports an s and a z, in either order, after an i or a y ending before: the British and the
// American spelling of one word, "realisation" and "realization", "analyse" and "analyze".
func britishZ(before string, cx, cy byte) bool {
	n := len(before)
	if cx, cy = cx|0x20, cy|0x20; cx+cy != 's'+'z' || cx != 's' && cx != 'z' || n == 0 {
		return false
	}
	c := before[n-1] | 0x20
	return c == 'i' || c == 'y'
}

// Kinds of variantEnding.
const (
	inflection = 1 + iota // -s, -es, -e, -ed, -ing: the same word
	derivation            // -ion, -al, -y, -ity, -ness, -ize…: a word made from another
)

// variantEndings are the endings by which forms of one word differ, the inflections first.
// "decoder" and "decoding", "detector" and "detection" name different things: -er and -or are not among them.
var variantEndings = []string{"", "s", "es", "e", "ed", "ing", "ion", "ions", "al", "y", "ies", "ity", "ness",
	"ation", "ations", "ize", "ized", "ization"}

const inflections = 6 // variantEndings[:inflections] are inflections

// variantEnding returns the kind of the ending s after stem, or 0 for none. A final consonant doubled before
// -ing or -ed ("tagg-ing", "plann-ed") and a d after a stem's e ("value-d") count as -ing, -ed and -ed.
func variantEnding(stem, s string) int {
	last := stem[len(stem)-1] | 0x20
	if len(s) > 2 && s[0]|0x20 == last && !isVowel(last) && (strings.EqualFold(s[1:], "ing") || strings.EqualFold(s[1:], "ed")) {
		return inflection
	}
	if last == 'e' && (s == "d" || s == "D") {
		return inflection
	}
	for i, e := range variantEndings {
		if len(s) == len(e) && strings.EqualFold(s, e) {
			if i < inflections {
				return inflection
			}
			return derivation
		}
	}
	return 0
}

// measure is Porter's measure of an ASCII stem: how many times a vowel is followed by a consonant ("act" 1,
// "sign" 1, "robust" 2, "convolution" 4).
func measure(stem string) int {
	m, vowel := 0, false
	for i := 0; i < len(stem); i++ {
		c := stem[i] | 0x20
		v := isVowel(c) || c == 'y' && i > 0 && !vowel
		if vowel && !v {
			m++
		}
		vowel = v
	}
	return m
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

func isASCIIAlnum(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z' }

// praise are the authors' words for their own results, which name nothing: "impressive FLOPs savings" is a
// phrase for "FLOPs savings". Lower-case. Left out of the ranker's lexicon so that `make keyweights` keeps
// reproducing its model.
var praise = map[string]bool{"impressive": true, "remarkable": true, "promising": true, "excellent": true,
	"superior": true, "tremendous": true, "unprecedented": true, "encouraging": true, "considerable": true,
	"notable": true, "dramatic": true}

// shortestPraise is the length of praise's shortest word. A word that lower-cases to an ASCII word is at least as
// long as it, so a word shorter than that is none of them, and costs withoutPraise no lower-casing and no look-up.
var shortestPraise = func() int {
	n := math.MaxInt
	for w := range praise {
		n = min(n, len(w))
	}
	return n
}()

// withoutPraise drops a leading word of praise from each phrase. A phrase of praise and one word goes ("superior
// performance" would leave a bare generic word), as does one left the same as a phrase ranked above it.
func withoutPraise(phrases []string) []string {
	out := phrases[:0]
	for _, p := range phrases {
		first, rest, _ := strings.Cut(p, " ")
		if len(first) >= shortestPraise && praise[strings.ToLower(first)] {
			if p = rest; !strings.Contains(rest, " ") {
				continue
			}
		}
		if !containsFold(out, p) {
			out = append(out, p)
		}
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// maxKeyPhrases is the length of the ranked list; the card shows the first few.
const maxKeyPhrases = 10

// keyModelText is the key-phrase ranker learned on Inspec's training split (`make keyweights`).
//
//go:embed keyphrase.model
var keyModelText []byte

var keyModel = sync.OnceValue(func() *keyphrase.Model {
	m, err := keyphrase.Parse(keyModelText)
	if err != nil {
		panic("summarize: embedded keyphrase.model is corrupt: " + err.Error()) // a build defect, caught by the tests
	}
	return m
})

// CorpusWords calls each with every word of the key-phrase model's lexicon (the words of at least MinDF of its
// training abstracts) and how many of those abstracts hold it, and returns how many abstracts were counted: how
// common a word is in papers whatever their subject, which wasm/rank uses to weigh terms.
func CorpusWords(each func(word string, df int)) (docs int) {
	m := keyModel()
	for w, x := range m.Lex {
		each(w, x.DF)
	}
	return m.Docs
}

// candidatePhrases splits text at punctuation, stop words and phrase breakers into runs of one to four
// words, returned as substrings of text.
func candidatePhrases(text string) []string {
	out, _, _ := scanPhrases(text)
	return out
}

// scanPhrases is candidatePhrases that also counts the words of text and the English stop words among them.
func scanPhrases(text string) (out []string, words, stops int) {
	var run [][2]int // byte spans of the run's words
	flush := func() {
		// a leading verb in -ing ("inducing ReLU stability") is not part of the name
		for len(run) > 1 {
			w := text[run[0][0]:run[0][1]]
			if !strings.HasSuffix(w, "ing") || nominalIng[strings.ToLower(w)] {
				break
			}
			run = run[1:]
		}
		if len(run) > 0 && len(run) <= 4 {
			p := text[run[0][0]:run[len(run)-1][1]]
			if strings.ContainsAny(p, "\t\n") || strings.Contains(p, "  ") {
				p = strings.Join(strings.Fields(p), " ")
			}
			out = append(out, p)
		}
		run = run[:0]
	}
	isWordRune := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i < len(text); {
		// the next space-separated token is text[i:j]
		for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n') {
			i++
		}
		j := i
		for j < len(text) && text[j] != ' ' && text[j] != '\t' && text[j] != '\n' {
			j++
		}
		if i == j {
			break
		}
		tok := text[i:j]
		ws, we := i, j // the word: the token without punctuation around it
		for ws < we {
			r, size := utf8.DecodeRuneInString(text[ws:we])
			if isWordRune(r) {
				break
			}
			ws += size
		}
		for we > ws {
			r, size := utf8.DecodeLastRuneInString(text[ws:we])
			if isWordRune(r) {
				break
			}
			we -= size
		}
		i = j
		word := text[ws:we]
		lw := strings.ToLower(word)
		if word != "" {
			words++
		}
		role := wordRoles[lw]
		stop := role&roleStop != 0
		if stop {
			stops++
		}
		if word == "" || role != 0 || !isPhraseWord(word) {
			flush()
			continue
		}
		if ws > j-len(tok) { // punctuation before the word starts a new run
			flush()
		}
		run = append(run, [2]int{ws, we})
		if we < j { // punctuation after it ends the run
			flush()
		}
	}
	flush()
	return out, words, stops
}

// nominalIng are -ing words that name a field or technique rather than an action.
var nominalIng = map[string]bool{
	"learning": true, "training": true, "computing": true, "processing": true, "modeling": true,
	"modelling": true, "reasoning": true, "planning": true, "embedding": true, "clustering": true,
	"parsing": true, "tracking": true, "matching": true, "sampling": true, "pruning": true, "scaling": true,
	"encoding": true, "decoding": true, "forecasting": true, "mining": true, "understanding": true,
	"answering": true, "rendering": true, "routing": true, "scheduling": true, "mapping": true, "pooling": true,
	"inpainting": true, "captioning": true, "labeling": true, "labelling": true, "filtering": true,
	"hashing": true, "boosting": true, "bagging": true, "retrieval": true, "fine-tuning": true, "finetuning": true,
	"pretraining": true, "pre-training": true, "denoising": true, "smoothing": true, "programming": true,
	"monitoring": true, "engineering": true, "trading": true, "pricing": true, "spotting": true,
	"betting": true, "testing": true,
}

// displayForm lower-cases the capitalized words of a phrase without acronyms: "Adaptive Loss Scaling"
// reads as the key phrase "adaptive loss scaling"; "Faster R-CNN" stays.
func displayForm(p string) string {
	if hasAcronym(p) {
		return p
	}
	return strings.ToLower(p)
}

// isPhraseWord rejects numbers, single letters, TeX and formulas, adverbs, and unspaced runs of text
// (CJK, where a "word" is a whole clause).
func isPhraseWord(w string) bool {
	if n := utf8.RuneCountInString(w); n < 2 || n > 30 || hasFormulaByte(w) || endsInLy(w) && !hasAcronym(w) {
		return false
	}
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

// hasAcronym reports a word with a capital after its first letter or mixing letters and digits:
// "BERT", "ImageNet", "GPT-2", "CIFAR-10".
func hasAcronym(p string) bool {
	for rest := p; ; {
		var w string
		if w, rest = nextField(rest); w == "" {
			return false
		}
		upper, digit := 0, false
		for i, r := range w {
			if r < utf8.RuneSelf { // the same answers as the unicode calls, without them
				upper += b2i('A' <= r && r <= 'Z' && i > 0)
				digit = digit || '0' <= r && r <= '9'
				continue
			}
			if unicode.IsUpper(r) && i > 0 {
				upper++
			}
			digit = digit || unicode.IsDigit(r)
		}
		if upper > 0 || digit && unicode.IsLetter(rune(w[0])) {
			return true
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// nextField returns the first word of s as strings.Fields splits it, and the text after it; the word
// is "" when there is none. Iterating with it allocates nothing.
func nextField(s string) (field, rest string) {
	start := -1
	for i := 0; i < len(s); {
		var space bool
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			if start >= 0 {
				return s[start:i], s[i:]
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start < 0 {
		return "", ""
	}
	return s[start:], ""
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// endsInLy reports whether strings.ToLower(w) ends in "ly", without allocating for ASCII words.
func endsInLy(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return strings.HasSuffix(strings.ToLower(w), "ly")
		}
	}
	n := len(w)
	return n >= 2 && w[n-2]|0x20 == 'l' && w[n-1]|0x20 == 'y'
}

// hasFormulaByte reports whether w contains any of \{}$^_=()[]<>|.
func hasFormulaByte(w string) bool {
	for i := 0; i < len(w); i++ {
		if formulaByte[w[i]] {
			return true
		}
	}
	return false
}

var formulaByte = func() (t [256]bool) {
	for _, c := range []byte(`\{}$^_=()[]<>|`) {
		t[c] = true
	}
	return t
}()

// phraseKey lower-cases a phrase and folds a plural last word, so that variants merge.
func phraseKey(p string) string {
	k := strings.ToLower(strings.TrimSpace(p))
	if strings.Contains(k, "  ") {
		k = strings.Join(strings.Fields(k), " ")
	}
	last := k[strings.LastIndexByte(k, ' ')+1:]
	if len(last) > 3 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") {
		k = k[:len(k)-1]
	}
	return k
}
