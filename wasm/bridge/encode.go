package bridge

import (
	"errors"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/shared/syncproto"
	"github.com/papergist/papergist/wasm/internal/jsontree"
	"github.com/papergist/papergist/wasm/summarize"
)

// The answers are written with jsontree's appends, field by field in the order of the types' json tags, as
// json.Marshal writes them (the tests compare the two byte for byte), without encoding/json's reflection
// (package jsontree says what it costs). A field added to one of these types must be added here too, which
// the tests catch by marshalling every type with all its fields set.

var errUnsupported = errors.New("JSON: unsupported envelope data")

func appendEnvelope(b []byte, e Envelope) ([]byte, error) {
	b = append(b, '{')
	b = jsontree.AppendKey(b, "ok")
	b = jsontree.AppendBool(b, e.OK)
	var err error
	switch d := e.Data.(type) {
	case nil:
	case Analysis:
		b = jsontree.AppendKey(b, "data")
		if b, err = appendAnalysis(b, d); err != nil {
			return b, err
		}
	case LibraryState:
		b = jsontree.AppendKey(b, "data")
		b = append(b, '{')
		b = jsontree.AppendKey(b, "size")
		b = jsontree.AppendInt(b, d.Size)
		b = jsontree.AppendKey(b, "loaded")
		b = jsontree.AppendBool(b, d.Loaded)
		b = append(b, '}')
	default:
		return b, errUnsupported
	}
	if e.Error != nil {
		b = jsontree.AppendKey(b, "error")
		b = appendError(b, e.Error)
	}
	return append(b, '}'), nil
}

// answerSize is a little more than the JSON of v's text when v is an Analysis (its keys, numbers and escapes
// take about 200 bytes a paper), 0 otherwise; text with many escapes (control characters) outgrows it, and the
// buffer grows once, as without the estimate.
func answerSize(v any) int {
	a, ok := v.(Analysis)
	if !ok {
		return 0
	}
	n := 512 + len(a.Site)
	for _, p := range a.ForYou {
		n += 64 + len(p.PaperID) + len(p.Like)
	}
	for i := range a.Entries {
		e := &a.Entries[i]
		p := &e.Paper
		n += 240 + len(p.ID) + len(p.Version) + len(p.Title) + len(p.Abstract) + len(p.URL) + len(p.PDFURL) +
			len(p.Published) + len(p.Venue) + len(p.ArxivID) + len(p.DOI) + len(p.Locator.Href) +
			len(p.Locator.Selector) + len(e.Summary.TLDR) + len(e.Abstract)
		for _, s := range [...][]string{p.Authors, p.Categories, e.Summary.KeyPhrases} {
			for _, t := range s {
				n += 4 + len(t)
			}
		}
	}
	for _, t := range a.Topics {
		n += 32 + len(t.Label)
		for _, id := range t.PaperIDs {
			n += 4 + len(id)
		}
	}
	return n + n/64
}

func appendError(b []byte, e *syncproto.Error) []byte {
	b = append(b, '{')
	b = jsontree.AppendKey(b, "code")
	b = jsontree.AppendString(b, e.Code)
	b = jsontree.AppendKey(b, "message")
	b = jsontree.AppendString(b, e.Message)
	return append(b, '}')
}

func appendAnalysis(b []byte, a Analysis) ([]byte, error) {
	b = append(b, '{')
	b = jsontree.AppendKey(b, "site")
	b = jsontree.AppendString(b, a.Site)
	b = jsontree.AppendKey(b, "entries")
	if a.Entries == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range a.Entries {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendEntry(b, &a.Entries[i])
		}
		b = append(b, ']')
	}
	b = jsontree.AppendKey(b, "topics")
	if a.Topics == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, t := range a.Topics {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendTopic(b, t)
		}
		b = append(b, ']')
	}
	if len(a.ForYou) > 0 {
		b = jsontree.AppendKey(b, "for_you")
		b = appendPicks(b, a.ForYou)
	}
	if a.LibraryLoading {
		b = jsontree.AppendKey(b, "library_loading")
		b = jsontree.AppendBool(b, true)
	}
	b = jsontree.AppendKey(b, "timing")
	b = append(b, '{')
	var err error
	for i, f := range [...]float64{a.Timing.Extract, a.Timing.Abstracts, a.Timing.Summarize, a.Timing.Digest, a.Timing.Rank} {
		b = jsontree.AppendKey(b, [...]string{"extract", "abstracts", "summarize", "digest", "rank"}[i])
		if b, err = jsontree.AppendFloat(b, f); err != nil {
			return b, err
		}
	}
	return append(b, '}', '}'), nil
}

func appendTopic(b []byte, t summarize.Topic) []byte {
	b = append(b, '{')
	b = jsontree.AppendKey(b, "label")
	b = jsontree.AppendString(b, t.Label)
	b = jsontree.AppendKey(b, "paper_ids")
	b = jsontree.AppendStrings(b, t.PaperIDs)
	return append(b, '}')
}

// appendPicks writes picks as json.Marshal([]Pick) does (null for nil).
func appendPicks(b []byte, picks []Pick) []byte {
	if picks == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, p := range picks {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '{')
		b = jsontree.AppendKey(b, "paper_id")
		b = jsontree.AppendString(b, p.PaperID)
		b = jsontree.AppendKey(b, "like")
		b = jsontree.AppendString(b, p.Like)
		b = jsontree.AppendKey(b, "more")
		b = jsontree.AppendInt(b, p.More)
		b = append(b, '}')
	}
	return append(b, ']')
}

func appendEntry(b []byte, e *Entry) []byte {
	b = append(b, '{')
	b = jsontree.AppendKey(b, "paper")
	b = appendPaper(b, &e.Paper)
	b = jsontree.AppendKey(b, "summary")
	b = append(b, '{')
	b = jsontree.AppendKey(b, "tldr")
	b = jsontree.AppendString(b, e.Summary.TLDR)
	b = jsontree.AppendKey(b, "keyphrases")
	b = jsontree.AppendStrings(b, e.Summary.KeyPhrases)
	b = append(b, '}')
	b = jsontree.AppendKey(b, "abstract")
	b = jsontree.AppendString(b, e.Abstract)
	return append(b, '}')
}

// appendPaper writes a paper.Paper; the fields tagged omitempty are left out when empty.
func appendPaper(b []byte, p *paper.Paper) []byte {
	b = append(b, '{')
	// The string fields in the struct's order: key, value, and whether an empty value is left out.
	for _, f := range [...]struct {
		key       string
		v         string
		omitEmpty bool
	}{
		{"id", p.ID, false}, {"version", p.Version, true}, {"title", p.Title, false},
	} {
		if f.v != "" || !f.omitEmpty {
			b = jsontree.AppendKey(b, f.key)
			b = jsontree.AppendString(b, f.v)
		}
	}
	b = jsontree.AppendKey(b, "authors")
	b = jsontree.AppendStrings(b, p.Authors)
	for _, f := range [...]struct {
		key       string
		v         string
		omitEmpty bool
	}{
		{"abstract", p.Abstract, true}, {"url", p.URL, false}, {"pdf_url", p.PDFURL, true},
		{"published", p.Published, true}, {"venue", p.Venue, true},
	} {
		if f.v != "" || !f.omitEmpty {
			b = jsontree.AppendKey(b, f.key)
			b = jsontree.AppendString(b, f.v)
		}
	}
	if len(p.Categories) > 0 {
		b = jsontree.AppendKey(b, "categories")
		b = jsontree.AppendStrings(b, p.Categories)
	}
	for _, f := range [...]struct{ key, v string }{{"arxiv_id", p.ArxivID}, {"doi", p.DOI}} {
		if f.v != "" {
			b = jsontree.AppendKey(b, f.key)
			b = jsontree.AppendString(b, f.v)
		}
	}
	b = jsontree.AppendKey(b, "locator")
	b = append(b, '{')
	for _, f := range [...]struct{ key, v string }{{"href", p.Locator.Href}, {"selector", p.Locator.Selector}} {
		if f.v != "" {
			b = jsontree.AppendKey(b, f.key)
			b = jsontree.AppendString(b, f.v)
		}
	}
	if p.Locator.Link != 0 {
		b = jsontree.AppendKey(b, "link")
		b = jsontree.AppendInt(b, p.Locator.Link)
	}
	return append(b, '}', '}')
}
