// Package lookup turns the answers of the metadata APIs a saved PDF is looked up in (Crossref works and
// title search, OpenReview notes) into papers, and decides whether a search hit is the paper a PDF showed.
// Pure functions over the bytes the extension fetched: no I/O.
package lookup

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/papergist/papergist/shared/paper"
)

// ErrNotFound means the answer holds no paper.
var ErrNotFound = errors.New("the metadata service does not know this paper")

type crossrefWork struct {
	DOI      string   `json:"DOI"`
	Title    []string `json:"title"`
	Abstract string   `json:"abstract"`
	URL      string   `json:"URL"`
	Author   []struct {
		Given    string `json:"given"`
		Family   string `json:"family"`
		Name     string `json:"name"`
		Sequence string `json:"sequence"`
	} `json:"author"`
	Container []string `json:"container-title"`
	Issued    struct {
		DateParts [][]int `json:"date-parts"`
	} `json:"issued"`
}

var jatsTagRe = regexp.MustCompile(`<[^>]*>`)

// jatsAbstract is the text of a JATS abstract, without its "Abstract" heading.
func jatsAbstract(s string) string {
	s = strings.ReplaceAll(s, "</jats:p>", " ")
	s = jatsTagRe.ReplaceAllString(s, " ")
	s = paper.CleanText(s)
	for _, h := range []string{"Abstract ", "ABSTRACT ", "Abstract. ", "Summary "} {
		s = strings.TrimPrefix(s, h)
	}
	return s
}

func (w crossrefWork) paper() paper.Paper {
	p := paper.Paper{DOI: w.DOI, Abstract: jatsAbstract(w.Abstract), Authors: []string{}}
	if len(w.Title) > 0 {
		p.Title = w.Title[0]
	}
	if len(w.Container) > 0 {
		p.Venue = w.Container[0]
	}
	for _, a := range w.Author {
		name := strings.TrimSpace(a.Given + " " + a.Family)
		if name == "" {
			name = a.Name
		}
		if name != "" {
			p.Authors = append(p.Authors, name)
		}
	}
	if d := w.Issued.DateParts; len(d) > 0 && len(d[0]) > 0 && d[0][0] > 0 {
		parts := make([]string, 0, 3)
		for i, n := range d[0] {
			if i == 0 {
				parts = append(parts, fmt.Sprintf("%04d", n))
			} else {
				parts = append(parts, fmt.Sprintf("%02d", n))
			}
		}
		p.Published = strings.Join(parts, "-")
	}
	p.URL = "https://doi.org/" + strings.ToLower(w.DOI)
	p.Normalize()
	return p
}

// Crossref reads the answer of api.crossref.org/works/DOI.
func Crossref(body []byte) (paper.Paper, error) {
	var env struct {
		Message crossrefWork `json:"message"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return paper.Paper{}, fmt.Errorf("crossref: %w", err)
	}
	if env.Message.DOI == "" || len(env.Message.Title) == 0 {
		return paper.Paper{}, ErrNotFound
	}
	p := env.Message.paper()
	return p, p.Validate()
}

// CrossrefSearch reads the answer of api.crossref.org/works?query.bibliographic=TITLE and returns the first
// item whose title is the same as title (SameTitle); ErrNotFound when none is.
func CrossrefSearch(body []byte, title string) (paper.Paper, error) {
	var env struct {
		Message struct {
			Items []crossrefWork `json:"items"`
		} `json:"message"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return paper.Paper{}, fmt.Errorf("crossref: %w", err)
	}
	for _, w := range env.Message.Items {
		if len(w.Title) > 0 && w.DOI != "" && SameTitle(title, w.Title[0]) {
			p := w.paper()
			return p, p.Validate()
		}
	}
	return paper.Paper{}, ErrNotFound
}

// OpenReview reads the answer of api2.openreview.net/notes?id=ID (API v2: content fields are {value}) or of
// the v1 API (plain content fields).
func OpenReview(body []byte) (paper.Paper, error) {
	var env struct {
		Notes []struct {
			ID      string                     `json:"id"`
			Forum   string                     `json:"forum"`
			Content map[string]json.RawMessage `json:"content"`
			PDate   int64                      `json:"pdate"`
		} `json:"notes"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return paper.Paper{}, fmt.Errorf("openreview: %w", err)
	}
	if len(env.Notes) == 0 {
		return paper.Paper{}, ErrNotFound
	}
	n := env.Notes[0]
	field := func(k string, out any) {
		raw := n.Content[k]
		var wrapped struct {
			Value json.RawMessage `json:"value"`
		}
		if json.Unmarshal(raw, &wrapped) == nil && wrapped.Value != nil {
			raw = wrapped.Value
		}
		_ = json.Unmarshal(raw, out)
	}
	var p paper.Paper
	field("title", &p.Title)
	field("authors", &p.Authors)
	field("abstract", &p.Abstract)
	field("venue", &p.Venue)
	id := n.Forum
	if id == "" {
		id = n.ID
	}
	p.ID = paper.OpenReviewPrefix + id
	p.URL = "https://openreview.net/forum?id=" + id
	p.PDFURL = "https://openreview.net/pdf?id=" + id
	p.Normalize()
	return p, p.Validate()
}

// SameTitle reports whether two titles name the same paper: equal after folding case, accents, punctuation
// and spaces, or differing in at most one word in ten (a subtitle's colon, a hyphenation, an OCR slip).
func SameTitle(a, b string) bool {
	wa, wb := words(a), words(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	if strings.Join(wa, "") == strings.Join(wb, "") {
		return true
	}
	d := editDistance(wa, wb)
	return d*10 <= max(len(wa), len(wb)) && len(wa) >= 3
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(paper.CleanText(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func editDistance(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
