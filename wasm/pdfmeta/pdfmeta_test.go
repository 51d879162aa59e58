package pdfmeta_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/pdfmeta"
	"github.com/papergist/papergist/wasm/pdfmeta/pdftest"
)

// sharedPDFs is the team's folder of real paper PDFs, beside the repository; SOURCES.md there gives, for each
// file, the title, first author and IDs printed on page 1.
const sharedPDFs = "../../../shared/fixtures/pdfs"

type pdfFacts struct {
	File, Title, FirstAuthor string
	ArxivID, DOI             string
}

var (
	sectionRe    = regexp.MustCompile(`(?m)^## (\S+\.pdf)`)
	titleFactRe  = regexp.MustCompile(`(?s)\n- Title[^:]*: "(.+?)"`)
	authorFactRe = regexp.MustCompile(`\n- First author: ([^(\n]+)`)
	idsFactRe    = regexp.MustCompile(`\n- IDs on p\.1: ([^\n]+)`)
	doiFactRe    = regexp.MustCompile(`10\.\d{4,9}/[^\s;",` + "`" + `]+[A-Za-z0-9]`)
	arxivFactRe  = regexp.MustCompile(`(?i)arxiv(?: eprint)?:\s*([0-9.]+\d)`)
	// a reference's mark after a title as printed ("… hydrogencarbonat [1]"), which a title read goes without
	refMarkFactRe = regexp.MustCompile(`\s*\[\d+(?:,\s*\d+)*\]$`)
)

// readFacts parses SOURCES.md; it skips the test when the team folder is absent.
func readFacts(t testing.TB) []pdfFacts {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(sharedPDFs, "SOURCES.md"))
	if os.IsNotExist(err) {
		t.Skipf("%s not found: the team folder ../shared is not beside the repository", sharedPDFs)
	}
	require.NoError(t, err)
	text := string(src)
	locs := sectionRe.FindAllStringSubmatchIndex(text, -1)
	var out []pdfFacts
	for i, l := range locs {
		end := len(text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		sec := text[l[0]:end]
		f := pdfFacts{File: text[l[2]:l[3]]}
		if m := titleFactRe.FindStringSubmatch(sec); m != nil {
			f.Title = refMarkFactRe.ReplaceAllString(strings.Join(strings.Fields(m[1]), " "), "")
		}
		if m := authorFactRe.FindStringSubmatch(sec); m != nil {
			f.FirstAuthor = strings.TrimSpace(m[1])
		}
		if m := idsFactRe.FindStringSubmatch(sec); m != nil {
			if d := doiFactRe.FindString(m[1]); d != "" {
				f.DOI = strings.ToLower(d)
			}
			if a := arxivFactRe.FindStringSubmatch(m[1]); a != nil {
				f.ArxivID, _, _ = paper.ParseArxiv(a[1])
			}
		}
		require.NotEmpty(t, f.Title, f.File)
		require.NotEmpty(t, f.FirstAuthor, f.File)
		out = append(out, f)
	}
	require.NotEmpty(t, out, "SOURCES.md lists no PDF")
	return out
}

// fold compares titles and names as a reader would: letters and digits only, no case, no accents.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// TestRealPDFs reads the first page of every real paper PDF in ../shared/fixtures/pdfs and checks the
// title, first author and printed IDs against SOURCES.md; it logs the hit rate (make bench-pdf prints it).
func TestRealPDFs(t *testing.T) {
	facts := readFacts(t)
	hits, ids, idHits := 0, 0, 0
	for _, f := range facts {
		t.Run(f.File, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(sharedPDFs, f.File))
			require.NoError(t, err)
			h, err := pdfmeta.Read(data)
			require.NoError(t, err)
			titleOK := assert.Equal(t, fold(f.Title), fold(h.Title), "title %q", h.Title)
			authorOK := assert.NotEmpty(t, h.Authors) && assert.Equal(t, fold(f.FirstAuthor), fold(h.Authors[0]), "authors %q", h.Authors)
			if titleOK && authorOK {
				hits++
			}
			for _, want := range [][2]string{{f.DOI, h.DOI}, {f.ArxivID, h.ArxivID}} {
				if want[0] != "" {
					ids++
					if assert.Equal(t, want[0], want[1]) {
						idHits++
					}
				}
			}
		})
	}
	fmt.Printf("pdfmeta: title and first author right on %d of %d real PDFs (%.1f%%); printed DOI/arXiv IDs found: %d of %d\n",
		hits, len(facts), 100*float64(hits)/float64(len(facts)), idHits, ids)
}

func TestGeneratedPDF(t *testing.T) {
	data := pdftest.Paper(pdftest.Page{
		Header:   "arXiv:2401.01234v2 [cs.CL] 3 Jan 2024",
		Title:    []string{"A Small Generated Paper", "About Reading PDFs"},
		Authors:  "Ada Lovelace, Alan Turing and Grace Hopper",
		Affil:    "Analytical Engine Society, London",
		Abstract: "We generate a PDF in the test. It has a title, authors and an abstract that the parser must find in the first page without any help from metadata.",
	})
	h, err := pdfmeta.Read(data)
	require.NoError(t, err)
	assert.Equal(t, pdfmeta.Header{
		Title:    "A Small Generated Paper About Reading PDFs",
		Authors:  []string{"Ada Lovelace", "Alan Turing", "Grace Hopper"},
		Abstract: "We generate a PDF in the test. It has a title, authors and an abstract that the parser must find in the first page without any help from metadata.",
		ArxivID:  "2401.01234", Version: "v2", MetaTitle: "generated.pdf",
	}, h)
}

// A reference's number set after a title in brackets, in another weight than the title (Wiley's regular "[1]"
// after a bold title, citing the paper's earlier part), or raised, is a mark and no part of the title; brackets
// that are the title's own stay: in its weight and on its baseline ("Vol. [2]"), at its start ("[Re]"), or
// holding words ("[sic]", "[extended abstract]") whatever their weight.
func TestTitleReferenceMark(t *testing.T) {
	for _, c := range []struct {
		title   []string
		mark    string
		want    string
		scripts bool
	}{
		{[]string{"Hydrolysis of Carbenes^[3]"}, "", "Hydrolysis of Carbenes", true},
		{[]string{"The Crystal Structure of", "an Imidazolium Bicarbonate"}, "[1]", "The Crystal Structure of an Imidazolium Bicarbonate", false},
		{[]string{"Hydrolysis of Carbenes"}, "[1,2]", "Hydrolysis of Carbenes", false},
		{[]string{"Hydrolysis of Carbenes"}, "[12]", "Hydrolysis of Carbenes", false},
		{[]string{"Hydrolysis of Carbenes `[3]"}, "", "Hydrolysis of Carbenes", false},
		{[]string{"Collected Letters Vol. [2]"}, "", "Collected Letters Vol. [2]", false},
		{[]string{"[Re] Reproducing Deep Sets"}, "", "[Re] Reproducing Deep Sets", false},
		{[]string{"The Graph"}, "[sic]", "The Graph [sic]", false},
		{[]string{"O(n) Sorting [extended abstract]"}, "", "O(n) Sorting [extended abstract]", false},
	} {
		h, err := pdfmeta.Read(pdftest.Paper(pdftest.Page{Title: c.title, TitleMark: c.mark, Scripts: c.scripts, Authors: "Ada Lovelace"}))
		require.NoError(t, err)
		assert.Equal(t, c.want, h.Title, "%q %q", c.title, c.mark)
	}
	title := readShared(t, "zaac08-aburayyan.pdf").Title
	assert.Equal(t, "Die Kristallstruktur von 1,3-Di-tert-butyl-4,5-dimethylimidazoliumhydrogencarbonat", title[max(0, strings.Index(title, "Die ")):])
}

func TestNotAPDF(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("<!doctype html><html></html>"), []byte("plain text")} {
		_, err := pdfmeta.Read(in)
		assert.ErrorIs(t, err, pdfmeta.ErrNotPDF)
	}
}

// TestDamagedPDFsNeverPanic feeds truncated, bit-flipped and garbage PDFs: each gives a header or an error.
func TestDamagedPDFsNeverPanic(t *testing.T) {
	inputs := [][]byte{pdftest.Paper(pdftest.Page{Title: []string{"Truncated Paper Title"}, Authors: "Ada Lovelace"})}
	if files, _ := filepath.Glob(filepath.Join(sharedPDFs, "*.pdf")); len(files) > 0 {
		for _, f := range files[:min(3, len(files))] {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			inputs = append(inputs, data)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, data := range inputs {
		for _, n := range []int{5, 9, 100, len(data) / 3, len(data) / 2, len(data) - 200, len(data) - 1} {
			if n > 0 && n < len(data) {
				_, _ = pdfmeta.Read(data[:n])
			}
		}
		for range 40 {
			bad := bytes.Clone(data)
			for range 1 + rng.IntN(20) {
				bad[rng.IntN(len(bad))] = byte(rng.IntN(256))
			}
			_, _ = pdfmeta.Read(bad)
		}
	}
	garbage := make([]byte, 4096)
	for range 50 {
		for i := range garbage {
			garbage[i] = byte(rng.IntN(256))
		}
		copy(garbage, "%PDF-1.7\n")
		_, err := pdfmeta.Read(garbage)
		assert.Error(t, err)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(pdftest.Paper(pdftest.Page{Title: []string{"Fuzz Seed"}, Authors: "Ada Lovelace"}))
	f.Add([]byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = pdfmeta.Read(data)
	})
}

func TestPaper(t *testing.T) {
	h := pdfmeta.Header{Title: "A Title", Authors: []string{"Ada Lovelace"}}
	tests := []struct {
		name, url string
		h         pdfmeta.Header
		id, link  string
	}{
		{"arXiv URL", "https://arxiv.org/pdf/1706.03762v7", h, "arxiv:1706.03762", "https://arxiv.org/abs/1706.03762"},
		{"arXiv on the page wins over a DOI URL", "https://dl.acm.org/doi/pdf/10.1145/1", pdfmeta.Header{Title: "T", ArxivID: "2401.01234"},
			"arxiv:2401.01234", "https://arxiv.org/abs/2401.01234"},
		{"OpenReview URL", "https://openreview.net/pdf?id=YicbFdNTTy", h, "openreview:YicbFdNTTy", "https://openreview.net/forum?id=YicbFdNTTy"},
		{"DOI URL", "https://onlinelibrary.wiley.com/doi/pdf/10.1002/zaac.200700576", h, "doi:10.1002/zaac.200700576",
			"https://doi.org/10.1002/zaac.200700576"},
		{"DOI on the page", "https://example.org/files/a.pdf", pdfmeta.Header{Title: "T", DOI: "10.1109/dsde.2010.49"},
			"doi:10.1109/dsde.2010.49", "https://example.org/files/a.pdf"},
		{"CVF: the HTML page's ID", "https://openaccess.thecvf.com/content/CVPR2023/papers/X_paper.pdf", h,
			"url:https://openaccess.thecvf.com/content/CVPR2023/html/X_paper.html", "https://openaccess.thecvf.com/content/CVPR2023/html/X_paper.html"},
		{"nothing", "https://ceur-ws.org/Vol-2339/paper4.pdf", h, "url:https://ceur-ws.org/Vol-2339/paper4.pdf", "https://ceur-ws.org/Vol-2339/paper4.pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := pdfmeta.Paper(tt.h, tt.url)
			require.NoError(t, err)
			assert.Equal(t, tt.id, p.ID)
			assert.Equal(t, tt.link, p.URL)
			assert.Equal(t, tt.url, p.PDFURL)
		})
	}
	_, err := pdfmeta.Paper(pdfmeta.Header{MetaTitle: "OECS12_abstract_Muller1"}, "https://example.org/a.pdf")
	assert.ErrorIs(t, err, pdfmeta.ErrNoTitle)
	p, err := pdfmeta.Paper(pdfmeta.Header{MetaTitle: "A Real Title From The Info Dictionary"}, "https://example.org/a.pdf")
	require.NoError(t, err)
	assert.Equal(t, "A Real Title From The Info Dictionary", p.Title)
}

// TestUnreadablePDFs: a locked or broken PDF gives an error that says which, not the PDF library's words
// ("malformed PDF: 256-bit encryption key", "not a PDF file: missing %%EOF").
func TestUnreadablePDFs(t *testing.T) {
	page := pdftest.Page{Title: []string{"A Locked Paper"}, Authors: "Ada Lovelace"}
	aes256, rc4 := page, page
	aes256.Encrypt = "<< /Filter /Standard /V 5 /R 6 /Length 256 /O <" + strings.Repeat("ab", 48) + "> /U <" +
		strings.Repeat("cd", 48) + "> /OE <" + strings.Repeat("ef", 32) + "> /UE <" + strings.Repeat("01", 32) + "> /P -1028 >>"
	rc4.Encrypt = "<< /Filter /Standard /V 2 /R 3 /Length 128 /O <" + strings.Repeat("ab", 32) + "> /U <" +
		strings.Repeat("cd", 32) + "> /P -1028 >>"
	whole := pdftest.Paper(page)
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"AES-256", pdftest.Paper(aes256), pdfmeta.ErrEncrypted},
		{"a user password", pdftest.Paper(rc4), pdfmeta.ErrEncrypted},
		{"truncated", whole[:len(whole)/2], pdfmeta.ErrDamaged},
		{"a header only", []byte("%PDF-1.7\n"), pdfmeta.ErrDamaged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pdfmeta.Read(tt.data)
			assert.ErrorIs(t, err, tt.want)
			assert.NotContains(t, err.Error(), "malformed")
		})
	}
}

// TestRealPDFCapitalTitles: titles printed in capitals are saved in title case, an acronym of the page kept.
func TestRealPDFCapitalTitles(t *testing.T) {
	for file, want := range map[string]string{
		"abs11-muller.pdf":  "Interference of Single Photons from Dissimilar Single Photon Sources",
		"abs11-pusep.pdf":   "Magneto-Photoluminescence as a Probe of Phases in Quantum Hall Multi-Layers",
		"clef08-forner.pdf": "Overview of the CLEF 2008 Multilingual Question Answering Track",
		"jss07-mullen.pdf":  "TIMP: An R Package for Modeling Multi-way Spectroscopic Measurements",
	} {
		assert.Equal(t, want, readShared(t, file).Title, file)
	}
}
