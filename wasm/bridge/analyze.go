package bridge

import (
	"fmt"
	"hash/maphash"
	"strings"
	"sync"
	"unsafe"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/extract"
	"github.com/papergist/papergist/wasm/rank"
	"github.com/papergist/papergist/wasm/summarize"
)

// Where an Entry's abstract comes from.
const (
	AbstractPage    = "page"    // the page shows it
	AbstractFetched = "fetched" // from the arXiv API: this request's Abstracts or an earlier one's
	AbstractPending = "pending" // the page shows none and the arXiv API has it: analyze again with Abstracts
	AbstractMissing = "missing" // none to be had
	AbstractFailed  = "failed"  // the fetch of the arXiv API failed (AbstractsFailed)
)

// feedURL is the URL the extractor reads an Abstracts feed as: the arXiv API's Atom answer.
const feedURL = "https://export.arxiv.org/api/query"

// AnalyzeRequest is one state of a page, as the content script sent it.
type AnalyzeRequest struct {
	// HTML is the page's serialized DOM, URL its address (absolute http(s)).
	HTML string `json:"html"`
	URL  string `json:"url"`
	// Abstracts are answers of the arXiv API (Atom from export.arxiv.org/api/query) for the page's papers
	// whose abstract was "pending". Their abstracts fill those papers, and the next pages that list them, for
	// the engine's life; pending papers they do not cover become "missing".
	Abstracts []string `json:"abstracts,omitempty"`
	// AbstractsFailed says fetching the pending abstracts failed: those papers become "failed".
	AbstractsFailed bool `json:"abstracts_failed,omitempty"`
	// ForYou asks for the page's best matches against the library index (Analysis.ForYou).
	ForYou bool `json:"for_you,omitempty"`
	// Papers, given instead of HTML, are papers known without a page (a PDF's metadata from Crossref, say):
	// they are summarized as they are, in order, with no extraction and no digest. At most MaxGivenPapers; one
	// with neither title nor abstract gets an empty summary.
	Papers []paper.Paper `json:"papers,omitempty"`
	// PapersJSON is Papers as a JSON array, as the wasm glue passes them (wasm/main.go); Analyze decodes it.
	PapersJSON string `json:"-"`
}

// MaxGivenPapers caps AnalyzeRequest.Papers.
const MaxGivenPapers = 100

// Analysis is what a page state shows: its papers with their summaries, and its digest.
type Analysis struct {
	// Site names the extractor adapter that read the page ("arxiv", …, "generic").
	Site string `json:"site"`
	// Entries are the page's papers in page order.
	Entries []Entry `json:"entries"`
	// Topics group the entries' papers for the page digest.
	Topics []summarize.Topic `json:"topics"`
	// ForYou are the page's papers closest to the library, best first, when the request asked and the
	// library index holds at least MinLibrary papers (see Analyzer.Library).
	ForYou []Pick `json:"for_you,omitempty"`
	// LibraryLoading says the request asked For you while the library index was not yet whole (a fresh engine
	// being sent the library): the page went unranked, and should ask again once the index is in.
	LibraryLoading bool `json:"library_loading,omitempty"`
	// Timing is where this call spent its time; all zero when the answer was cached.
	Timing Timing `json:"timing"`
}

// Timing is where one Analyze call spent its time, in milliseconds.
type Timing struct {
	Extract   float64 `json:"extract"`
	Abstracts float64 `json:"abstracts"`
	Summarize float64 `json:"summarize"`
	Digest    float64 `json:"digest"`
	Rank      float64 `json:"rank"`
}

// Entry is one paper of a page with its summary.
type Entry struct {
	Paper   paper.Paper       `json:"paper"`
	Summary summarize.Summary `json:"summary"`
	// Abstract is one of AbstractPage, AbstractFetched, AbstractPending, AbstractMissing, AbstractFailed.
	Abstract string `json:"abstract"`
}

// Cache sizes: pages are a few KB of papers each (never their HTML); a summary is about 300 bytes.
const (
	maxPages     = 24
	maxSummaries = 8192
	maxAbstracts = 8192
)

// Analyzer answers Analyze and keeps the one cache of the extension's page work: extraction results by
// page, summaries by paper text, abstracts fetched from the arXiv API by arXiv ID, and each page's last
// answer. A page seen again unchanged costs one hash of its HTML.
type Analyzer struct {
	mu        sync.Mutex
	seed      maphash.Seed
	pages     map[uint64]*pageState
	order     []uint64                     // pages, least recently used first
	summaries map[uint64]summarize.Summary // by hash of ID, title and abstract
	now       func() float64
	abstracts map[string]string

	library        *rank.Index // the saved papers, for ForYou; nil until the first Library call
	libraryLoaded  bool
	libraryVersion int // counts the Library calls, so that a page's picks are kept until the library changes
}

type pageState struct {
	site   string
	papers []paper.Paper
	// the last answer for this page, and the abstract states it was computed for
	states string
	// answer, with its Timing zeroed from byte timing on unless timing is 0 (done at the first use: the copy is
	// as large as the answer, 400 KB for 200 real abstracts, and most pages are not asked for again unchanged)
	answer  string
	timing  int
	entries []Entry // the answer's, to rank
	// the picks of the answer's entries, made at libraryVersion picked-1 (0: none made)
	picks  []Pick
	picked int
}

// NewAnalyzer returns an Analyzer with empty caches. now is a clock in milliseconds for Analysis.Timing (the
// wasm passes performance.now, which costs less module size than package time); nil leaves Timing zero.
func NewAnalyzer(now func() float64) *Analyzer {
	if now == nil {
		now = func() float64 { return 0 }
	}
	return &Analyzer{
		seed:      maphash.MakeSeed(),
		pages:     map[uint64]*pageState{},
		summaries: map[uint64]summarize.Summary{},
		abstracts: map[string]string{},
		now:       now,
	}
}

// Analyze extracts the papers of a page state, fills the abstracts it knows, summarizes and digests them, and
// returns the envelope of an Analysis. Errors: "invalid" (no HTML or URL, a bad URL, an empty page, an Abstracts
// feed that is not the arXiv API's), "too_large" (a page over extract.MaxPageSize), "internal".
func (a *Analyzer) Analyze(req AnalyzeRequest) string {
	return guard(func() (string, error) { return a.analyze(req) })
}

func (a *Analyzer) analyze(req AnalyzeRequest) (string, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if req.PapersJSON != "" {
		if err := decodePapers(req.PapersJSON, &req.Papers); err != nil {
			return "", fmt.Errorf("%w: papers: %v", ErrBadRequest, err)
		}
	}
	if len(req.Papers) > 0 {
		return a.given(req)
	}
	var timing Timing
	since := func(t float64) float64 { return a.now() - t }

	t := a.now()
	key := maphash.String(a.seed, req.URL) ^ maphash.String(a.seed, req.HTML)*31
	page, err := a.page(key, req)
	if err != nil {
		return "", err
	}
	timing.Extract = since(t)

	t = a.now()
	for i, feed := range req.Abstracts {
		res, err := extract.Extract(readOnlyBytes(feed), feedURL)
		if err != nil {
			return "", fmt.Errorf("%w: abstracts[%d]: %v", ErrBadRequest, i, err)
		}
		for _, p := range res.Papers {
			if p.ArxivID != "" && p.Abstract != "" {
				if len(a.abstracts) >= maxAbstracts {
					clear(a.abstracts)
				}
				a.abstracts[p.ArxivID] = p.Abstract
			}
		}
	}
	papers := make([]paper.Paper, len(page.papers))
	copy(papers, page.papers)
	states := make([]string, len(papers))
	var sig strings.Builder
	for i := range papers {
		p := &papers[i]
		switch abstract, known := a.abstracts[p.ArxivID]; {
		case p.Abstract != "":
			states[i] = AbstractPage
		case p.ArxivID == "":
			states[i] = AbstractMissing
		case known:
			p.Abstract, states[i] = abstract, AbstractFetched
		case req.AbstractsFailed:
			states[i] = AbstractFailed
		case len(req.Abstracts) > 0:
			states[i] = AbstractMissing
		default:
			states[i] = AbstractPending
		}
		sig.WriteString(states[i])
		sig.WriteByte(',')
	}
	timing.Abstracts = since(t)
	if page.answer != "" && page.states == sig.String() {
		if page.timing > 0 {
			page.answer, page.timing = page.answer[:page.timing]+`,"timing":{"extract":0,"abstracts":0,"summarize":0,"digest":0,"rank":0}}}`, 0
		}
		if !req.ForYou {
			return page.answer, nil
		}
		if page.picked != a.libraryVersion+1 {
			page.picks, page.picked = a.forYou(page.entries), a.libraryVersion+1
		}
		return withForYou(page.answer, page.picks, !a.libraryLoaded), nil
	}

	t = a.now()
	entries := make([]Entry, len(papers))
	phrases := make([][]string, len(papers))
	for i, p := range papers {
		entries[i] = Entry{Paper: p, Summary: a.summary(p), Abstract: states[i]}
		phrases[i] = entries[i].Summary.KeyPhrases
	}
	timing.Summarize = since(t)
	t = a.now()
	topics := summarize.DigestPhrases(papers, phrases)
	if topics == nil {
		topics = []summarize.Topic{}
	}
	timing.Digest = since(t)
	var picks []Pick
	if req.ForYou {
		t = a.now()
		picks = a.forYou(entries)
		timing.Rank = since(t)
	}

	fresh := envelope(Analysis{Site: page.site, Entries: entries, Topics: topics, Timing: timing}, nil)
	// The cached answer says it cost nothing: the same JSON with Timing, its last field, zeroed. The picks go
	// in per call: the library changes while the page does not.
	page.states, page.entries = sig.String(), entries
	page.picks, page.picked = picks, 0
	if req.ForYou {
		page.picked = a.libraryVersion + 1
	}
	page.answer, page.timing = fresh, max(strings.LastIndex(fresh, `,"timing":`), 0)
	return withForYou(fresh, picks, req.ForYou && !a.libraryLoaded), nil
}

// page returns the extraction of a page state, from the cache or the extractor.
func (a *Analyzer) page(key uint64, req AnalyzeRequest) (*pageState, error) {
	if p, ok := a.pages[key]; ok {
		a.touch(key)
		return p, nil
	}
	if req.URL == "" {
		return nil, fmt.Errorf("%w: analyze wants {html, url}", ErrBadRequest)
	}
	res, err := extract.Extract(readOnlyBytes(req.HTML), req.URL)
	if err != nil {
		return nil, err
	}
	if len(a.order) >= maxPages {
		delete(a.pages, a.order[0])
		a.order = a.order[1:]
	}
	p := &pageState{site: res.Site, papers: res.Papers}
	a.pages[key] = p
	a.order = append(a.order, key)
	return p, nil
}

// readOnlyBytes is s's bytes, for a function that never writes to them (extract.Extract): a copy of a page
// of 200 real abstracts is 470 KB more to collect.
func readOnlyBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

func (a *Analyzer) touch(key uint64) {
	for i, k := range a.order {
		if k == key {
			a.order = append(append(a.order[:i:i], a.order[i+1:]...), key)
			return
		}
	}
}

// summary returns the summary of p's title and abstract, from the cache or the summarizer.
func (a *Analyzer) summary(p paper.Paper) summarize.Summary {
	// the three hashed apart, as the page key: joining them was 220 KB a page of real abstracts, and
	// maphash.Hash 1.5 KB of module
	k := maphash.String(a.seed, p.ID) ^ maphash.String(a.seed, p.Title)*31 ^ maphash.String(a.seed, p.Abstract)*961
	if s, ok := a.summaries[k]; ok {
		return s
	}
	s := summarize.Summarize(p.Title, p.Abstract)
	if s.KeyPhrases == nil {
		s.KeyPhrases = []string{}
	}
	if len(a.summaries) >= maxSummaries {
		clear(a.summaries)
	}
	a.summaries[k] = s
	return s
}

// given summarizes papers known without a page (AnalyzeRequest.Papers).
func (a *Analyzer) given(req AnalyzeRequest) (string, error) {
	if req.HTML != "" || len(req.Abstracts) > 0 {
		return "", fmt.Errorf("%w: analyze wants either {html, url} or {papers}", ErrBadRequest)
	}
	if len(req.Papers) > MaxGivenPapers {
		return "", fmt.Errorf("%w: more than %d papers", ErrBadRequest, MaxGivenPapers)
	}
	t := a.now()
	entries := make([]Entry, len(req.Papers))
	for i, p := range req.Papers {
		state := AbstractPage
		if p.Abstract == "" {
			state = AbstractMissing
		}
		// A paper with neither title nor abstract (a PDF that shows none) has nothing to summarize.
		summary := summarize.Summary{KeyPhrases: []string{}}
		if strings.TrimSpace(p.Title) != "" || strings.TrimSpace(p.Abstract) != "" {
			summary = a.summary(p)
		}
		entries[i] = Entry{Paper: p, Summary: summary, Abstract: state}
	}
	return envelope(Analysis{Site: "given", Entries: entries, Topics: []summarize.Topic{}, Timing: Timing{Summarize: a.now() - t}}, nil), nil
}
