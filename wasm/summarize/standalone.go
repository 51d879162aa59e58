package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/papergist/papergist/wasm/summarize/internal/compress"
)

// glueStarts open a leading clause that ties a sentence to text the reader of a TL;DR does not see:
// "For this purpose, we introduce…", "To address these limitations, we…", "Guided by these insights, we…".
var glueStarts = []string{"for", "to", "guided", "motivated", "inspired", "based", "building", "with", "in",
	"as", "following", "given", "driven", "drawing", "towards", "toward", "on", "from", "against", "using", "leveraging",
	"aiming", "informed", "addressing", "realizing", "recognizing", "noting", "observing", "under", "through", "within",
	"via"}

// glueRefs are the words that make such a clause point back: without one, "To train large models, we…"
// is content and stays.
var glueRefs = map[string]bool{"this": true, "these": true, "that": true, "those": true, "such": true,
	"end": true, "purpose": true, "them": true, "it": true, "above": true, "aforementioned": true, "thereof": true}

// glueWords are compress.Connectives, the one-word connectives that open a sentence alone: "However, we…",
// "Therefore, we…". Those of several words ("By contrast,") are compress's other lead-ins, dropped before stage
// two scores the sentence.
var glueWords = func() map[string]bool {
	m := make(map[string]bool, len(compress.Connectives))
	for _, w := range compress.Connectives {
		m[w] = true
	}
	return m
}()

// subjectStarts begin the full sentence that must remain after the glue is dropped.
var subjectStarts = map[string]bool{"we": true, "our": true, "this": true, "the": true, "a": true, "an": true, "it": true}

// standAlone drops leading discourse glue when what follows is a full sentence, and trims brackets
// and quotes that open or close outside the TL;DR.
func standAlone(s string) string {
	s = dropWeAdverb(dropGlue(s))
	s = dropGlueClaim(dropMidConnective(s))
	return endOnce(balance(s))
}

// dropMidConnective drops the first of compress.MidConnectives with its commas (compress.DropSetOff), where it stands
// after a subject ("This paper, in contrast, discusses…" → "This paper discusses…") or after an opening
// adverbial before a subject ("For state-of-the-art DNNs, however, we identify…"). Between two clauses it stays,
// as the contrast is the point and without it the sentence is a comma splice: "MAML is simple, elegant and very
// powerful, however, it has a variety of issues", "We show that, however, the bound is tight".
func dropMidConnective(s string) string {
	if strings.Count(s, ", ") < 2 {
		return s
	}
	for _, c := range compress.MidConnectives {
		i := strings.Index(s, ", "+c+", ")
		if i <= 0 {
			continue
		}
		if !connectiveAside(s[:i], s[i+len(c)+4:]) {
			continue // another one may still be an aside: "This paper, in contrast, discusses why X fails, however, …"
		}
		return compress.DropSetOff(s, i+1, i+len(c)+2)
	}
	return s
}

// connectiveAside reports a connective between before and after that sets off no clause of its own: before is
// an adverbial and after opens the subject, or before is a subject and after its verb. A subject of more than
// five words must open as a noun phrase (nounOpening) and be followed by an auxiliary or a modal ("The task of
// learning generative models of graphs, however, has…"). Anything else, a verb or a comma before it, a "that" it follows,
// stays as written.
func connectiveAside(before, after string) bool {
	if strings.IndexByte(before, ',') >= 0 || compress.HoldsVerb(before) || strings.HasSuffix(before, " that") {
		return false
	}
	next, _, _ := strings.Cut(after, " ")
	if compress.OpensSubject(after) {
		return compress.OpensAdverbial(before)
	}
	first, n := firstFields(before, 6)
	next = strings.ToLower(next)
	if n > 5 && !(compress.HoldsVerb(next) && compress.InList(subjectDets+"these those ", strings.ToLower(first)) &&
		nounOpening(before)) {
		return false // a long before may be a clause whose verb is not in clauseVerbs, unless a noun phrase opens it and an auxiliary follows
	}
	return !compress.OpensAdverbial(before) && predicate(before, next)
}

// nounOpening reports a long subject that opens as a noun phrase: its determiner, at most three words, then
// "of" ("The task of…", "The recent success of…") with no word before it that reads as a verb, or another
// preposition right after a known participle ("A network trained on…", "The model based on…") or after nouns and
// adjectives alone ("A key challenge in…", "The main drawback for…"). "This approach
// yields good accuracy on benchmarks" and "This model performed well on small graphs" are clauses: their
// "however" sets off a second one.
func nounOpening(before string) bool {
	words := strings.Fields(strings.ToLower(before))
	for i := 2; i < len(words) && i <= 4; i++ {
		switch {
		case words[i] == "of":
			for _, w := range words[1:i] {
				if thirdPerson(w) {
					return false
				}
			}
			return true
		case compress.InList(" in on for with from by at over under across between ", words[i]):
			if compress.InList(" trained pretrained learned based built used applied ", words[i-1]) {
				return true
			}
			for _, w := range words[1:i] { // "A key challenge in…", "One major limitation of…" but not "This model performed well on…"
				if thirdPerson(w) || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly") {
					return false
				}
			}
			return true
		}
	}
	return false
}

// subjectDets open a short subject whose verb may be told by its -s: "This paper, in contrast, discusses…".
const subjectDets = " the this our a an its their each every such "

// predicate reports that next, after a connective that follows before, is the verb of before's subject: a
// clause verb or modal ("Existing methods, however, are…"), or an -s verb after a singular subject of at most
// three words that opens with a determiner ("This approach, however, fails…"). Anything else may open a second
// clause ("Training converges quickly, however, inference remains slow") and the connective stays. A before
// that opens with a verb ("Propose an improved estimator", a splitter's fragment) is no subject.
func predicate(before, next string) bool {
	words := strings.Fields(strings.ToLower(before))
	if len(words) == 0 || !strings.HasSuffix(words[0], "ing") && compress.InList(gerundBases, words[0]) {
		return false
	}
	if compress.HoldsVerb(next) || len(words) == 1 && words[0] == "we" {
		return true // "We, however, show that…"
	}
	if len(words) > 3 || !compress.InList(subjectDets, words[0]) || !strings.HasSuffix(next, "s") ||
		strings.HasSuffix(next, "ss") || strings.HasSuffix(next, "us") || strings.HasSuffix(next, "is") {
		return false
	}
	for _, w := range words[1:] {
		if strings.HasSuffix(w, "s") {
			return false
		}
	}
	return true
}

// endOnce drops the full stop added after a quotation that ends the sentence itself: "…a framework that aims to
// answer: "to what extent has my model learned…?"." reads "…learned…?"", and "…we describe as “brittle.”." reads
// "…as “brittle.”".
func endOnce(s string) string {
	body, ok := strings.CutSuffix(s, ".")
	if !ok {
		return s
	}
	inner := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(body, "”"), "’"), `"'`)
	if inner != body && inner != "" && strings.IndexByte(".?!", inner[len(inner)-1]) >= 0 {
		return body
	}
	return s
}

// glueNouns are what such a verb answers.
const glueNouns = " problem problems issue issues limitation limitations challenge challenges gap gaps shortcoming shortcomings drawback drawbacks difficulty difficulties question questions bottleneck concern concerns deficiency weakness weaknesses "

// gerundBases turn the "by …ing" that tells how into the verb of the TL;DR: "We address these issues by proposing a
// new method" reads "We propose a new method". Each gerund is followed by its base; a string, as compress.InList
// reads, is smaller in wasm than a map.
const gerundBases = " proposing propose introducing introduce presenting present developing develop designing design studying study augmenting augment propagating propagate characterizing characterize evaluating evaluate leveraging leverage using use learning learn exploiting exploit training train incorporating incorporate formulating formulate reformulating reformulate combining combine building build constructing construct extending extend modeling model applying apply adding add employing employ enriching enrich adopting adopt replacing replace analyzing analyze deriving derive showing show providing provide defining define imposing impose enforcing enforce casting cast framing frame treating treat "

// gerundBase returns the base of a gerund in gerundBases, or "".
func gerundBase(g string) string {
	if !strings.HasSuffix(g, "ing") || strings.IndexByte(g, ' ') >= 0 {
		return ""
	}
	i := strings.Index(gerundBases, " "+g+" ")
	if i < 0 {
		return ""
	}
	base, _, _ := strings.Cut(gerundBases[i+len(g)+2:], " ")
	return base
}

// andVerbs may follow "We lift these limitations and …" as the TL;DR's verb.
const andVerbs = " propose present introduce offer develop design show provide derive study build "

// dropGlueClaim rewrites a TL;DR whose verb answers something it does not say: "We address this problem by
// studying the landscape of…" reads "We study the landscape of…", "We lift these limitations and propose a
// modular framework…" reads "We propose a modular framework…", and "We propose a novel method to overcome this
// issue." ends "We propose a novel method.". An intent before the glue verb goes too ("We attempt to address
// these problems by proposing X" reads "We propose X"), but a proposal stays one ("We propose to solve this issue
// by using X" reads "We propose to use X"). Anything else stays as it is.
func dropGlueClaim(s string) string {
	if rest, ok := strings.CutPrefix(s, "We "); ok {
		intent := ""
		for _, w := range []string{"propose to ", "attempt to ", "aim to ", "try to ", "seek to "} {
			if r, ok := strings.CutPrefix(rest, w); ok {
				intent, rest = w, r
			}
		}
		if r, ok := afterGlueObject(rest); ok {
			if how, ok := strings.CutPrefix(r, "by "); ok {
				if out, ok := byGerund(how); ok && !pointsBack(out) {
					if intent == "propose to " && !compress.InList(" propose present introduce ", firstWord(out)) {
						return "We propose to " + out // a proposal stays one: "We propose to use symbolic…"
					} // "We propose to address this issue by proposing X" proposes X, not "to propose X"
					return "We " + out // "We attempt to address these problems by proposing X": they propose X
				}
			} else if verb, tail, ok := strings.Cut(strings.TrimPrefix(r, "and "), " "); ok && intent == "" && strings.HasPrefix(r, "and ") &&
				compress.InList(andVerbs, verb) && !pointsBack(tail) {
				return "We " + verb + " " + tail
			}
		}
	}
	return dropGluePurpose(s)
}

// pointsBack reports a rewritten TL;DR that holds a word pointing back to the problem it no longer names: "We
// address this problem by casting it as a convex program" would read "We cast it as…", and "We address this
// problem and show that it is NP-hard" "We show that it is NP-hard". "it" and "them" count anywhere, "its" and
// "their" before the first comma (after it they have nouns of their own to point to: "ConfGCN, which estimates
// labels scores along with their confidences"), "this", "these" and "such" when they stand alone or before a
// problem noun (glueNouns), not before a noun of their own ("combinations of these connections").
func pointsBack(s string) bool {
	words := strings.Fields(s)
	comma := false
	for i, w := range words {
		bare := strings.ToLower(strings.TrimRight(w, ",;:.)\"'"))
		switch {
		case compress.InList(" it them they those themselves ", bare):
			return true
		case bare == "such" && (i+1 == len(words) || words[i+1] != "as"):
			return true // "…a loss that penalizes such failures": which failures?
		case !comma && (bare == "its" || bare == "their"):
			return true
		case compress.InList(" this these ", bare):
			if bare != w || i+1 == len(words) {
				return true // "by solving this."
			}
			next := words[i+1]
			if compress.HoldsVerb(next) || bare == "this" && thirdPerson(next) {
				return true // "We study when this happens."
			}
			if compress.InList(glueNouns, strings.TrimRight(next, ",;:.")) || i+2 < len(words) && !strings.ContainsAny(next, ",;:.") &&
				compress.InList(glueNouns, strings.TrimRight(words[i+2], ",;:.")) {
				return true
			}
		}
		comma = comma || strings.HasSuffix(w, ",")
	}
	return false
}

// thirdPerson reports a word that reads as a verb after "this": "happens", "holds", not "loss", "analysis", "corpus".
func thirdPerson(w string) bool {
	w = strings.TrimRight(w, ",;:.")
	return len(w) > 2 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "is") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "ics") && !compress.InList(glueNouns, w)
}

// afterGlueObject returns what follows a glue verb and its object at the start of s ("address these issues "),
// and whether s opens so: "go beyond" counts as one verb, and one word may stand between the determiner and the
// noun ("this important gap", "this transliteration problem").
func afterGlueObject(s string) (string, bool) {
	verb, rest, _ := strings.Cut(s, " ")
	if verb == "go" {
		rest, _ = strings.CutPrefix(rest, "beyond ")
		verb = "beyond"
	}
	if verb != "beyond" && !compress.InList(compress.GlueVerbs, verb) {
		return "", false
	}
	det, rest, _ := strings.Cut(rest, " ")
	if !compress.InList(" this these such ", det) {
		return "", false
	}
	for range 2 {
		var noun string
		noun, rest, _ = strings.Cut(rest, " ")
		if compress.InList(glueNouns, noun) {
			return strings.TrimPrefix(rest, "in this paper "), true
		}
	}
	return "", false
}

// byGerund turns "proposing a new method, called…" into "propose a new method, called…", and a second "and by
// enforcing…" with it; an adverb before the gerund moves before the verb ("systematically evaluating" →
// "systematically evaluate"). A gerund it does not know leaves it false.
func byGerund(how string) (string, bool) {
	adverb := ""
	first, rest, ok := strings.Cut(how, " ")
	if ok && strings.HasSuffix(first, "ly") {
		adverb = first + " "
		first, rest, ok = strings.Cut(rest, " ")
	}
	base := gerundBase(first)
	if !ok || base == "" {
		return "", false
	}
	if i := strings.Index(rest, " and by "); i >= 0 {
		if strings.Contains(rest[:i], " by ") {
			return "", false // "…a network that is regularized by penalizing its norm and by adding noise": whose "by"?
		}
		g, tail, _ := strings.Cut(rest[i+len(" and by "):], " ")
		b := gerundBase(g)
		if b == "" {
			return "", false
		}
		rest = rest[:i] + " and " + b + " " + tail
	}
	for _, w := range strings.Fields(rest) {
		if prev, ok := strings.CutSuffix(w, "ing"); ok && len(prev) > 2 &&
			(strings.Contains(rest, " and "+w+" ") || strings.Contains(rest, " or "+w+" ")) {
			return "", false // "by training a model and measuring…": which verb does "measuring" follow?
		}
	}
	return adverb + base + " " + rest, true
}

// dropGluePurpose drops a closing purpose that points back: "We propose the GLMP networks to address this
// issue." reads "We propose the GLMP networks.". What stays must have a verb after its subject.
func dropGluePurpose(s string) string {
	body, ok := strings.CutSuffix(s, ".")
	if !ok {
		return s
	}
	i := strings.LastIndex(body, " to ")
	if i < 0 {
		return s
	}
	if r, ok := afterGlueObject(body[i+len(" to "):] + " "); !ok || r != "" {
		return s
	}
	kept := strings.TrimRight(body[:i], ",")
	w := strings.Fields(kept)
	if len(w) < 4 || compress.InList(" as for ", w[len(w)-3]) || compress.InList(needsTo, w[len(w)-1]) ||
		!proposes(kept) {
		return s // "…(MINs) as an approach to solve such problems." needs its purpose
	}
	return kept + "."
}

// needsTo are words whose "to" clause is their complement, not a purpose: "existing methods fail to address this
// issue", "it is impossible to close this gap", "has been applied to solve such problems".
const needsTo = " fail fails failed unable able impossible possible hard difficult enough sufficient insufficient applied used needed necessary required success way attempt try tries tried aim aims seek seeks want wants can cannot must be "

// proposeVerbs make the paper's contribution the object whose purpose may go: "We propose X to address this
// issue", "X is proposed to address this issue".
const proposeVerbs = " propose present introduce use design develop "

// proposes reports a TL;DR that opens "We propose/present/introduce/use/design/develop …", or that ends "… is
// proposed" or "… are introduced": only then is the closing "to address this issue" the purpose of the paper's
// contribution. A purpose of anything else ("We show that existing methods fail to…") stays, as the words
// before it may need it.
func proposes(kept string) bool {
	if rest, ok := strings.CutPrefix(kept, "We "); ok {
		verb, np, _ := strings.Cut(rest, " ")
		return compress.InList(proposeVerbs, verb) && plainNoun(np)
	}
	for _, be := range []string{" is ", " are "} {
		if i := strings.LastIndex(kept, be); i >= 0 {
			if v, ok := strings.CutSuffix(kept[i+len(be):], "d"); ok && strings.IndexByte(v, ' ') < 0 {
				return compress.InList(proposeVerbs, v) || compress.InList(proposeVerbs, strings.TrimSuffix(v, "e"))
			}
		}
	}
	return false
}

// clauseOpeners start a clause or a second verb phrase inside what a TL;DR proposes: "We propose a method that is
// designed to address this issue" or "We propose a model and show how to address this issue" need their purpose.
const clauseOpeners = " that which who whose whom how where whether when and or "

// plainNoun reports words that are only a noun phrase, perhaps with an apposition ("mixup, a simple learning
// principle"): no clause opener, no verb, and no "in order"/"so as" waiting for its "to".
func plainNoun(np string) bool {
	for _, w := range strings.Fields(np) {
		if compress.InList(clauseOpeners, strings.ToLower(strings.Trim(w, ",;:()"))) {
			return false
		}
	}
	return !compress.HoldsVerb(np) && !strings.HasSuffix(np, " in order") && !strings.HasSuffix(np, " so as")
}

// weAdverbs, right after a TL;DR's opening "We", order it among steps or conclusions the reader does not see:
// "We then apply our methods…", "We therefore propose…", "We first provide…"; or add it to one the reader does
// not see: "We also propose Spectral Capsule Networks…".
var weAdverbs = map[string]bool{"also": true, "then": true, "therefore": true, "thus": true, "hence": true, "first": true,
	"next": true, "finally": true, "further": true, "additionally": true, "consequently": true, "subsequently": true,
	"accordingly": true, "now": true, "lastly": true, "secondly": true}

// dropWeAdverb drops such an adverb: "We then apply our methods to…" reads "We apply our methods to…".
func dropWeAdverb(s string) string {
	rest, ok := strings.CutPrefix(s, "We ")
	if !ok {
		return s
	}
	adverb, after, ok := strings.Cut(rest, " ")
	if !ok || !weAdverbs[adverb] {
		return s
	}
	if verb, _ := firstFields(after, 1); verb == "" || !unicode.IsLower(rune(verb[0])) {
		return s // "We then." or "We first, …": not an adverb before a verb
	}
	if adverb == "also" {
		return "We " + dropTrailingToo(after)
	}
	return "We " + after
}

// dropTrailingToo drops the "too" that ends a sentence whose "also" went: "We also find that these examples fool
// humans too." marks one addition twice, and "We find that these examples fool humans too." would still point to
// a finding the reader does not see. "as well" stays: after a verb it is a comparison ("the pruned model performs
// as well", "students generalize as well"), and keeping it is safe when unsure.
func dropTrailingToo(s string) string {
	n := len(s) - 1
	if n < 0 || strings.IndexByte(".!?", s[n]) < 0 {
		return s
	}
	t := strings.TrimSuffix(s[:n], " too")
	if len(t) == n {
		return s
	}
	return strings.TrimSuffix(t, ",") + s[n:]
}

// thatClauseVerbs open a leading clause whose "that" starts a clause with its own content: "Noting that most
// graphs are sparse, we…" says what it notes and stays. "With that in mind, we…", "For that purpose, we…" and
// "Given that, we…" point back and go.
const thatClauseVerbs = " given noting observing realizing recognizing "

// hypothesisNouns in a leading clause bound the claim after it: "Under these assumptions, we prove that…" without
// them would claim more than the paper. A hypothesis motivates instead ("Based on this hypothesis, we propose…"),
// and its clause goes.
const hypothesisNouns = " assumption assumptions condition conditions "

// ownWorkNouns follow "In our" in a lead that frames the sentence as the article's: "In our work, we bridge…".
const ownWorkNouns = " work paper study article research analysis "

func dropGlue(s string) string {
	comma := strings.IndexByte(s, ',')
	if we := strings.Index(s, " we "); we > 0 && (comma < 0 || we < comma) {
		comma = we // "For this purpose we developed…"
	}
	if colon := strings.Index(s, ": We "); colon > 0 && (comma < 0 || colon < comma) {
		comma = colon + 1 // "In this paper: We perform…"
	}
	if comma <= 0 || comma > 80 {
		return s
	}
	rest := strings.TrimSpace(strings.TrimLeft(s[comma:], ",:"))
	if first, n := firstFields(rest, 6); n < 6 || !subjectStarts[subjectWord(first)] {
		return s
	}
	lead := strings.Fields(strings.ToLower(strings.TrimSuffix(s[:comma], ":")))
	if len(lead) == 0 || len(lead) > 8 {
		return s
	}
	glue := len(lead) == 1 && glueWords[lead[0]] || framingLead(lead, s[:comma])
	if !glue && len(lead) > 1 && !(len(lead) > 2 && lead[1] == "that" && compress.InList(thatClauseVerbs, lead[0])) {
		for _, g := range glueStarts {
			if lead[0] == g {
				for _, w := range lead[1:] {
					if glueRefs[w] {
						glue = true
					}
					if compress.InList(hypothesisNouns, w) {
						return s // "Under these assumptions, we prove…": the claim holds only under them
					}
				}
			}
		}
	}
	if !glue {
		return s
	}
	r, size := utf8.DecodeRuneInString(rest)
	if rest = string(unicode.ToUpper(r)) + rest[size:]; compress.PointsBack(rest) {
		return s // "However, this method…" stays: "This method…" would read as the paper's
	}
	return rest
}

// subjectWord returns w in lower case without a contraction: "We’d" reads "we".
func subjectWord(w string) string {
	w = strings.ToLower(w)
	if i := strings.IndexAny(w, "'’"); i > 0 {
		w = w[:i]
	}
	return w
}

// framingLead reports a lead, in lower case and split into words, that frames the sentence instead of saying
// something: an example of a claim the reader does not see ("For example,", "For instance,", "e.g.,"), the
// article's own ("In our work,", "In our study,"), or a definite noun that points back at what came before ("Based
// on the observation,", "Based on the newly introduced dataset,"). Only the whole lead counts: "For instance
// segmentation, we…" is content, and so are a name ("Based on the Transformer architecture,", as written in
// raw) and a noun with words of its own ("Based on the results of…").
func framingLead(lead []string, raw string) bool {
	switch {
	case len(lead) == 1:
		return lead[0] == "e.g." || lead[0] == "e.g"
	case len(lead) == 2:
		return lead[0] == "for" && (lead[1] == "example" || lead[1] == "instance")
	case len(lead) == 3 && lead[0] == "in" && lead[1] == "our":
		return compress.InList(ownWorkNouns, lead[2])
	case len(lead) > 6 || !compress.InList(" based building ", lead[0]) || lead[1] != "on" || lead[2] != "the":
		return false
	}
	for _, w := range lead[3:] {
		if compress.InList(" of that in on for with from by to and or ", w) {
			return false
		}
	}
	return strings.IndexFunc(raw[1:], unicode.IsUpper) < 0
}

// firstFields returns the first of strings.Fields(s) and how many there are, counting up to limit:
// without building the list.
func firstFields(s string, limit int) (first string, n int) {
	for n < limit {
		if s = strings.TrimLeftFunc(s, unicode.IsSpace); s == "" {
			break
		}
		end := strings.IndexFunc(s, unicode.IsSpace)
		if end < 0 {
			end = len(s)
		}
		if n == 0 {
			first = s[:end]
		}
		n++
		s = s[end:]
	}
	return first, n
}

// balance cuts a TL;DR that would end inside brackets or quotes back to before them, and drops a
// closing bracket or quote it starts with.
func balance(s string) string {
	for len(s) > 0 && strings.IndexByte(")]}", s[0]) >= 0 {
		s = strings.TrimSpace(s[1:])
	}
	// a “ closed by a straight quote is one pair, written with two kinds of quote: "achieving a “sweet point" in
	// co-optimizing…" is whole
	if i := strings.LastIndex(s, "“"); i >= 0 && strings.Count(s, "“") > strings.Count(s, "”") {
		if j := strings.IndexByte(s[i:], '"'); j > 0 && strings.Count(s, `"`)%2 == 1 {
			s = s[:i+j] + "”" + s[i+j+1:]
		}
	}
	for _, pair := range [][2]string{{"(", ")"}, {"[", "]"}, {"“", "”"}} {
		if strings.Count(s, pair[0]) > strings.Count(s, pair[1]) {
			s = cutAt(s, strings.LastIndex(s, pair[0]))
		}
	}
	if strings.Count(s, `"`)%2 == 1 {
		i := strings.LastIndexByte(s, '"')
		if i == 0 {
			s = strings.TrimSpace(s[1:])
		} else {
			s = cutAt(s, i)
		}
	}
	return s
}

// cutAt cuts s before byte i, keeping it whole if that would leave too little, and ends it with a full
// stop.
func cutAt(s string, i int) string {
	if i < len(s)/2 {
		return s
	}
	cut := strings.TrimRight(s[:i], " ,;:-–—")
	if !strings.HasSuffix(cut, ".") {
		cut += "."
	}
	return cut
}
