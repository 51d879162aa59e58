package scorer

import (
	"math"
	"strings"

	"github.com/papergist/papergist/wasm/summarize/internal/compress"
)

// Candidate feature indices (stage two). Changing them invalidates the weights: run `make weights`.
const (
	cSentence = iota // the sentence's stage-one score minus the abstract's best
	cRank0
	cRank1
	cRank2
	cW0_8
	cW8_12
	cW12_16
	cW16_20
	cW20_25
	cW25_30
	cW30_40
	cW40Plus
	cKept
	cTitleRecall
	cTitleLost
	cTrailDigit
	cEF1Short
	cEF1Mid
	cEF1Long
	cKind
	cNumFeatures = cKind + compress.NumKinds
)

// CandidateNames names the candidate features, in index order, for the weights file.
var CandidateNames = func() [cNumFeatures]string {
	n := [cNumFeatures]string{"sentence", "rank0", "rank1", "rank2", "w<8", "w8-12", "w12-16", "w16-20",
		"w20-25", "w25-30", "w30-40", "w40+", "kept", "title_recall", "title_lost", "trail_digit",
		"ef1_12", "ef1_20", "ef1_30"}
	for k, name := range compress.KindNames {
		n[cKind+k] = "cut_" + name
	}
	return n
}()

// TopSentences is how many of stage one's best sentences stage two considers.
const TopSentences = 5

// repeatWeight discounts a word's second use in a candidate: ROUGE counts it only if the reference
// repeats it too.
const repeatWeight = 0.2

// CandidateFeatures describe one compression of one of stage one's best sentences.
type CandidateFeatures struct {
	Dense [cNumFeatures]float64
	// kept are the words the cut keeps, trail those it removed; trailScore is the sum of the trail's
	// weights.
	kept       []token
	trail      []token
	trailScore float64
}

// KeptKeys returns the words the cut keeps, in order, "" for a word outside the abstract's vocabulary
// (one that cleaning rewrote): the words whose token-model probabilities make up the ef1 features.
func (f *CandidateFeatures) KeptKeys() []string {
	out := make([]string, len(f.kept))
	for i, t := range f.kept {
		if t.id >= 0 {
			out[i] = t.w
		}
	}
	return out
}

// TrailKeys returns the words the cut removed, as the trainer names them.
func (f *CandidateFeatures) TrailKeys() []string {
	out := make([]string, len(f.trail))
	for i, t := range f.trail {
		out[i] = t.w
	}
	return out
}

// Shortlisted is one candidate TL;DR: a head cut at a byte offset, with its stage-two features.
type Shortlisted struct {
	Features CandidateFeatures
	head     string
	at       int
}

// Text returns the candidate as a tidy sentence.
func (s *Shortlisted) Text() string { return compress.Text(s.head, s.at) }

// ScoreCandidate is the candidate's stage-two score: higher is a better TL;DR.
func (m *Model) ScoreCandidate(f *CandidateFeatures) float64 {
	s := f.trailScore
	for i, v := range f.Dense {
		s += m.cand[i] * v
	}
	return s
}

// Best returns the candidate TL;DR both stages rate highest, or "" when there are no sentences. It
// scores each candidate as it is built instead of keeping the shortlist.
func (m *Model) Best(title string, sentences []string) string {
	head, at := shortlist(m, title, sentences, TopSentences, false, nil, nil)
	if at < 0 {
		return ""
	}
	return compress.Text(head, at)
}

// Shortlist rates the sentences with stage one and returns the compressions of the best k of them,
// best sentence first, each with its stage-two features.
func Shortlist(m *Model, title string, sentences []string, k int) []Shortlisted {
	var out []Shortlisted
	shortlist(m, title, sentences, k, true, func(c *Shortlisted) { out = append(out, *c) }, (*candidateBuilder).features)
	return out
}

// shortlist is Shortlist handing each candidate to emit; the candidate is reused after emit returns,
// and so are the words its Features.trail refers to unless keep is set. Without keep, the buffers come
// from, and go back to, workspaces. Without emit, it returns the head and cut of the candidate that
// stage two rates highest (at -1 for none): Best needs no closure, which would escape to the heap.
func shortlist(m *Model, title string, sentences []string, k int, keep bool, emit func(*Shortlisted), fill featureFill) (head string, at int) {
	if len(sentences) == 0 {
		return "", -1
	}
	var w *workspace
	if keep {
		w = new(workspace)
	} else {
		w = workspaces.Get().(*workspace)
		defer workspaces.Put(w)
	}
	feats, v := w.extract(m, title, sentences)
	w.scores = m.scoreAll(feats, v, w.scores)
	scores := w.scores
	w.order = grow(w.order, len(feats))
	order := w.order
	for i := range order {
		order[i] = i
	}
	// insertion sort, best first, the earlier sentence first on ties: abstracts are short
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && scores[order[j]] > scores[order[j-1]]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	order = order[:min(k, len(order))]
	// a word's probability is found when a head first uses it: the heads of the best sentences hold a part of
	// the abstract's words
	w.probs = grow(w.probs, len(v.words))
	for i := range w.probs {
		w.probs[i] = math.NaN()
	}
	b := &w.builder
	*b = candidateBuilder{m: m, vocab: v, sigmoids: &w.sigmoids, probs: w.probs, lex: m.lexOf(v), info: v.info, nTitle: v.nTitle,
		titleSeen: grow(b.titleSeen, v.nTitle), emit: emit, fill: fill, bestAt: -1, ownAt: -1, arguedAt: -1,
		toks: b.toks, gain: b.gain, title: b.title, trail: b.trail, digitFrom: b.digitFrom,
		heads: b.heads, owns: b.owns[:0]}
	var toks []token
	for rank, i := range order {
		b.heads = compress.AppendHeads(b.heads[:0], sentences[i])
		for _, h := range b.heads {
			if emit == nil && h.Kind == compress.KindLeadWe && scopeLead(b.heads[0].Text) {
				continue // "For identifiable relation types, we are able to…" is no claim about all types
			}
			if h.Text == sentences[i] {
				toks = feats[i].toks // cleaning changed nothing: the words are known
			} else {
				if keep || cap(b.toks) < len(h.Text)/5+1 {
					b.toks = make([]token, 0, len(h.Text)/5+1) // growing by append is dear, in wasm above all
				}
				toks = scanTokens(h.Text, b.toks[:0])
				b.toks = toks
				v.lookupIn(toks, h.Text, feats[i].toks, sentences[i])
			}
			b.raw = sentences[i]
			b.add(h, toks, scores[i]-scores[order[0]], rank)
		}
	}
	head, at = b.bestHead, b.bestAt
	kept := false // the argued claim stays, pointer and all
	if b.arguedAt >= 0 && (at < 0 || b.arguedScore > b.bestScore) {
		switch {
		case b.ownAt >= 0 && !compress.PointsBackAnywhere(b.ownHead):
			head, at = b.ownHead, b.ownAt // it points back: the best "We…" takes its place
		case b.ownAt >= 0 || at < 0:
			// "We test it on ImageNet" or nothing else is left: a hedged claim with a mild pointer says more
			head, at, kept = b.arguedHead, b.arguedAt, true
		} // else the best of the others
	}
	switch {
	case kept:
	case b.ownAt >= 0 && compress.PointsBack(head):
		head, at = b.ownHead, b.ownAt // "This motivates…" gives way to the best "We…"
	case strings.HasPrefix(head, "We also ") || compress.ObjectPointsBack(head) && !compress.Proposes(head):
		// "We break this barrier by…" to the best "We…" that a reader of the TL;DR alone follows; one that
		// says what the paper proposes stays ("We reduce this cost … and propose FBS, …"). "We also show…"
		// adds to a main claim the reader does not see: that claim takes its place when it ranks close and says
		// what the paper proposes, else the TL;DR loses its "also". Any other "We…" may be a hypothesis, a
		// negative result or prior work the paper refutes ("We hypothesize that dropout hurts…", "We also find
		// that dropout improves…")
		if o := b.standing(); o != nil && !compress.BorrowsName(o.head, head) && b.bestScore-o.score <= swapMargin &&
			(compress.Proposes(o.head) || compress.ObjectPointsBack(head) && !compress.Proposes(head)) {
			head, at = o.head, o.at
		}
	}
	if at >= 0 && contrastFollows(head[at:]) {
		at = len(head) // the sentence whole: what the cut keeps is often the half the contrast answers
	}
	clear(b.owns)
	b.owns = b.owns[:0]
	b.emit, b.fill, b.bestHead, b.ownHead, b.arguedHead, b.raw = nil, nil, "", "", "", "" // the workspace must not keep the caller's closure or text alive
	return head, at
}

// swapMargin is how far below the pointer TL;DR, in stage-two score, the sentence that takes its place may
// rank: one the ranker nearly chose. Chosen on SciTLDR train by reading the swaps: the five that read better
// were within 0.79; above 0.8 were a results sentence whose "the mappings" nothing explains (1.30) and a
// method sentence that loses the method's name (1.55). A closing "We hope…" or "We leave … for future work"
// never ranks this close.
const swapMargin = 0.8

// candidateBuilder computes stage-two features of every cut of a head from prefix sums over its words.
type candidateBuilder struct {
	probs []float64 // per word of the vocabulary: the token model's probability, NaN until a head uses it
	vocab *vocab
	// sigmoids is the workspace's cache for wordProb
	sigmoids *sigmoidCache
	lex      []*lexEntry // per word: its weights
	info     []wordInfo  // per word: title index and stamp
	nTitle   int
	stamp    int32 // heads so far, for the stamps of repeat discounts
	emit     func(*Shortlisted)
	fill     featureFill // with emit: features, which Best, and so the extension, need not link

	// without emit: the best candidate so far, by m's stage-two score
	m         *Model
	bestHead  string
	bestAt    int
	bestScore float64
	// the best candidate in the paper's own voice ("We…"), which takes the place of a best one whose
	// subject points back at a sentence the TL;DR leaves out ("This motivates…")
	ownHead  string
	ownAt    int
	ownScore float64
	own      bool // the head being built is in the paper's own voice
	// every head in the paper's own voice with its best candidate: the best of them that stands alone
	// (standing) takes the place of a best one whose object points back, and is looked for only then
	owns []ownHead
	raw  string // the sentence the head being added was cleaned from
	// the best argued claim that points back ("We argue that this imposes…", "…well suited for this task"):
	// kept apart, so that a best one gives way to the best "We…", or without one to the best of the others
	arguedHead  string
	arguedAt    int
	arguedScore float64
	argued      bool // the head being built is such a claim

	// scratch, reused from head to head
	toks      []token
	gain      []float64 // expected overlap of the first k words
	title     []int     // distinct title words among the first k words
	trail     []float64 // Trailing weight of the words from k on
	digitFrom []bool    // a number among the words from k on
	titleSeen []bool
	heads     []compress.Head
	cand      Shortlisted
}

// grow returns s resliced to n elements, reallocated only when too small; the elements are not cleared.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, 2*n)
	}
	return s[:n]
}

func (b *candidateBuilder) add(h compress.Head, toks []token, delta float64, rank int) {
	n := len(toks)
	b.stamp++
	b.gain, b.title = grow(b.gain, n+1), grow(b.title, n+1)
	b.trail, b.digitFrom = grow(b.trail, n+1), grow(b.digitFrom, n+1)
	gain, title, trail, digitFrom := b.gain, b.title, b.trail, b.digitFrom
	gain[0], title[0], trail[n], digitFrom[n] = 0, 0, 0, false
	titleSeen := b.titleSeen
	clear(titleSeen)
	for j, t := range toks {
		g := 0.0
		title[j+1] = title[j]
		if id := t.id; id >= 0 {
			if g = b.probs[id]; g != g { // NaN: not found yet
				g = b.m.wordProb(b.vocab, int(id), b.sigmoids)
				b.probs[id] = g
			}
			in := &b.info[id]
			if in.stamp == b.stamp {
				g *= repeatWeight
			}
			in.stamp = b.stamp
			if ti := in.titleIdx; ti >= 0 && !titleSeen[ti] {
				titleSeen[ti] = true
				title[j+1]++
			}
		}
		gain[j+1] = gain[j] + g
	}
	for j := n - 1; j >= 0; j-- {
		if id := toks[j].id; id >= 0 {
			trail[j] = trail[j+1] + b.lex[id].trailing
		} else {
			trail[j] = trail[j+1]
		}
		digitFrom[j] = digitFrom[j+1] || toks[j].digit
	}
	make1 := func(at, k, kind int) {
		if b.emit == nil {
			b.rate(h.Text, at, b.score(delta, rank, k, n, kind))
			return
		}
		c := &b.cand
		*c = Shortlisted{head: h.Text, at: at}
		b.fill(b, &c.Features, toks, delta, rank, k, kind)
		b.emit(c)
	}
	b.argued = b.emit == nil && compress.ArguedPointsBack(h.Text)
	b.own = b.emit == nil && !b.argued && compress.OpensOwnVoice(h.Text)
	if b.own {
		b.owns = append(b.owns, ownHead{head: h.Text, raw: b.raw, at: -1})
	}
	make1(len(h.Text), n, h.Kind)
	// What add asks of a head's words to rule a cut out is found when a cut first needs it: a cut that would
	// not be rated above the best so far needs none of it (improves), and most of a head's cuts, and every cut
	// of most heads, are such.
	known := false
	verbs := 0 // the words up to the last finite verb: a cut after it drops none (dropsVerb)
	var frontFrom, frontTo int
	var scope bool
	var how howClause
	// A cut keeps the words before it, at least MinWords and not all n; it is never inside a word, and
	// of the cuts in one gap between words only the first counts: the others keep the same words.
	for j := compress.MinWords - 1; j < n-1; j++ {
		c, ok := compress.FirstCut(h.Text, int(toks[j].end), int(toks[j+1].start))
		if !ok || compress.NeedsComplement(toks[j].w) || beforeMainClause(h.Text[c.At:]) {
			continue
		}
		if b.emit != nil {
			make1(c.At, j+1, c.Kind) // training sees every cut
			continue
		}
		s := b.score(delta, rank, j+1, n, c.Kind)
		if !b.improves(s) {
			continue // rate would keep nothing: whether the cut leaves a broken sentence does not matter
		}
		how.read(h.Text, toks, j)
		if !known {
			known = true
			frontFrom, frontTo = frontedAdverbial(h.Text, toks)
			// a word of the vocabulary has its lists in its entry (Prepare gives every word of the lists one): a
			// map lookup per word here was about 2% of the work of a TL;DR and key phrases. Every word of a
			// sentence has an id once vocab.add has seen it, so the map lookup for id < 0 is only a guard
			// (never reached on SciTLDR).
			for i := n - 1; i > 0 && verbs == 0; i-- {
				if id := toks[i].id; id >= 0 && b.lex[id].kind>>kindLists&finite != 0 || id < 0 && inLists(finite, toks[i].w) {
					verbs = i + 1
				}
			}
			scope = mayDropScope(h.Text, toks) // most heads hold no comparison: no cut asks then
		}
		// A cut that leaves a broken sentence though toks[j] passes NeedsComplement is never the TL;DR,
		// the sentence uncut is safer: after a number without its noun ("…quantized to 2." of "2-, 3- or
		// 4-bits", "…containing 108." of "108,501 images"), after one of dangling ("…in the tabular case
		// but."), after "only" or an adverb that follows a word needing its complement ("…routed to a parent
		// based only." of "based only on agreement"), or at "and" after the first of two modifiers ("…of a smooth." of "a smooth and strongly
		// convex objective", "…for smooth." of "for smooth and strongly convex objectives"), at a comma between two
		// modifiers ("…on a natural nonsmooth." of "a natural nonsmooth, nonconvex formulation"), before the
		// "that" clause of an appositive noun ("…(IR), a task." of "a task that can be described as"), between a
		// subject and its verb (dropsVerb), or inside an adverbial that opens a "that" clause
		// (frontedAdverbial), or before the scope of a comparison or a "not only" without its "but" (dropsScope).
		// Training sees it all the same, so that make weights learns what it learned.
		if last, after := toks[j].w, toks[min(j+2, n-1)].w; isNumber(last) ||
			inLists(dangles, last) || endsOnAbbreviation(h.Text[:c.At]) || how.cutInside(h.Text, c.At) ||
			(last == "only" || isAdverb(last)) && compress.NeedsComplement(toks[j-1].w) ||
			c.Kind == compress.KindAnd && (inLists(determiner, toks[j-1].w) || isAdverb(after)) ||
			c.Kind == compress.KindComma && betweenModifiers(toks[j-1].w, last, toks[j+1].w) ||
			c.Kind == compress.KindThat && inLists(determiner, toks[j-1].w) &&
				strings.Contains(h.Text[toks[j-2].end:toks[j-1].start], ",") ||
			j+1 < verbs && dropsVerb(h.Text, c.At, toks[j+1:verbs]) || frontFrom < c.At && c.At <= frontTo ||
			scope && dropsScope(h.Text[:c.At], c.Kind) {
			continue
		}
		b.rate(h.Text, c.At, s)
	}
}

// featureFill is the type of features, which Shortlist hands to shortlist.
type featureFill func(b *candidateBuilder, f *CandidateFeatures, toks []token, delta float64, rank, k, kind int)

// features fills f, cleared, for the candidate that keeps the first k of the head's words toks, from
// the prefix sums add has made of them.
func (b *candidateBuilder) features(f *CandidateFeatures, toks []token, delta float64, rank, k, kind int) {
	n := len(toks)
	d := &f.Dense
	d[cSentence] = delta
	if rank <= 2 {
		d[cRank0+rank] = 1
	}
	d[wordsBucket(k)] = 1
	if n > 0 {
		d[cKept] = float64(k) / float64(n)
	}
	if nt := b.nTitle; nt > 0 {
		d[cTitleRecall] = float64(b.title[k]) / float64(nt)
		d[cTitleLost] = float64(b.title[n]-b.title[k]) / float64(nt)
	}
	d[cTrailDigit] = b2f(b.digitFrom[k])
	if k > 0 {
		d[cEF1Short] = 2 * b.gain[k] / float64(k+12)
		d[cEF1Mid] = 2 * b.gain[k] / float64(k+20)
		d[cEF1Long] = 2 * b.gain[k] / float64(k+30)
	}
	d[cKind+kind] = 1
	f.kept, f.trail, f.trailScore = toks[:k], toks[k:], b.trail[k]
}

// wordsBucket returns the feature of a candidate that keeps k words.
func wordsBucket(k int) int {
	switch {
	case k < 8:
		return cW0_8
	case k < 12:
		return cW8_12
	case k < 16:
		return cW12_16
	case k < 20:
		return cW16_20
	case k < 25:
		return cW20_25
	case k < 30:
		return cW25_30
	case k < 40:
		return cW30_40
	}
	return cW40Plus
}

// score is ScoreCandidate of the candidate that keeps the first k of the head's n words, bit for bit,
// without filling its features: it adds the weights of the features that are not 0, in ScoreCandidate's
// order (a feature that is 0 adds a zero, which changes no sum but a zero's sign). Best rates a hundred
// candidates an abstract, and clearing and summing every feature of each was a tenth of add.
func (b *candidateBuilder) score(delta float64, rank, k, n, kind int) float64 {
	w := &b.m.cand
	s := b.trail[k]
	s += w[cSentence] * delta
	if rank <= 2 {
		s += w[cRank0+rank] * 1
	}
	s += w[wordsBucket(k)] * 1
	if n > 0 {
		s += w[cKept] * (float64(k) / float64(n))
	}
	if nt := b.nTitle; nt > 0 {
		s += w[cTitleRecall] * (float64(b.title[k]) / float64(nt))
		s += w[cTitleLost] * (float64(b.title[n]-b.title[k]) / float64(nt))
	}
	if b.digitFrom[k] {
		s += w[cTrailDigit] * 1
	}
	if k > 0 {
		g := b.gain[k]
		s += w[cEF1Short] * (2 * g / float64(k+12))
		s += w[cEF1Mid] * (2 * g / float64(k+20))
		s += w[cEF1Long] * (2 * g / float64(k+30))
	}
	return s + w[cKind+kind]*1
}

// improves reports whether rate would keep a candidate of score s as the best of one of its kinds so far.
func (b *candidateBuilder) improves(s float64) bool {
	if b.argued {
		if b.arguedAt < 0 || s > b.arguedScore {
			return true
		}
	} else if b.bestAt < 0 || s > b.bestScore {
		return true
	}
	if !b.own {
		return false
	}
	o := &b.owns[len(b.owns)-1]
	return b.ownAt < 0 || s > b.ownScore || o.at < 0 || s > o.score
}

// rate keeps the candidate head[:at] of score s where it is the best of its kind so far.
func (b *candidateBuilder) rate(head string, at int, s float64) {
	if b.argued {
		if b.arguedAt < 0 || s > b.arguedScore {
			b.arguedHead, b.arguedAt, b.arguedScore = head, at, s
		}
	} else if b.bestAt < 0 || s > b.bestScore {
		b.bestHead, b.bestAt, b.bestScore = head, at, s
	}
	if b.own && (b.ownAt < 0 || s > b.ownScore) {
		b.ownHead, b.ownAt, b.ownScore = head, at, s
	}
	if b.own {
		if o := &b.owns[len(b.owns)-1]; o.at < 0 || s > o.score {
			o.at, o.score = at, s
		}
	}
}

// claimStems mark a comparison whose scope a TL;DR must keep: "…achieves the highest accuracy to date" of "…on
// the ImageNet dataset", "…higher accuracy than common few-shot learning algorithms" of "…in the 1-shot task".
// mayDropScope knows their first letters (TestMayDropScopeIsItsDefinition fails when one is new).
var claimStems = [...]string{" state-of-the-art", " outperform", " surpass", " highest", " best", " higher", " better",
	" superior"}

// dropsScope reports a cut that keeps a claim and drops what bounds it: at "on", "in" or "for" after a
// comparison in the kept clause (since its last comma), which would claim it everywhere, or anywhere after a
// "not only" whose "but also" it drops ("…not only outperforms the baseline network." of "…in BLEU score but
// also converges faster"). It allocates nothing: the choice asks it at every such cut.
func dropsScope(kept string, kind int) bool {
	clause := kept[strings.LastIndexByte(kept, ',')+1:]
	if i := strings.Index(clause, "not only "); i >= 0 && !strings.Contains(clause[i:], " but ") {
		return true
	}
	if kind != compress.KindOn && kind != compress.KindIn && kind != compress.KindFor {
		return false
	}
	for _, stem := range claimStems {
		if i := strings.Index(clause, stem) + len(stem); i >= len(stem) && (i == len(clause) || clause[i] != '-') {
			return true // not "higher-order", "best-of-n"
		}
	}
	return false
}

// mayDropScope reports a head where dropsScope may hold for some cut: it holds "not only " or a claimStem.
// Every one of those opens with a space and a letter, which starts one of the head's tokens (toks, scanned
// from head), so it looks only there: it runs once per head, and nine searches for strings that open with a
// space, the commonest byte of a sentence, cost a tenth of a TL;DR.
func mayDropScope(head string, toks []token) bool {
	for _, t := range toks {
		i := int(t.start)
		if i == 0 || head[i-1] != ' ' {
			continue
		}
		switch head[i] {
		case 'o':
			if i >= 4 && head[i-4:i] == "not " && strings.HasPrefix(head[i:], "only ") {
				return true
			}
		case 'b', 'h', 's': // the stems' first letters but o's
		default:
			continue
		}
		for _, stem := range claimStems {
			if stem[1] == head[i] && strings.HasPrefix(head[i-1:], stem) {
				return true
			}
		}
	}
	return false
}

// dropsVerb reports a cut at byte from that keeps a subject and drops its verb: the words it drops reach
// "is", "are", "has"… of the kept clause, as in "…demonstrate that mixup augmentation | and setting … are
// effective" or "…sign method (FGSM) | , when combined with random initialization, is as effective…".
// Words of an aside up to its next comma are passed over: one opened by "when", "which"…, by a determiner
// after a comma ("…, the learner must select…, are") or by an -ing word not after "and"/"or"; a verb right
// after "and" or "or" shares the kept clause's subject ("… and is trainable"); a pronoun, a determiner after
// "and" or "or", "but", ";" and ":" open a clause with its own subject ("… and the results are", "…: gradients
// … are") and end the scan.
func dropsVerb(text string, from int, dropped []token) bool {
	aside, and := false, false
	for _, t := range dropped {
		gap := text[from:t.start]
		if strings.ContainsAny(gap, ";:") || t.w == "but" {
			return false
		}
		comma := strings.Contains(gap, ",")
		aside = aside && !comma
		switch {
		case aside:
		case inLists(finite, t.w):
			return !and
		case compress.InList(" we they it he she there ", t.w) || and && inLists(determiner, t.w):
			return false
		case inLists(opensAside, t.w) || comma && inLists(determiner, t.w) ||
			!and && len(t.w) > 5 && strings.HasSuffix(t.w, "ing"):
			aside = true
		}
		from, and = int(t.end), t.w == "and" || t.w == "or"
	}
	return false
}

// frontedAdverbial returns the bytes from..to of text in which a cut would keep an adverbial that opens a
// "that" clause and drop the clause it leads to, as in "we show that for any monotone transform of a smooth
// objective | with latent dimension k, we present…" or "we show that when running a previously proposed model |
// for automatic piano fingering, …": from the end of the adverbial's first word to the comma that closes it,
// and on to the clause's first finite verb ("…, the margin between the training points | and the decision
// boundary could be…"). Without such a comma nothing tells where the adverbial ends, and it returns 0, 0.
func frontedAdverbial(text string, toks []token) (from, to int) {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].w != "that" || !inLists(opensAdverbial, toks[i+1].w) ||
			strings.Contains(text[toks[i].end:toks[i+1].start], ",") {
			continue
		}
		c := strings.IndexByte(text[toks[i+1].end:], ',')
		if c < 0 {
			break
		}
		from, to = int(toks[i+1].end), int(toks[i+1].end)+c
		for k, t := range toks[i+2:] {
			switch {
			case int(t.start) < to:
			case k > 0 && int(toks[i+1+k].start) < to && compress.InList(" we they it there ", t.w):
				return from, to // a pronoun's verb follows it, where no cut is
			case inLists(finite, t.w) || compress.InList(modals, t.w):
				return from, int(t.start) // the clause's subject, too, needs its verb
			}
		}
		return from, to
	}
	return 0, 0
}

// modals are verbs too for frontedAdverbial; dropsVerb leaves them out, which it scans for at many more cuts.
const modals = " can could may might will would should must "

// adverbialOpeners open an adverbial before a clause's subject: "that for any…, we", "that if…, the".
const adverbialOpeners = " for in when whenever if given under by with as once after before since while although though despite unlike without compared on at during upon through because assuming provided even "

// finiteVerbs are the verbs whose subject dropsVerb looks for.
const finiteVerbs = " is are was were has have remains "

// The lists add asks of words at every cut of a head (finiteVerbs, dangling, determiners, asideOpeners,
// adverbialOpeners, plainModifiers) are looked up as bits of one map, wordLists: compress.InList scans its list
// (85 ns a word for dangling's 45 words), a map lookup costs a few nanoseconds, and one map adds less to the
// wasm than one per list.
const (
	finite = 1 << iota
	dangles
	determiner
	opensAside
	opensAdverbial
	plainModifier
)

var wordLists = func() map[string]uint8 {
	m := map[string]uint8{}
	for i, list := range [...]string{finiteVerbs, dangling, determiners, asideOpeners, adverbialOpeners, plainModifiers} {
		for _, w := range strings.Fields(list) {
			m[w] |= 1 << i
		}
	}
	return m
}()

// inLists reports whether w is a word of one of the lists whose bits lists holds.
func inLists(lists uint8, w string) bool { return wordLists[w]&lists != 0 }

// asideOpeners open a clause inside the sentence whose verb is its own: "…, when combined with…, is".
const asideOpeners = " which who whom whose that where wherein whereby when while whereas if because since although though as than "

// isNumber reports a word of digits alone: "2", "108".
func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// isAdverb reports an adverb by its "-ly": "strongly", "partially"; not "apply", "rely" or "only".
func isAdverb(w string) bool {
	return len(w) > 4 && w[len(w)-2:] == "ly" && w[len(w)-3] != 'p'
}

// isAdjective reports a word that reads as a modifier by its form: "nonsmooth", "natural", "convolutional",
// not "robust". It is for a comma between two of them, where a cut keeps the first without its noun.
func isAdjective(w string) bool {
	if len(w) > 5 && strings.HasPrefix(w, "non") {
		return true
	}
	for _, suf := range [...]string{"al", "ic", "ous", "ive", "able", "ible", "less", "ful"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// scopeLead reports a sentence whose clause before ", we" bounds the claim that follows, so that the claim
// without it says more than the paper: "For identifiable relation types, we are able to predict…" (dev
// SygcSlHFvS), "Under mild assumptions, we prove…", "When applied to online speech recognition, we…", "In the
// convex case, we…", "In both feedforward and convolutional networks, we show…". A clause that only ties the
// sentence to others ("For this purpose,", "For example,", "Under this framework,") bounds nothing.
func scopeLead(base string) bool {
	i := strings.Index(base, ", we ")
	if i < 0 {
		return false
	}
	first, rest, _ := strings.Cut(base[:i], " ")
	second, _, _ := strings.Cut(rest, " ")
	switch first {
	case "If", "When", "Whenever", "Assuming", "Provided", "Unless", "Once":
		return true
	case "Under":
		return !compress.InList(" this these that those such our ", second)
	case "For":
		return second != "" && !compress.InList(forGlue, second)
	case "In":
		return compress.InList(" both all ", second) || second == "the" && compress.InList(" case setting regime ", afterLastSpace(base[:i]))
	}
	return false
}

// forGlue are the words after an opening "For" that make it no bound: "For example,", "For this purpose,",
// "For the analysis,".
const forGlue = " example instance this that these those such evaluation demonstration one comparison simplicity brevity clarity convenience completeness the "

// afterLastSpace returns what follows the last space of s: its last word with any punctuation.
func afterLastSpace(s string) string { return s[strings.LastIndexByte(s, ' ')+1:] }

// contrastFollows reports a cut before ", but" or ", yet", whose clause often carries the claim: "Log-DenseNet
// only slightly increases the backpropagation distances…, but uses only L log L connections" (train SJLy_SxC-),
// "unsupervised domain adaptation, the setting where labeled data is available on a source domain, but the goal
// is…" (train S1lF8xHYwS). Without it the TL;DR states the cost, or half a definition, as the paper's point.
func contrastFollows(rest string) bool {
	return strings.HasPrefix(rest, ", but ") || strings.HasPrefix(rest, ", yet ")
}

// endsOnAbbreviation reports kept text that ends on "i.e." or "e.g.", which announce what the cut drops: "…before
// seeing it, i.e." (train Hye1kTVFDS).
func endsOnAbbreviation(kept string) bool {
	kept = strings.TrimRight(kept, " ,")
	return strings.HasSuffix(kept, "i.e.") || strings.HasSuffix(kept, "e.g.") || strings.HasSuffix(kept, "i.e") ||
		strings.HasSuffix(kept, "e.g")
}

// howClause follows the words of a sentence, one at a time, to report a cut in a "how" clause whose subject has
// examples after it, before the clause's verb: "…Explanations of how powerful machine learning models." or
// "…models, such as deep neural networks." of "how powerful machine learning models, such as deep neural
// networks, capture these interactions" (dev rkMD73A5FX). The examples (", such as", ", e.g.,") tell that the
// words before them are a noun, so the clause still lacks its verb; "how" with a degree word ("how powerful",
// "how well") needs one. It reads each word once, so a sentence costs time in proportion to its length
// whatever the number of cuts.
type howClause struct {
	next        int  // the next word to read
	at          int  // the word "how" of the last "how" clause, or -1
	verb        bool // a verb follows it
	examplesEnd int  // the byte after the first ", such as " or ", e.g., " that follows it, or 0
}

// read reads the words up to toks[j], the last a cut keeps.
func (c *howClause) read(text string, toks []token, j int) {
	if c.next == 0 {
		c.at = -1
	}
	for ; c.next <= j; c.next++ {
		k, t := c.next, toks[c.next]
		switch {
		case t.start > 0 && text[t.start-1] == ' ' && text[t.start:t.end] == "how":
			c.at, c.verb, c.examplesEnd = -1, false, 0
			if k+1 < len(toks) && compress.InList(degreeWords, toks[k+1].w) {
				c.at = k
			}
		case c.at >= 0 && k > c.at+1:
			c.verb = c.verb || inLists(finite, t.w) || compress.InList(modals, t.w)
		}
		if c.at < 0 || k <= c.at || c.examplesEnd > 0 {
			continue // no clause is open, or its examples are found: most words of most heads
		}
		if l := examplesLen(text[t.end:]); l > 0 {
			c.examplesEnd = int(t.end) + l
		}
	}
}

// cutInside reports a cut at byte at of text that keeps the words read so far: inside the clause, before its
// verb, with examples kept or next.
func (c *howClause) cutInside(text string, at int) bool {
	return c.at >= 0 && c.next-1 > c.at && !c.verb &&
		(c.examplesEnd > 0 && c.examplesEnd <= at || examplesLen(text[at:]) > 0)
}

// degreeWords, after "how", ask how much: the clause needs its verb.
const degreeWords = " powerful well much many often fast far large good accurate robust "

// examplesLen returns the length of the ", such as " or ", e.g., " that opens s, or 0.
func examplesLen(s string) int {
	for _, p := range [...]string{", such as ", ", e.g., "} {
		if strings.HasPrefix(s, p) {
			return len(p)
		}
	}
	return 0
}

// betweenModifiers reports a comma between two modifiers of one noun, last and next, where a cut would keep the
// first without its noun: "…a natural nonsmooth, nonconvex formulation", "…to imitate simple, reusable mocap
// motions", "…to learn a smooth, compact representation". A suffix marks most modifiers (isAdjective);
// plainModifiers lists common ones it does not. After a form of "be" or an adverb (prev), a plain modifier
// ends its clause: "when training set is small, neural networks…", "is too low, negative transfer…".
func betweenModifiers(prev, last, next string) bool {
	if isAdjective(last) && isAdjective(next) {
		return true
	}
	return (isAdjective(last) || inLists(plainModifier, last)) &&
		(isAdjective(next) || inLists(plainModifier, next)) &&
		!compress.InList(" is are was were be been being become becomes remain remains seem seems too very so quite ", prev) &&
		!isAdverb(prev)
}

// plainModifiers are modifiers that no suffix of isAdjective marks.
const plainModifiers = " smooth convex concave sparse dense robust deep shallow large small simple fast efficient accurate stable discrete finite infinite bounded compact linear nonlinear sublinear local global high low strong weak new novel generic supervised unsupervised self-supervised scalable differentiable continuous stochastic lightweight flexible reusable interpretable "

// dangling are words that need what follows them, beside compress.NeedsComplement's: "…in the tabular case
// but.", "…the setting in.", "…a different view of the system and keep." (of "keep using JSQ"), "…contextual
// bandits, motivated." (of "motivated by several applications"), "…with results showing." (of "showing that…").
const dangling = " but in on for with by at via over under about through within without across among upon onto each every any some no whose those his her my your keep keeps avoid avoids motivated inspired showing indicating suggesting demonstrating revealing "

// determiners before the word a cut at "and" leaves last make it a modifier whose noun comes after.
const determiners = " a an the its their our this these those each every any both "

// beforeMainClause reports a cut whose rest opens the main clause: what it keeps is the clause before, "Using
// extensive simulations that consider …" of "…, we show that…", or "if σ is non-polynomial" of "…, then".
func beforeMainClause(rest string) bool {
	return strings.HasPrefix(rest, ", we ") || strings.HasPrefix(rest, ", then ")
}

// ownHead is a head in the paper's own voice, the sentence it was cleaned from, and its best candidate.
type ownHead struct {
	head, raw string
	at        int // -1: no candidate
	score     float64
}

// standing returns the best-scoring own-voice head, the first of equals, whose sentence opened with no
// connective ("Then, we use…") and that stands alone (compress.StandsAlone), or nil. Only a TL;DR whose object
// points back asks, so the checks, which cost a fifth of a TL;DR when made for every head, run rarely.
func (b *candidateBuilder) standing() *ownHead {
	tried := 0
	for tried < len(b.owns) {
		var best *ownHead
		for i := range b.owns {
			if o := &b.owns[i]; o.at >= 0 && (best == nil || o.score > best.score) {
				best = o
			}
		}
		if best == nil {
			return nil
		}
		if !compress.LeadConnective(best.raw) && compress.StandsAlone(best.head) && !strings.HasPrefix(best.head, "We also ") {
			return best
		}
		best.at = -1 // tried
		tried++
	}
	return nil
}
