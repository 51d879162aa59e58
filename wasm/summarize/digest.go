package summarize

import (
	"sort"
	"strings"

	"github.com/papergist/papergist/shared/paper"
)

// OtherLabel labels the papers of a digest that share no topic with another paper.
const OtherLabel = "Other"

// maxTopics caps a digest: past eight groups a digest stops being a glance.
const maxTopics = 8

// topicAdjectives are adjectives that topicWord's endings miss and that labelled topics on listings of SciTLDR,
// Inspec and CiteULike papers ("latent" on 16 of 68 SciTLDR and Inspec listings of 60 papers). Not "human",
// "quantum" or "web": nouns too. "complex" is a noun too, a known trade-off: a listing on protein or simplicial
// complexes that says "a complex of PGC-1alpha and SIRT1" loses that label ("complexes" still labels); letting
// a listed word label when its papers use it as a noun cost 1 to 1.5 KB of listing wasm, and 2 CiteULike titles
// use the noun. One that ends a phrase, its head, labels ("the Mediator complex", "a protein complex").
var topicAdjectives = newWordList("latent multiple random online parallel finite fuzzy complex mobile robust intelligent evolutionary")

// genericTerms are single words too broad to label a topic on a research listing.
var genericTerms = map[string]bool{
	"model": true, "network": true, "neural": true, "deep": true, "learning": true, "data": true,
	"method": true, "system": true, "algorithm": true, "analysi": true, "training": true, "language": true,
	"performance": true, "framework": true, "large": true, "representation": true, "information": true,
	"dataset": true, "benchmark": true, "evaluation": true, "application": true, "function": true,
	"optimization": true, "image": true, "time": true, "structure": true, "feature": true, "process": true,
	"theory": true, "design": true, "generation": true, "estimation": true, "inference": true, "space": true,
	"multi": true, "agent": true, "control": true, "distribution": true, "object": true, "text": true,
	"neural network": true, "deep neural network": true, "deep learning": true, "machine learning": true,
	"deep network": true, "language model": true, "large language model": true, "machine": true, "domain": true,
	// words for the kind of paper or claim, not its subject: arXiv's "A Factorial Study of…", "Evidence for…",
	// Hugging Face's "strong generalization performance" made topics of them (audit F7). Keys: a plural's s is
	// dropped (phraseKey), so "studie" is "studies".
	"study": true, "studie": true, "evidence": true, "generalization": true, "capability": true, "capabilitie": true,
	"approach": true, "result": true, "finding": true, "experiment": true, "insight": true, "effect": true,
	"impact": true, "improvement": true, "challenge": true, "problem": true, "task": true, "solution": true,
}

// Digest groups the papers of one page into at most eight topics, each labelled by a key phrase its
// papers share, largest first; papers that share nothing with another paper go last, under "Other".
// Every paper appears in exactly one topic. It is deterministic and returns an empty slice for no papers.
func Digest(papers []paper.Paper) []Topic {
	phrases := make([][]string, len(papers))
	for i, p := range papers {
		phrases[i] = KeyPhrases(p.Title, p.Abstract)
	}
	return DigestPhrases(papers, phrases)
}

// DigestPhrases is Digest for papers whose key phrases are known: phrases[i] must be KeyPhrases of paper i's
// title and abstract (its Summary's), which Digest would otherwise compute again; without one list per paper
// it computes them. The extension's page analysis has them from the summaries: computing them twice was most
// of the digest's time (a 200-paper listing in wasm under Node: 25-36 ms, now 5-13).
func DigestPhrases(papers []paper.Paper, phrases [][]string) []Topic {
	if len(papers) == 0 {
		return []Topic{}
	}
	if len(phrases) != len(papers) {
		return Digest(papers) // not one list per paper: computed here, so that the topics are still right
	}
	tt := termTable{index: make(map[string]int, 16*len(papers))} // real abstracts have about 30 a paper
	for i, p := range papers {
		tt.addPaper(i, p, phrases[i])
	}
	keys := make([]string, 0, len(tt.terms)/8)
	for t, j := range tt.index {
		// A term on (nearly) every paper of a large page says nothing about any of them.
		if n := len(tt.papers(j)); n >= 2 && (len(papers) < 5 || float64(n) <= 0.6*float64(len(papers))) {
			keys = append(keys, t)
		}
	}
	sort.Strings(keys)
	postings := make(map[string][]int, len(keys))
	surface := make(map[string]string, len(keys))
	for _, t := range keys {
		postings[t], surface[t] = tt.papers(tt.index[t]), tt.terms[tt.index[t]].surface
	}
	assigned := make([]bool, len(papers))
	var topics []Topic
	for len(topics) < maxTopics {
		best, bestScore := "", 0.0
		for _, t := range keys {
			cover := 0
			for _, i := range postings[t] {
				if !assigned[i] {
					cover++
				}
			}
			if cover < 2 {
				continue
			}
			// prefer phrases to single words at equal coverage: "graph neural network" over "graph"
			score := float64(cover) * (1 + 0.35*float64(strings.Count(t, " ")))
			if score > bestScore {
				best, bestScore = t, score
			}
		}
		if best == "" {
			break
		}
		topic := Topic{Label: surface[best], PaperIDs: []string{}}
		for _, i := range postings[best] { // ascending: page order
			if !assigned[i] {
				assigned[i] = true
				topic.PaperIDs = append(topic.PaperIDs, papers[i].ID)
			}
		}
		topics = append(topics, topic)
	}
	sort.SliceStable(topics, func(i, j int) bool { return len(topics[i].PaperIDs) > len(topics[j].PaperIDs) })
	other := Topic{Label: OtherLabel, PaperIDs: []string{}}
	for i, p := range papers {
		if !assigned[i] {
			other.PaperIDs = append(other.PaperIDs, p.ID)
		}
	}
	if len(other.PaperIDs) > 0 {
		topics = append(topics, other)
	}
	return topics
}

// termTable holds the terms of a page's papers (see addPaper): one map for the page, where a map per paper, a
// count map and a display-form map allocated 1.1-1.4 MB more for 200 real abstracts (BenchmarkAnalyzeRealListing).
type termTable struct {
	index map[string]int // key -> its place in terms
	terms []pageTerm
	lists [][]int // the papers of the terms on two or more, ascending
}

type pageTerm struct {
	surface string // the first display form seen
	first   int32  // the first paper it is on
	list    int32  // 1 + its place in lists, once it is on two papers
}

// papers returns the papers term j is on, nil for one.
func (tt *termTable) papers(j int) []int {
	if l := tt.terms[j].list; l > 0 {
		return tt.lists[l-1]
	}
	return nil
}

// addPaper records the keys of paper i's candidate phrases, and of their non-generic words, from its title
// and key phrases. Papers come in page order.
func (tt *termTable) addPaper(i int, p paper.Paper, keyPhrases []string) {
	fromKeys := false
	on := func(key, phrase string) {
		j, ok := tt.index[key]
		if !ok {
			tt.index[key] = len(tt.terms)
			tt.terms = append(tt.terms, pageTerm{surface: displayForm(phrase), first: int32(i)})
			return
		}
		switch t := &tt.terms[j]; {
		case t.list == 0:
			if int(t.first) != i {
				tt.lists = append(tt.lists, []int{int(t.first), i})
				t.list = int32(len(tt.lists))
			}
		case tt.lists[t.list-1][len(tt.lists[t.list-1])-1] != i:
			tt.lists[t.list-1] = append(tt.lists[t.list-1], i)
		}
	}
	add := func(phrase string) {
		key := phraseKey(phrase)
		if key == "" || !fromKeys && topicAdjectives.has(key) { // a title's bare "Complex" of "…for Complex Tasks"
			return
		}
		on(key, phrase)
		// every shorter run of words is a term too: "scalable graph neural networks" shares
		// "graph neural networks" with its neighbours
		words := strings.Fields(phrase)
		for n := len(words) - 1; n >= 1; n-- {
			for i := 0; i+n <= len(words); i++ {
				sub := strings.Join(words[i:i+n], " ")
				k := phraseKey(sub)
				// a word of topicAdjectives that ends a key phrase is its head, a noun: "protein complex" (a title's
				// phrase may end before the noun a generic word was: "Planning for Complex Tasks")
				if genericTerms[k] || n == 1 && !topicWord(k) && !(fromKeys && i == len(words)-1 && topicAdjectives.has(k)) {
					continue
				}
				on(k, sub)
			}
		}
	}
	for _, ph := range candidatePhrases(p.Title) {
		if k := phraseKey(ph); !genericTerms[k] {
			add(ph)
		}
	}
	fromKeys = true
	for _, ph := range keyPhrases {
		if k := phraseKey(ph); !genericTerms[k] {
			add(ph)
		}
	}
}

// topicWord reports a single word that can label a topic: a noun rather than an adjective or a verb form. k is a
// key (phraseKey): "continuous" is "continuou".
func topicWord(k string) bool {
	if len(k) < 3 || topicAdjectives.has(k) {
		return false
	}
	for _, suffix := range []string{"ive", "al", "ou", "less", "ed", "ic", "able", "ible", "ar"} {
		if strings.HasSuffix(k, suffix) {
			return false
		}
	}
	return !strings.HasSuffix(k, "ing") || nominalIng[k]
}
