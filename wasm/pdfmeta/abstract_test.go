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
// row of its own, which is q's superscript (jcap08-bolejko), and on into the next column (zaac08-aburayyan).
func TestRealPDFAbstractEnds(t *testing.T) {
	tests := []struct{ file, end string }{
		{"jcap08-bolejko.pdf", "we find that q^(vol) > 0, while those models which we have been able to find which exhibit q^(vol) < 0 " +
			"turn out to be unrealistic. This indicates that care must be exercised in relating the deceleration parameter to observations."},
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
		}, start + " the parser must read whole. The parameter q^(vol) is negative in some models, which opens the possibility " +
			"that back-reaction explains the dark energy phenomenon."},
		{"a footnote star after a word, and a starred symbol", pdftest.Page{
			Abstract: start + " the parser must read whole. We thank the fund^* and the society^** for their help, and " +
				"find the optimum x^* of the loss in a few steps.",
			Footnote: "* The fund paid for the keys.",
		}, start + " the parser must read whole. We thank the fund and the society^(**) for their help, and " +
			"find the optimum x^* of the loss in a few steps."},
		{"a star after an operator or before its operand, with a star footnote", pdftest.Page{
			Abstract: start + " the parser must read whole. It runs in O(n log^* n) time for the fund^* and solves the " +
				"opt^* problem and the dual^*|(y) form.",
			Footnote: "* Corresponding author.",
		}, start + " the parser must read whole. It runs in O(n log^* n) time for the fund and solves the " +
			"opt^* problem and the dual^*(y) form."},
		{"a footnote star before the article a goes, before a one-letter operand it stays", pdftest.Page{
			Abstract: start + " the parser must read whole. We owe the fund^* a great deal and run the dual^* n times " +
				"on the keys.",
			Footnote: "* The fund paid for the keys.",
		}, start + " the parser must read whole. We owe the fund a great deal and run the dual^* n times on the keys."},
		{"stars that mean something", pdftest.Page{
			Abstract: start + " the parser must read whole. We find Ax^* = b and Lx^* here. The IDA^* search and " +
				"Theta^* planner use AW^*|-algebras, significant^** in all groups (p < 0.01^**|).",
			Footnote: "* The fund paid for the keys.",
		}, start + " the parser must read whole. We find Ax^* = b and Lx^* here. The IDA^* search and " +
			"Theta^* planner use AW^*-algebras, significant^(**) in all groups (p < 0.01^(**))."},
		{"a raised part with its own raised or lowered part", pdftest.Page{
			Abstract: start + " the parser must read whole. The kernel e^x^2| decays, the tower 2^2^n| grows, and " +
				"the weight e^x_i| is fitted for each a_i_1| in turn.",
		}, start + " the parser must read whole. The kernel e^(x²) decays, the tower 2^(2ⁿ) grows, and " +
			"the weight e^(x_i) is fitted for each a_(i₁) in turn."},
		{"a raised vowel is no accent, a raised o after a number is a degree", pdftest.Page{
			Abstract: start + " the parser must read whole. The map x^a and the value T^e and the kernel k^u were " +
				"fitted. Samples were kept at 4^o C for a week.",
		}, start + " the parser must read whole. The map x^a and the value T^e and the kernel k^u were fitted. " +
			"Samples were kept at 4° C for a week."},
		{"an abstract that goes on in the next column", pdftest.Page{
			Abstract:      start + " starts in the left column and",
			AbstractRight: "ends at the top of the right column, above its keywords.",
		}, start + " starts in the left column and ends at the top of the right column, above its keywords."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.page.Title = []string{"A Generated Paper"}
			tt.page.Authors = "Ada Lovelace and Alan Turing"
			tt.page.Scripts = true
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

// abs11-pusep's abstract goes on beside a figure, and its superscripts and subscripts are set on rows of their own
// (3.7x10¹¹ cm⁻², 2x10⁵ cm²/Vs, ν_(SL)) or a little off the baseline of their own row (l_B, QW₀, QW₋₁): they are
// read into their words, so that the abstract reads whole to its end with its values (it stopped before them, as
// "3.7x10 cm" would have been a false value).
func TestRealPDFAbstractWithScripts(t *testing.T) {
	assert.Equal(t, "A variety of quantum phases due to the strong interlayer electronic correlations were predicted in "+
		"electron multi-layers at the filling factor ν = 1[1]. As was demonstrated, depending on the ratio "+
		"d/l_B, where d is the interlayer separation and l_B is the magnetic length, different ground states "+
		"may be realized. Here we report on observation of the magnetic field driven quantum phase "+
		"transitions in weakly coupled, intentionally disordered multiple quantum wells. The structure "+
		"studied here consists of a 240 nm wide AlGaAs parabolic well modulated by a sequence of ten quantum "+
		"wells with random widths separated by 4.2 nm barriers. The largest (34 nm) GaAs well (QW₀) is in the "+
		"center of the parabolic well. The electron concentration in the parabolic well was 3.7x10¹¹ cm⁻² and "+
		"mobility 2x10⁵ cm²/Vs. According to the calculations eight wells are occupied. They emit eight "+
		"corresponding photoluminescence (PL) lines. At the magnetic field B=1.5T these wells reveal the "+
		"miniband quantum Hall (QH) state with the total filling factor ν_(SL) = 1. At B=3T another QH state "+
		"with the filling factor ν_(SL) = 0.5 emerges. The spin polarizations of both these QH states, as "+
		"determined by PL measurements, are almost 100%. We attribute the state found at B=3T to the paired "+
		"dimer state with the total filling factor ν_D = 1 suggested in the QH multiple wells as the ground "+
		"state with the lowest energy [2]. The peaks of the electron spin polarization manifest to the "+
		"skyrmion origin of the respective quantum Hall states. With further increase of the magnetic field, "+
		"at B=6T the slope of the Hall resistance increases. Our recent magnetoresistance experiments on this "+
		"sample have shown that in this case the magnetic field induces a quantum transition separating two "+
		"phases with different distributions of the electron density over the random wells Ref.[3]. In the "+
		"high-field phase, the electrons in the lateral AlGaAs wells which form a collective skyrmion state "+
		"are pinned at the random potential. While, the central GaAs well completely determines the in-plane "+
		"magneto-resistance of the sample revealing well developed FQH states. The integrated intensities of "+
		"the PL lines from the central well (QW₀) and from the neighboring wells (QW₋₁ and QW₂), associated "+
		"with their occupations, directly demonstrate the magnetic field driven re-distribution of the "+
		"electrons: with increasing magnetic field the electrons move from the neighboring wells to the "+
		"central well. We show that the miniband and dimer QH states vanish with increasing interlayer "+
		"disorder. While, no significant effect of the disorder was observed on the single-layer high-field "+
		"QH states.", readShared(t, "abs11-pusep.pdf").Abstract)
}

// TestGeneratedAbstractWithScripts: superscripts and subscripts on rows of their own are read into their words,
// in Unicode's script characters where each character has one, else after ^ or _ (paper.Script).
func TestGeneratedAbstractWithScripts(t *testing.T) {
	h, err := pdfmeta.Read(pdftest.Paper(pdftest.Page{
		Title: []string{"A Generated Paper"}, Authors: "Ada Lovelace and Alan Turing", Scripts: true,
		Abstract: "We generate a PDF in the test. The sheet density was 3.7x10^11 cm^-2 and the mobility 2x10^5 cm^2|/Vs " +
			"in a well of H_2|O at the filling factor n_SL = 1, past the energy E_F of the well. The values are whole.",
	}))
	require.NoError(t, err)
	assert.Equal(t, "We generate a PDF in the test. The sheet density was 3.7x10¹¹ cm⁻² and the mobility 2x10⁵ cm²/Vs "+
		"in a well of H₂O at the filling factor n_(SL) = 1, past the energy E_F of the well. The values are whole.", h.Abstract)
}

// TestGeneratedMarksAfterNames: affiliation and footnote marks raised after names and after the title's last
// word are not read into them ("Lovelace¹", "Paper∗"), as when they were lines of their own; a subscript stays.
// On a line of names any short raised run after a name is a mark, whatever it holds: ranges, capitals, four
// letters, brackets, semicolons.
func TestGeneratedMarksAfterNames(t *testing.T) {
	for _, tt := range []struct {
		authors string
		want    []string
	}{
		{"Ada Lovelace^1, Alan Turing^2,a and Grace Hopper^1*", []string{"Ada Lovelace", "Alan Turing", "Grace Hopper"}},
		{"Ada Lovelace^1-3 and Alan Turing^1", []string{"Ada Lovelace", "Alan Turing"}},
		{"Ada Lovelace^1–3 and Alan Turing^1", []string{"Ada Lovelace", "Alan Turing"}},
		{"Ada Lovelace^A and Alan Turing^B", []string{"Ada Lovelace", "Alan Turing"}},
		{"Ada Lovelace^A,B and Alan Turing^B", []string{"Ada Lovelace", "Alan Turing"}},
		{"Ada Lovelace^a,b,c,d and Alan Turing^a", []string{"Ada Lovelace", "Alan Turing"}},
		{"Ada Lovelace^[1] and Alan Turing^[2]", []string{"Ada Lovelace", "Alan Turing"}},
		{"Ada Lovelace^1;2 and Alan Turing^1", []string{"Ada Lovelace", "Alan Turing"}},
		{"Ada Lovelace^& and Alan Turing^&", []string{"Ada Lovelace", "Alan Turing"}},
		{"Ada Lovelace^1, Alan Turing^1-3, Grace Hopper^2", []string{"Ada Lovelace", "Alan Turing", "Grace Hopper"}},
		{"Ada Lovelace^,1 Alan Turing^,2 Grace Hopper^3", []string{"Ada Lovelace", "Alan Turing", "Grace Hopper"}},
		{"Ada Lovelace^,1,* Alan Turing^2", []string{"Ada Lovelace", "Alan Turing"}},
		{"Ada Lovelace,^,1 Alan Turing^2", []string{"Ada Lovelace", "Alan Turing"}},
	} {
		t.Run(tt.authors, func(t *testing.T) {
			h, err := pdfmeta.Read(pdftest.Paper(pdftest.Page{
				Title:   []string{"Clean Water from H_2|O Vapour^*"},
				Authors: tt.authors, Scripts: true,
				Abstract: "We generate a PDF in the test. It has a title, authors and an abstract that the parser must find " +
					"in the first page.",
			}))
			require.NoError(t, err)
			assert.Equal(t, "Clean Water from H₂O Vapour", h.Title)
			assert.Equal(t, tt.want, h.Authors)
		})
	}
}

// TestGeneratedTitleExponents: a superscript after a number in a title is its exponent or its ordinal, not a
// footnote mark: it stays (10⁹, Ca²⁺), and an ordinal's ending is written on the line (11th). Digits at the end
// of the title after a lower-case or a two-letter word (km², SO³, networks¹) go only when the page has a footnote
// that starts with them.
func TestGeneratedTitleExponents(t *testing.T) {
	for _, tt := range []struct{ title, want, footnote string }{
		{"Sorting 10^9 Keys per Second", "Sorting 10⁹ Keys per Second", ""},
		{"The 11^th Workshop on Keys", "The 11th Workshop on Keys", ""},
		{"Ca^2+ Signalling in Plants", "Ca²⁺ Signalling in Plants", ""},
		{"Clean Water from Vapour^*", "Clean Water from Vapour", ""},
		{"Keys in Spaces of x^a Form", "Keys in Spaces of x^a Form", ""},
		{"An O(n^2|) Algorithm for Keys", "An O(n²) Algorithm for Keys", ""},
		{"E = mc^2 for Keys", "E = mc² for Keys", ""},
		{"Learning in R^2 with Keys", "Learning in R² with Keys", ""},
		{"The Keys Track at CLEF 2008^1", "The Keys Track at CLEF 2008", ""},
		{"Results of the Keys Challenge 2019^*", "Results of the Keys Challenge 2019", ""},
		{"Sorting 2^10 Keys in SU(2)^2", "Sorting 2¹⁰ Keys in SU(2)²", ""},
		{"Keys of the 21^st Century", "Keys of the 21st Century", ""},
		{"Keys and Locks^1,2", "Keys and Locks", ""},
		{"Keys in log^* n Rounds", "Keys in log^* n Rounds", ""},
		{"Keys in n log^* n", "Keys in n log^* n", ""},
		{"The max^* Operator for Keys", "The max^* Operator for Keys", ""},
		{"Population Density per km^2", "Population Density per km²", ""},
		{"Keys in Boxes of 1 cm^3", "Keys in Boxes of 1 cm³", ""},
		{"Keys on SO^3", "Keys on SO³", ""},
		{"Keys on SO^3", "Keys on SO³", "1 We thank the fund."},
		{"Keys on SO^3", "Keys on SO³", "3 We thank the fund."}, // a third note is not the title's
		{"Keys and Locks of SO^3 in GL^2", "Keys and Locks of SO³ in GL²", ""},
		{"Keys for neural networks^1", "Keys for neural networks", "1 We thank the fund."},
		// no footnote: the safe side, an exponent stays
		{"Keys for neural networks^1", "Keys for neural networks¹", ""},
		{"Population Density per km^2", "Population Density per km²", "1 We thank the fund."},
		{"Keys for networks^1 in Europe", "Keys for networks¹ in Europe", "1 We thank the fund."},
		{"Why E = mc^2", "Why E = mc²", "2 We thank the fund."},
		{"Sorting 10^9", "Sorting 10⁹", "9 We thank the fund."},
		{"Learning in R^2", "Learning in R²", "2 We thank the fund."},
		// the title's note is the page's first, 1: a unit's or a group's exponent stays over any other note
		{"Emissions per km^2", "Emissions per km²", "2 Code and data: https://example.org/keys."},
		{"Emissions per km^2", "Emissions per km²", "2 University of Keys, Paris"},
		{"Emissions per km^2", "Emissions per km²", "2) Dept. of Keys, Paris"},
		{"Emissions per km^2", "Emissions per km²", "2nd Workshop on Keys, Paris, 2024."},
		{"Emissions per km^2", "Emissions per km²", "2.5 GHz cores were used."},
		{"Keys in Boxes of 1 cm^3", "Keys in Boxes of 1 cm³", "3 Data at https://example.org."},
		{"Keys in H^1 and km^2", "Keys in H¹ and km²", "2 We thank the fund."},
		{"Keys on SO^3 in GL^2", "Keys on SO³ in GL²", "2 We thank the fund."},
		{"Population Density of Keys\nper km^2", "Population Density of Keys per km²", "2 We thank the fund."},
		{"Population Density of Keys\nfor neural networks^1", "Population Density of Keys for neural networks",
			"1 We thank the fund."},
		// a line that starts with a 1 but is no note: the title has no footnote the page shows, and ¹ stays
		{"Keys for neural networks^1", "Keys for neural networks¹", "1.5 GHz cores were used."},
		{"Keys for neural networks^1", "Keys for neural networks¹", "1) Dept. of Keys, Paris"},
		{"Keys for neural networks^1", "Keys for neural networks¹", "1st Workshop on Keys, Paris, 2024."},
		{"Keys for neural networks^1", "Keys for neural networks¹", "12 We thank the fund."},
	} {
		t.Run(tt.title+" "+tt.footnote, func(t *testing.T) {
			assert.Equal(t, tt.want, generatedTitle(t, tt.title, tt.footnote, false))
		})
	}
}

// generatedTitle is the title read from a generated page with title (lines apart by "\n", scripts by "^") and
// footnote, and a body in two columns if twoColumns.
func generatedTitle(t *testing.T, title, footnote string, twoColumns bool) string {
	t.Helper()
	h, err := pdfmeta.Read(pdftest.Paper(pdftest.Page{
		Title: strings.Split(title, "\n"), Authors: "Ada Lovelace and Alan Turing", Scripts: true,
		Abstract: "We generate a PDF in the test. It has a title, authors and an abstract that the parser must find " +
			"in the first page.",
		Footnote: footnote, TwoColumns: twoColumns,
	}))
	require.NoError(t, err)
	return h.Title
}

// TestGeneratedTitleNoteInAColumn: on a page in two columns (IEEE's, ACL's) the title's footnote is at the foot of
// its column, and the other column's text runs on below it: the note is a note all the same, and the title drops
// its ¹. Text below the note in its own column makes it no note, as on a page of one column.
func TestGeneratedTitleNoteInAColumn(t *testing.T) {
	for _, tt := range []struct{ title, want, footnote string }{
		{"Keys for neural networks^1", "Keys for neural networks", "1 We thank the fund."},
		{"Keys for neural networks^1", "Keys for neural networks", "1 This work was funded by the fund."},
		{"Population Density of Keys\nfor neural networks^1", "Population Density of Keys for neural networks",
			"1 We thank the fund."},
		{"Keys for neural networks^1", "Keys for neural networks¹", ""},
		{"Keys for neural networks^1", "Keys for neural networks¹", "12 We thank the fund."},
		{"Population Density per km^2", "Population Density per km²", "2 We thank the fund."},
		{"Population Density per km^2", "Population Density per km²", "1 We thank the fund."},
	} {
		t.Run(tt.title+" "+tt.footnote, func(t *testing.T) {
			assert.Equal(t, tt.want, generatedTitle(t, tt.title, tt.footnote, true))
		})
	}
}

// TestGeneratedTitleOneAfterACapital: a ¹ after a capitalised word at the title's end (Ext¹, Tor¹) is the
// title's footnote mark only when the page has that note, "1 …"; with no note, or another one, it stays.
func TestGeneratedTitleOneAfterACapital(t *testing.T) {
	for _, tt := range []struct{ title, want, footnote string }{
		{"On the Vanishing of Ext^1", "On the Vanishing of Ext¹", ""},
		{"On the Vanishing of Ext^1", "On the Vanishing of Ext¹", "* We thank the fund."},
		{"On the Vanishing of Ext^1", "On the Vanishing of Ext¹", "2 We thank the fund."},
		{"On the Vanishing of Ext^1", "On the Vanishing of Ext¹", "1.5 GHz cores were used."},
		{"On the Vanishing of Ext^1", "On the Vanishing of Ext", "1 We thank the fund."},
		{"Keys for Neural Networks^1", "Keys for Neural Networks", "1 We thank the fund."},
		{"Keys for Neural\nNetworks^1", "Keys for Neural Networks", "1 We thank the fund."},
		// the cost: a title's ¹ whose note the page does not show as one stays, as networks¹ does
		{"Keys for Neural Networks^1", "Keys for Neural Networks¹", ""},
		// other marks after a capitalised word go as before
		{"Keys for Neural Networks^1,2", "Keys for Neural Networks", ""},
		{"Keys for Neural Networks^*", "Keys for Neural Networks", ""},
		{"Keys for Neural Networks^2", "Keys for Neural Networks", "2 We thank the fund."},
	} {
		t.Run(tt.title+" "+tt.footnote, func(t *testing.T) {
			assert.Equal(t, tt.want, generatedTitle(t, tt.title, tt.footnote, false))
			assert.Equal(t, tt.want, generatedTitle(t, tt.title, tt.footnote, true), "in two columns")
		})
	}
}

// TestGeneratedUnderscoresAreText: without Scripts, the generator draws "_" and "^" as text.
func TestGeneratedUnderscoresAreText(t *testing.T) {
	abstract := "We generate a PDF in the test. Its abstract names the field user_name and the file a_b^c.txt, which " +
		"the generator must draw as they are written."
	h, err := pdfmeta.Read(pdftest.Paper(pdftest.Page{
		Title: []string{"A Generated snake_case Paper"}, Authors: "Ada Lovelace and Alan Turing", Abstract: abstract,
	}))
	require.NoError(t, err)
	assert.Equal(t, abstract, h.Abstract)
	assert.Equal(t, "A Generated snake_case Paper", h.Title)
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
