package syncproto

import (
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/papergist/papergist/shared/paper"
)

// Field limits, in characters (runes) unless said otherwise. They bound storage and export size, not taste.
const (
	MaxTitle      = 1000
	MaxAuthors    = 1000
	MaxAuthor     = 300
	MaxAbstract   = 20000
	MaxURL        = 2048
	MaxTLDR       = 2000
	MaxKeyphrases = 100
	MaxKeyphrase  = 200
	MaxTags       = 100
	MaxTag        = 64
	MaxNote       = 100000
	MaxVenue      = 500
)

// MaxVersion is the largest version a client may name (a base version, a since): versions travel as JSON
// numbers, which the extension reads as JavaScript's, exact only below 2^53.
const MaxVersion = 1<<53 - 1

// NormalizeTags returns tags as a set: trimmed, inner whitespace collapsed, lower-cased (rune by rune), empty
// ones dropped, unique, sorted. The extension applies the same rule (extension/lib/saved.js normalizeTags); both
// run testdata/tags.json.
func NormalizeTags(tags []string) []string {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		if t = strings.ToLower(strings.Join(strings.Fields(t), " ")); t != "" {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Normalize validates c and puts its fields in canonical form (tags as a set, trimmed text, UTC time).
// It returns an *Error with CodeInvalid naming the first bad field.
func (c *Change) Normalize() error {
	if _, err := paper.ParseID(c.ID); err != nil {
		return Errorf(CodeInvalid, "%v", err)
	}
	if err := baseVersion(c.BaseVersion); err != nil {
		return err
	}
	if err := text("title", c.Title, MaxTitle, false); err != nil {
		return err
	}
	if c.Title != nil && *c.Title == "" {
		return Errorf(CodeInvalid, "title: must not be empty")
	}
	if err := list("authors", c.Authors, MaxAuthors, MaxAuthor, false); err != nil {
		return err
	}
	if err := text("abstract", c.Abstract, MaxAbstract, true); err != nil {
		return err
	}
	if err := link("url", c.URL); err != nil {
		return err
	}
	if err := link("pdf_url", c.PDFURL); err != nil {
		return err
	}
	if err := text("tldr", c.TLDR, MaxTLDR, true); err != nil {
		return err
	}
	if err := list("keyphrases", c.Keyphrases, MaxKeyphrases, MaxKeyphrase, false); err != nil {
		return err
	}
	if c.Tags != nil {
		tags := NormalizeTags(*c.Tags)
		if len(tags) > MaxTags {
			return Errorf(CodeInvalid, "tags: more than %d", MaxTags)
		}
		for _, t := range tags {
			if utf8.RuneCountInString(t) > MaxTag || strings.IndexFunc(t, unicode.IsControl) >= 0 {
				return Errorf(CodeInvalid, "tags: %s is longer than %d characters or has control characters", paper.Quote(t), MaxTag)
			}
		}
		c.Tags = &tags
	}
	if err := text("note", c.Note, MaxNote, true); err != nil {
		return err
	}
	if err := published(c.Published); err != nil {
		return err
	}
	if err := text("venue", c.Venue, MaxVenue, false); err != nil {
		return err
	}
	for i, f := range c.Lifted {
		if (f != "published" && f != "venue") || slices.Contains(c.Lifted[:i], f) ||
			(f == "published" && c.Published == nil) || (f == "venue" && c.Venue == nil) {
			return Errorf(CodeInvalid, "lifted: %s is not a published or venue this change sets, once", paper.Quote(f))
		}
	}
	if c.SavedAt != nil {
		// In UTC, as it is stored and sent back: an offset can move a time across a year's end (9999 → 10000,
		// which no JSON time can carry).
		t := c.SavedAt.UTC().Truncate(1e6)
		if t.Year() < 1990 || t.Year() > 9999 {
			return Errorf(CodeInvalid, "saved_at: out of range")
		}
		c.SavedAt = &t
	}
	return nil
}

// Normalize validates d: a canonical paper ID and a base version from 0 to MaxVersion, as for a Change. It
// returns an *Error with CodeInvalid.
func (d *Deletion) Normalize() error {
	if _, err := paper.ParseID(d.ID); err != nil {
		return Errorf(CodeInvalid, "%v", err)
	}
	return baseVersion(d.BaseVersion)
}

// baseVersion checks a change's or deletion's base version: one beyond MaxVersion names none the server gave,
// and would pass every conflict check.
func baseVersion(v int64) error {
	if v < 0 || v > MaxVersion {
		return Errorf(CodeInvalid, "base_version: must be a version number, 0 to %d", int64(MaxVersion))
	}
	return nil
}

// text checks a free-text field; multiline allows newlines and tabs (abstract, note), others are trimmed.
func text(field string, s *string, max int, multiline bool) error {
	if s == nil {
		return nil
	}
	if !utf8.ValidString(*s) {
		return Errorf(CodeInvalid, "%s: not valid UTF-8", field)
	}
	if !multiline {
		v := strings.TrimSpace(*s)
		*s = v
	}
	if utf8.RuneCountInString(*s) > max {
		return Errorf(CodeInvalid, "%s: longer than %d characters", field, max)
	}
	bad := func(r rune) bool {
		return r == 0 || (unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\t' || r == '\r')))
	}
	if strings.IndexFunc(*s, bad) >= 0 {
		return Errorf(CodeInvalid, "%s: has control characters", field)
	}
	return nil
}

func list(field string, xs *[]string, maxLen, maxItem int, _ bool) error {
	if xs == nil {
		return nil
	}
	if *xs == nil {
		*xs = []string{}
	}
	if len(*xs) > maxLen {
		return Errorf(CodeInvalid, "%s: more than %d entries", field, maxLen)
	}
	for i := range *xs {
		if err := text(field, &(*xs)[i], maxItem, false); err != nil {
			return err
		}
		if (*xs)[i] == "" {
			return Errorf(CodeInvalid, "%s: entry %d is empty", field, i+1)
		}
	}
	return nil
}

// published checks a publication date: trimmed, empty or "YYYY", "YYYY-MM", "YYYY-MM-DD" naming a real day.
// (Checked by hand: regexp would add some 90 KB gzipped to the listing wasm, which links this package.)
func published(s *string) error {
	if err := text("published", s, 10, false); err != nil || s == nil || *s == "" {
		return err
	}
	if !validPublished(*s) {
		return Errorf(CodeInvalid, "published: %s is not a date as YYYY, YYYY-MM or YYYY-MM-DD", paper.Quote(*s))
	}
	return nil
}

func validPublished(s string) bool {
	num := func(t string) int {
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return -1
			}
			n = n*10 + int(t[i]-'0')
		}
		return n
	}
	if (len(s) != 4 && len(s) != 7 && len(s) != 10) || num(s[:4]) < 0 {
		return false
	}
	if len(s) == 4 {
		return true
	}
	month := num(s[5:7])
	if s[4] != '-' || month < 1 || month > 12 {
		return false
	}
	if len(s) == 7 {
		return true
	}
	year, day := num(s[:4]), num(s[8:10])
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month]
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		days = 29
	}
	return s[7] == '-' && day >= 1 && day <= days
}

func link(field string, s *string) error {
	if err := text(field, s, MaxURL, false); err != nil || s == nil || *s == "" {
		return err
	}
	u, err := url.Parse(*s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Errorf(CodeInvalid, "%s: %s is not an absolute http(s) URL", field, paper.Quote(*s))
	}
	return nil
}

// Validate checks the item a merge produced: the one rule no single change can check, a title.
func (it *Item) Validate() error {
	if it.Title == "" {
		return Errorf(CodeInvalid, "title: a saved item needs a title")
	}
	return nil
}
