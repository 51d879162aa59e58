// Package paper is the paper model shared by the extension's wasm module and the sync backend:
// a Paper, its canonical ID, and the text normalization every site adapter applies.
package paper

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Paper is one scholarly paper as papergist shows, saves and syncs it.
type Paper struct {
	// ID is the canonical ID (see ParseID): arxiv:2401.12345, doi:10.1000/x, openreview:ID, acl:ID, s2:ID or url:URL.
	ID string `json:"id"`
	// Version is the arXiv version the page shows ("v7"); kept apart so every version shares one ID.
	Version string `json:"version,omitempty"`
	// Title with whitespace and entities normalized; TeX is kept as written, made readable.
	Title string `json:"title"`
	// Authors are display names in reading order ("John Jumper", not "Jumper, John").
	Authors []string `json:"authors"`
	// Abstract is the full abstract as plain text, when the page has it.
	Abstract string `json:"abstract,omitempty"`
	// URL is the paper's landing page, absolute.
	URL string `json:"url"`
	// PDFURL is a direct link to the PDF, absolute, when the page has one.
	PDFURL string `json:"pdf_url,omitempty"`
	// Published is the publication or first-submission date: YYYY-MM-DD, YYYY-MM or YYYY.
	Published string `json:"published,omitempty"`
	// Venue is the journal, conference or workshop, when the page names one.
	Venue string `json:"venue,omitempty"`
	// Categories are subject classes (arXiv "cs.CL") or keywords the page gives.
	Categories []string `json:"categories,omitempty"`
	// ArxivID is the arXiv identifier without version, when known, even if ID is of another kind.
	ArxivID string `json:"arxiv_id,omitempty"`
	// DOI is the lower-cased DOI without resolver prefix, when known.
	DOI string `json:"doi,omitempty"`
	// Locator tells the extension where the paper's entry is in the live page.
	Locator Locator `json:"locator"`
}

// Locator finds a paper's entry in the live DOM so that a card can be placed right under it.
// Href is tried first; Selector when the entry has no distinctive link.
type Locator struct {
	// Href is the absolute URL of the entry's title link (or another link unique to the entry).
	Href string `json:"href,omitempty"`
	// Selector is a CSS selector of the element that the card goes after.
	Selector string `json:"selector,omitempty"`
	// Link is 1 + the position of a link to Href among the page's links as the browser lists them
	// (document.links: a and area elements with an href, in document order), so that the extension reaches
	// it without resolving every link of the page; 0 when not known. The page may have changed since it was
	// read, so the extension checks that link's href first.
	Link int `json:"link,omitempty"`
}

// Error is a validation error with a stable code, so callers can map it without parsing messages.
type Error struct {
	Code    string // "invalid"
	Field   string
	Message string
}

func (e *Error) Error() string {
	if e.Field == "" {
		return e.Message
	}
	return e.Field + ": " + e.Message
}

// quoteMax is how many characters of a bad value an error message quotes.
const quoteMax = 60

// Quote quotes s for an error message, cut after quoteMax characters: bad input is named, never echoed whole.
func Quote(s string) string {
	if utf8.RuneCountInString(s) <= quoteMax {
		return strconv.Quote(s)
	}
	r := []rune(s)
	return strconv.Quote(string(r[:quoteMax])) + fmt.Sprintf("… (%d bytes)", len(s))
}

func invalid(field, format string, args ...any) *Error {
	return &Error{Code: "invalid", Field: field, Message: fmt.Sprintf(format, args...)}
}

// Validate reports the first thing that makes p unfit to show or save.
func (p *Paper) Validate() error {
	if _, err := ParseID(p.ID); err != nil {
		return err
	}
	if strings.TrimSpace(p.Title) == "" {
		return invalid("title", "title is empty")
	}
	for i, a := range p.Authors {
		if strings.TrimSpace(a) == "" {
			return invalid("authors", "author %d is empty", i+1)
		}
	}
	if err := checkURL("url", p.URL, true); err != nil {
		return err
	}
	if err := checkURL("pdf_url", p.PDFURL, false); err != nil {
		return err
	}
	if p.Published != "" && !validDate(p.Published) {
		return invalid("published", "%s is not YYYY-MM-DD, YYYY-MM or YYYY", Quote(p.Published))
	}
	if p.Version != "" && !isArxivVersion(p.Version) {
		return invalid("version", "%s is not an arXiv version like v2", Quote(p.Version))
	}
	return nil
}

func checkURL(field, raw string, required bool) error {
	if raw == "" {
		if required {
			return invalid(field, "is empty")
		}
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return invalid(field, "%s is not an absolute http(s) URL", Quote(raw))
	}
	return nil
}

func validDate(s string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			if _, _, _, ok := parseDate(layout, s); ok {
				return true
			}
		}
	}
	return false
}

// Normalize cleans every text field (entities, whitespace, TeX accents), turns "Last, First" authors into
// display names, drops empty authors and categories, and derives ID from ArxivID or DOI when ID is empty.
func (p *Paper) Normalize() {
	p.Title = CleanTitle(p.Title)
	p.Abstract = CleanText(p.Abstract)
	p.Venue = CleanText(p.Venue)
	p.Published = NormalizeDate(p.Published)
	authors := p.Authors[:0]
	for _, a := range p.Authors {
		if a = DisplayName(a); a != "" {
			authors = append(authors, a)
		}
	}
	p.Authors = authors
	if p.Authors == nil {
		p.Authors = []string{}
	}
	cats := p.Categories[:0]
	for _, c := range p.Categories {
		if c = CleanText(c); c != "" && !contains(cats, c) {
			cats = append(cats, c)
		}
	}
	p.Categories = cats
	if len(p.Categories) == 0 {
		p.Categories = nil
	}
	if p.DOI != "" {
		p.DOI, _ = normalizeDOI(p.DOI)
	}
	if p.ArxivID == "" && p.DOI != "" {
		if id, ok := arxivFromDOI(p.DOI); ok {
			p.ArxivID = id
		}
	}
	if p.ArxivID != "" {
		if id, v, ok := ParseArxiv(p.ArxivID); ok {
			p.ArxivID = id
			if p.Version == "" {
				p.Version = v
			}
		}
	}
	if p.ID == "" {
		switch {
		case p.ArxivID != "":
			p.ID = ArxivPrefix + p.ArxivID
		case p.DOI != "":
			p.ID = IDFromDOI(p.DOI)
		case p.URL != "":
			p.ID = IDFromURL(p.URL)
		}
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
