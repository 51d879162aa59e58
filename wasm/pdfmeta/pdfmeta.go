// Package pdfmeta reads the first page of a paper's PDF: the arXiv ID or DOI printed on it, else its title
// (the largest text near the top, as GROBID-style header parsers do), authors and abstract.
//
// The PDF file structure (cross-reference tables and streams, object streams, filters, encryption, fonts and
// their ToUnicode maps) is read by github.com/ledongthuc/pdf: a maintained fork of rsc.io/pdf, pure Go with
// no dependency beyond the standard library, which adds about 0.2 MB gzipped to a wasm module. pdfcpu reads
// more damaged files but brings image, font and form code (several MB); rsc.io/pdf itself is unmaintained.
// The content stream is interpreted here rather than with the library's Page.Content, which skips form
// XObjects (LuaTeX and many publishers draw the whole page in one), ignores word spacing and panics on odd
// operands: this walker keeps every glyph's position and size, which the header heuristics need.
package pdfmeta

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/ledongthuc/pdf"

	"github.com/papergist/papergist/shared/paper"
)

// MaxSize is the largest PDF Read accepts.
const MaxSize = 64 << 20

// Errors callers can tell apart with errors.Is.
var (
	ErrNotPDF   = errors.New("this file is not a PDF")
	ErrTooLarge = fmt.Errorf("the PDF is larger than %d MB", MaxSize>>20)
	ErrNoText   = errors.New("the first page of this PDF has no text (a scan without OCR?)")
	// ErrEncrypted: the PDF needs a password, or is encrypted in a way the PDF library does not read (AES-256).
	ErrEncrypted = errors.New("this PDF is encrypted (locked with a password or by its publisher), which papergist cannot read")
	ErrDamaged   = errors.New("this PDF is damaged or incomplete")
)

// Header is what the first page of a paper says about it.
type Header struct {
	Title    string   `json:"title,omitempty"`
	Authors  []string `json:"authors,omitempty"`
	Abstract string   `json:"abstract,omitempty"`
	// ArxivID (without version) and DOI (lower-cased) as printed on the page.
	ArxivID string `json:"arxiv_id,omitempty"`
	Version string `json:"version,omitempty"`
	DOI     string `json:"doi,omitempty"`
	// MetaTitle is the document information dictionary's Title, often a file name: a fallback only.
	MetaTitle string `json:"meta_title,omitempty"`
}

// IsPDF reports whether data starts like a PDF file (the header may follow a little junk, as readers allow).
func IsPDF(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return bytes.Contains(head, []byte("%PDF-"))
}

// Read parses the first page of a PDF. It never panics; a damaged file gives what can be read of it, or an
// error saying why nothing could.
func Read(data []byte) (h Header, err error) {
	if !IsPDF(data) {
		return Header{}, ErrNotPDF
	}
	if len(data) > MaxSize {
		return Header{}, ErrTooLarge
	}
	defer func() {
		if r := recover(); r != nil {
			h, err = Header{}, ErrDamaged
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		// the library's own words ("malformed PDF: 256-bit encryption key", "missing %%EOF") mean nothing to a
		// user: whether the file is locked or broken does
		if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(err.Error(), "encrypt") {
			return Header{}, ErrEncrypted
		}
		return Header{}, ErrDamaged
	}
	page := r.Page(1)
	if page.V.IsNull() {
		return Header{}, errors.New("this PDF has no pages")
	}
	w := &walker{fonts: map[string]*font{}}
	w.walk(page.V.Key("Contents"), page.Resources(), ident, 0, "")
	bottom, top := pageBox(page)
	h = header(w, bottom, top, r.NumPage() == 1)
	h.MetaTitle = paper.CleanText(r.Trailer().Key("Info").Key("Title").Text())
	if h.Title == "" && h.ArxivID == "" && h.DOI == "" && len(w.glyphs) == 0 {
		return h, ErrNoText
	}
	return h, nil
}

// pageBox is the page's visible height range (CropBox, else MediaBox, else US Letter).
func pageBox(p pdf.Page) (bottom, top float64) {
	box := inherited(p, "CropBox")
	if box.Len() != 4 {
		box = inherited(p, "MediaBox")
	}
	if box.Len() != 4 {
		return 0, 792
	}
	y0, y1 := box.Index(1).Float64(), box.Index(3).Float64()
	if y1 <= y0 {
		return 0, 792
	}
	return y0, y1
}

// inherited is a page attribute, looked up through the page tree (a bounded walk: a Parent loop ends).
func inherited(p pdf.Page, key string) pdf.Value {
	v := p.V
	for range 32 {
		if v.IsNull() {
			break
		}
		if r := v.Key(key); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

var (
	// arXiv IDs as printed: "arXiv:2401.12345v2 [cs.CL]", "ArXiv ePrint: 0807.3577", "arXiv:hep-th/9901001".
	printedArxivRe = regexp.MustCompile(`(?i)\barxiv(?:\s*e-?print)?\s*:?\s*(\d{4}\.\d{4,5}(?:v\d+)?|[a-z]+(?:-[a-z]+)*(?:\.[a-z]{2})?/\d{7}(?:v\d+)?)`)
	// DOIs as printed: ASCII only, so a font's bracket mapped to a CJK code point ends it.
	printedDOIRe = regexp.MustCompile(`(?i)(doi\s*:?\s*|doi\.org/)?\b(10\.\d{4,9}/[-._;()/:a-z0-9]+[a-z0-9])`)
)

// findIDs looks for an arXiv ID and a DOI in the text of the page's operators (rotated stamps included)
// and in its lines. A labelled DOI ("doi:", "DOI ", doi.org/) wins over a bare one, which may be a reference.
func findIDs(h *Header, texts []string) {
	var bare string
	for _, t := range texts {
		// cheap tests first: the case-insensitive patterns are slow in wasm, and most text has neither
		hasArxiv := strings.Contains(t, "rXiv") || strings.Contains(t, "RXIV") || strings.Contains(t, "rxiv")
		if !hasArxiv && !strings.Contains(t, "10.") {
			continue
		}
		if h.ArxivID == "" && hasArxiv {
			for _, m := range printedArxivRe.FindAllStringSubmatch(t, -1) {
				if id, v, ok := paper.ParseArxiv(m[1]); ok {
					h.ArxivID, h.Version = id, v
					break
				}
			}
		}
		if h.DOI != "" {
			continue
		}
		for _, m := range printedDOIRe.FindAllStringSubmatch(t, -1) {
			doi, ok := paper.FindDOI(trimDOI(m[2]))
			if !ok {
				continue
			}
			if m[1] != "" {
				h.DOI = doi
				break
			}
			if bare == "" {
				bare = doi
			}
		}
	}
	if h.DOI == "" {
		h.DOI = bare
	}
}

// trimDOI drops a closing parenthesis that the DOI did not open and trailing punctuation.
func trimDOI(s string) string {
	for {
		t := strings.TrimRight(s, ".,;:")
		if strings.HasSuffix(t, ")") && strings.Count(t, "(") < strings.Count(t, ")") {
			t = t[:len(t)-1]
		}
		if t == s {
			return s
		}
		s = t
	}
}
