package bridge

import (
	"fmt"
	"strings"

	"github.com/papergist/papergist/wasm/rank"
)

// MinLibrary is how many saved papers the index must hold before a listing is ranked: fewer say too little
// about the reader to mark anything.
const MinLibrary = 3

// maxPicks caps the papers one listing marks For you; a listing marks about one paper in ten, at least
// minPicks when it has that many close ones.
const (
	maxPicks = 10
	minPicks = 3
)

// LibraryRequest changes the library index the For-you ranking reads (see Analyzer.Library). Its papers are
// what the ranker reads of a saved paper: title, key phrases and tags (the background sends no abstract, as
// listing papers are ranked without theirs). The background
// loads it whole when the engine starts fresh (Reset, then Add in chunks, the last with Loaded), then sends
// each save, edit and removal as it happens. Add replaces a paper with the same ID; removing an unknown ID
// does nothing, so a change sent twice is harmless.
type LibraryRequest struct {
	Reset  bool         `json:"reset,omitempty"`
	Add    []rank.Paper `json:"add,omitempty"`
	Remove []string     `json:"remove,omitempty"`
	// Loaded marks the end of a full load: until then no listing is ranked, since a part of the library would
	// rank it wrong.
	Loaded bool `json:"loaded,omitempty"`
}

// LibraryState is Library's answer: how many saved papers the index holds, and whether it was loaded whole
// since the engine started (false: the background must load it).
type LibraryState struct {
	Size   int  `json:"size"`
	Loaded bool `json:"loaded"`
}

// Pick is a listing paper marked For you, with its reason: the title of the saved paper closest to it and how
// many more saved papers are close to it too ("like Attention Is All You Need and 2 more you saved").
type Pick struct {
	PaperID string `json:"paper_id"`
	Like    string `json:"like"`
	More    int    `json:"more"`
}

// Library applies a LibraryRequest (a JSON string, as the host passes it) to the library index and returns the
// envelope of the LibraryState. Errors: "invalid" for JSON that is not a LibraryRequest.
func (a *Analyzer) Library(request string) string {
	return guard(func() (string, error) {
		var req LibraryRequest
		if err := decodeLibraryRequest(request, &req); err != nil {
			return "", fmt.Errorf("%w: library: %v", ErrBadRequest, err)
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		if req.Reset || len(req.Add) > 0 || len(req.Remove) > 0 {
			a.libraryVersion++
		}
		if req.Reset || a.library == nil {
			a.library, a.libraryLoaded = rank.NewIndex(), false
		}
		for _, id := range req.Remove {
			a.library.Remove(id)
		}
		for _, p := range req.Add {
			a.library.Add(p)
		}
		if req.Loaded {
			a.libraryLoaded = true
		}
		return envelope(LibraryState{Size: a.library.Len(), Loaded: a.libraryLoaded}, nil), nil
	})
}

// forYou ranks a page's entries against the library and returns its best matches, best first: papers not
// saved already, with at least one saved paper close to them. Nil when the library is not loaded or too small.
func (a *Analyzer) forYou(entries []Entry) []Pick {
	ix := a.library
	if ix == nil || !a.libraryLoaded || ix.Len() < MinLibrary || len(entries) < 2 {
		return nil
	}
	// Titles and key phrases, not abstracts: the key phrases carry an abstract's topic, and abstracts would make
	// a 500-paper listing against 5,000 saved papers several times slower (about 180 ms natively instead of 40).
	listing := make([]rank.Paper, len(entries))
	for i, e := range entries {
		listing[i] = rank.Paper{ID: e.Paper.ID, Title: e.Paper.Title, KeyPhrases: e.Summary.KeyPhrases}
	}
	want := min(maxPicks, max(minPicks, (len(entries)+9)/10))
	var picks []Pick
	for _, s := range ix.Rank(listing) {
		if len(picks) == want || s.Score <= 0 {
			break
		}
		if ix.Has(s.ID) || len(s.Like) == 0 {
			continue
		}
		picks = append(picks, Pick{PaperID: s.ID, Like: ix.Title(s.Like[0]), More: len(s.Like) - 1})
	}
	return picks
}

// withForYou puts the picks, and whether the library index was still loading (Analysis.LibraryLoading), into an
// Analysis envelope made without them, before its last field (timing).
func withForYou(answer string, picks []Pick, loading bool) string {
	if len(picks) == 0 && !loading {
		return answer
	}
	i := strings.LastIndex(answer, `,"timing":`)
	if i < 0 {
		return answer
	}
	var add string
	if len(picks) > 0 {
		add = `,"for_you":` + asciiJSON(appendPicks(nil, picks))
	}
	if loading {
		add += `,"library_loading":true`
	}
	return answer[:i] + add + answer[i:]
}
