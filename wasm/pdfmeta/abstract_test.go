package pdfmeta_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/pdfmeta"
	"github.com/papergist/papergist/wasm/pdfmeta/pdftest"
)

// TestRealPDFAbstractEnds checks that abstracts are read to their last sentence: past a raised "vol" set on a
// row of its own (jcap08-bolejko) and on into the next column (zaac08-aburayyan).
func TestRealPDFAbstractEnds(t *testing.T) {
	tests := []struct{ file, end string }{
		{"jcap08-bolejko.pdf", "This indicates that care must be exercised in relating the deceleration parameter to observations."},
		{"zaac08-aburayyan.pdf", "its crystal structure analysis reveals the presence of dimeric bicarbonate anions linked to each other " +
			"and to the imidazolium ions with hydrogen bonds."},
		{"pldi09-gal.pdf", "we have measured speedups of 10x and more for certain benchmark programs."},
		// the abstract runs on to page 2, which papergist does not read: its whole sentences, not "… subtasks,"
		{"clef08-forner.pdf", "it must be said that the task still proved to be very challenging for participating systems."},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a := readShared(t, tt.file).Abstract
			assert.True(t, strings.HasSuffix(a, tt.end), "abstract %q", a)
		})
	}
}

func TestGeneratedAbstractEnds(t *testing.T) {
	const start = "We generate a PDF in the test. It has a title, authors and an abstract which"
	tests := []struct {
		name string
		page pdftest.Page
		want string
	}{
		{"a raised part on a row of its own", pdftest.Page{
			Abstract: start + " the parser must read whole. The parameter q^vol is negative in some models, which " +
				"opens the possibility that back-reaction explains the dark energy phenomenon.",
		}, start + " the parser must read whole. The parameter q is negative in some models, which opens the possibility " +
			"that back-reaction explains the dark energy phenomenon."},
		{"an abstract that goes on in the next column", pdftest.Page{
			Abstract:      start + " starts in the left column and",
			AbstractRight: "ends at the top of the right column, above its keywords.",
		}, start + " starts in the left column and ends at the top of the right column, above its keywords."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.page.Title = []string{"A Generated Paper"}
			tt.page.Authors = "Ada Lovelace and Alan Turing"
			h, err := pdfmeta.Read(pdftest.Paper(tt.page))
			require.NoError(t, err)
			assert.Equal(t, tt.want, h.Abstract)
		})
	}
}

// TestRealPDFUnlabelledAbstracts checks the abstracts set without a label (AIP, REVTeX, Frontiers, Z.
// Naturforsch.), and not the introduction after them.
func TestRealPDFUnlabelledAbstracts(t *testing.T) {
	tests := []struct{ file, start, end string }{
		{"apl11-rodary.pdf", "We present a high resolution transmission electron microscopy study of a Cr-coated W tip apex",
			"SP-STM measurements on a Cr/MgO(001) sample confirm this conclusion."},
		{"arxiv09-rodriguez.pdf", "In this work we report the cosmological effects that a species of Ultra Light Bosonic Dark Matter",
			"And it is needed a non-zero optical depth of Reionization."},
		{"frontiers13-focke.pdf", "In computational neuroscience it is generally accepted that human motor memory contains",
			"the effects of catch trials in these situations are insufficiently understood and further research is needed."},
		{"abs11-muller.pdf", "Two-photon interference has become a central topic in quantum information science",
			"may thus be significantly increased with the incorporation of the QDs into high Purcell factor microcavities."},
		// an OCR'd scan: the abstract in smaller type than the body, two sentences and a short one
		{"zfn99-hong.pdf", "We perform a computerized symbolic computation to find some general solitonic solutions",
			"The previously published solutions turn out to be special cases with restricted model parameters."},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a := readShared(t, tt.file).Abstract
			if tt.start == "" {
				assert.Empty(t, a)
				return
			}
			assert.True(t, strings.HasPrefix(a, tt.start), "abstract %q", a)
			assert.True(t, strings.HasSuffix(a, tt.end), "abstract %q", a)
		})
	}
}

// abs11-pusep's abstract goes on beside a figure, where its superscripts (3.7x10¹¹ cm⁻², 2x10⁵ cm²/Vs) are
// lines of their own that the reader passes over: read on, it would show "3.7x10 cm", a false value. Until
// superscripts are attached to their words, the abstract stops before that text, as it did before s20-text.
func TestRealPDFAbstractShowsNoNumberWithoutItsExponent(t *testing.T) {
	a := readShared(t, "abs11-pusep.pdf").Abstract
	assert.True(t, strings.HasPrefix(a, "A variety of quantum phases due to the strong interlayer electronic correlations"), a)
	assert.NotRegexp(t, `\dx10 cm`, a)
}

func TestGeneratedUnlabelledAbstract(t *testing.T) {
	abstract := "We generate a PDF in the test. It has a title, authors and an abstract without a label, set wider " +
		"than the two columns of the body below it. The parser must find it all the same. It must not take the " +
		"affiliations, the dateline or the body for it. A short abstract of a few sentences is enough for that."
	h, err := pdfmeta.Read(pdftest.Paper(pdftest.Page{
		Title: []string{"A Generated Paper"}, Authors: "Ada Lovelace and Alan Turing", Affil: "Analytical Engine Society, London",
		Abstract: abstract, AbstractUnlabelled: true,
	}))
	require.NoError(t, err)
	assert.Equal(t, abstract, h.Abstract)
}

// TestGeneratedOnePageAbstract: a one-page PDF's first paragraph is its abstract even over a body as wide as
// it (a conference's one-page abstract); on a longer PDF that paragraph may be the introduction's and is not
// taken.
func TestGeneratedOnePageAbstract(t *testing.T) {
	abstract := "We generate a PDF in the test. It has a title, authors and an abstract without a label, set as wide " +
		"as the body below it. The parser must take it on a one-page PDF. It must not take it on a longer one, " +
		"where it may be the first paragraph of the body. A short abstract of a few sentences is enough for that."
	for _, more := range []int{0, 1} {
		h, err := pdfmeta.Read(pdftest.Paper(pdftest.Page{
			Title: []string{"A Generated Paper"}, Authors: "Ada Lovelace and Alan Turing", Affil: "Analytical Engine Society, London",
			Abstract: abstract, AbstractUnlabelled: true, OneColumnBody: true, MorePages: more,
		}))
		require.NoError(t, err)
		if more == 0 {
			assert.Equal(t, abstract, h.Abstract)
		} else {
			assert.Empty(t, h.Abstract)
		}
	}
}

// TestGeneratedAbstractWithIntroductionWord: a line of the abstract that starts with the word "introduction"
// is not the introduction's heading.
func TestGeneratedAbstractWithIntroductionWord(t *testing.T) {
	abstract := "We generate a PDF in the test. It has a title, authors and an abstract with a label, set as wide " +
		"as the body below it. The parser must take all of it, and must not stop where one of its lines starts with " +
		"introduction, which is not the introduction's heading, and must stop at that heading."
	h, err := pdfmeta.Read(pdftest.Paper(pdftest.Page{
		Title: []string{"A Generated Paper"}, Authors: "Ada Lovelace and Alan Turing", Abstract: abstract,
	}))
	require.NoError(t, err)
	assert.Equal(t, abstract, h.Abstract)
}

// TestRealPDFLineEndHyphens: a compound broken at its hyphen keeps it (abs11-pusep's "multi-" / "layers", whose
// page also says "MULTI-LAYERS"), a word broken by the line loses it (zaac08-aburayyan's "4,5-di-" / "methyl…").
func TestRealPDFLineEndHyphens(t *testing.T) {
	assert.Contains(t, readShared(t, "abs11-pusep.pdf").Abstract, "predicted in electron multi-layers at the filling factor")
	assert.Contains(t, readShared(t, "zaac08-aburayyan.pdf").Abstract, "4,5-dimethylimidazol-2-ylidene")
}
