package pdfmeta

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// An abstract that the page's end cut mid-sentence (it goes on on page 2) was saved with its broken last
// sentence: "… dropped from 41.75% to 19% in the multi-lingual subtasks,". It ends at its last whole sentence
// now; one that ends a sentence, or one cut where a sentence may end, is kept whole.
func TestAbstractCutByThePage(t *testing.T) {
	page := func(last string) []line {
		text := []string{
			"Abstract The campaign was mainly the same as last year. The results of e.g. the participants",
			"suggested that the changes had led to a drop in performance. In comparison with last year the",
			"accuracy dropped from 41.75% to 19% in the " + last,
		}
		ls := make([]line, len(text))
		for i, s := range text {
			ls[i] = line{x0: 100, x1: 500, y: 700 - 12*float64(i), size: 9, text: s}
		}
		return append(ls, line{x0: 100, x1: 200, y: 80, size: 8, text: "http://example.org"})
	}
	const whole = "The campaign was mainly the same as last year. The results of e.g. the participants suggested that " +
		"the changes had led to a drop in performance."
	rest := " In comparison with last year the accuracy dropped from 41.75% to 19% in the "
	for last, want := range map[string]string{
		"multi-lingual subtasks,":  whole,
		"multi-lingual tasks of":   whole,
		"multi-lingual tasks.":     whole + rest + "multi-lingual tasks.",
		"multi-lingual tasks (see": whole,
		"multi-lingual QA track":   whole + rest + "multi-lingual QA track",
		// a stop after an abbreviation ends no sentence: "Fig. 2", "vs. ResNet"
		"tasks. as shown in Fig. 2 the method works better than the rest of them, and": whole,
		"tasks. Our baseline vs. ResNet on the":                                        whole + rest + "tasks.",
		"tasks, as Smith et al. Report in Eq. 3, and":                                  whole,
		"tasks (Sec. 4). As Fig. 2 shows, the method (e.g. Ours) works, and":           whole + rest + "tasks (Sec. 4).",
	} {
		assert.Equal(t, want, abstract(page(last)), strings.TrimSpace(last))
	}
}

// Elsevier's journals set the label letter-spaced, which reads "A B S T R A C T": no abstract was found.
func TestAbstractLetterSpacedLabel(t *testing.T) {
	text := []string{
		"A B S T R A C T",
		"We study the letter-spaced label of some journals, which sets the word apart from the text.",
		"The abstract below it is read up to the keywords.",
		"Keywords: labels; letter spacing",
	}
	ls := make([]line, len(text))
	for i, s := range text {
		ls[i] = line{x0: 100, x1: 500, y: 700 - 12*float64(i), size: 9, text: s}
	}
	assert.Equal(t, "We study the letter-spaced label of some journals, which sets the word apart from the text. The abstract "+
		"below it is read up to the keywords.", abstract(ls))
}

// An unlabelled abstract of two sentences and a short one, set in smaller type than the body below it (as
// Z. Naturforsch. and many journals set it) and as wide, was not taken: it had too few sentences, and was not
// wider than the body.
func TestUnlabelledAbstractInSmallerType(t *testing.T) {
	ls := []line{
		{x0: 100, x1: 400, y: 700, size: 14, bold: true, text: "Exact Solutions of Generated Wave Models"},
		{x0: 100, x1: 300, y: 680, size: 10, text: "Ada Lovelace and Alan Turing"},
		{x0: 100, x1: 300, y: 668, size: 8, text: "Received December 15, 1998"},
	}
	for i, s := range []string{
		"We perform a symbolic computation to find some general solitary solutions for the",
		"general fifth-order shallow water-wave models. Applying the tanh method, we have",
		"found certain new exact solitary wave solutions, of which the previously published",
		"ones are special cases.",
	} {
		x1 := 500.0
		if i == 3 {
			x1 = 200
		}
		ls = append(ls, line{x0: 100, x1: x1, y: 650 - 10*float64(i), size: 8, text: s})
	}
	for i := range 8 {
		ls = append(ls, line{x0: 100, x1: 500, y: 600 - 12*float64(i), size: 10,
			text: "We investigate the generalized fifth-order shallow water-wave model which describes waves."})
	}
	assert.Equal(t, "We perform a symbolic computation to find some general solitary solutions for the general fifth-order "+
		"shallow water-wave models. Applying the tanh method, we have found certain new exact solitary wave solutions, "+
		"of which the previously published ones are special cases.", unlabelledAbstract(ls, 2, 100, false))
}

// Journals that label the abstract "Summary" (The Lancet, some of Wiley's) gave no labelled abstract.
func TestAbstractSummaryLabel(t *testing.T) {
	page := func(label string) []line {
		text := []string{
			label + "We study the label that some journals give the abstract, which must not be kept in the text.",
			"The abstract below it is read up to the keywords.",
			"Keywords: labels; summaries",
		}
		ls := make([]line, len(text))
		for i, s := range text {
			ls[i] = line{x0: 100, x1: 500, y: 700 - 12*float64(i), size: 9, text: s}
		}
		return ls
	}
	const want = "We study the label that some journals give the abstract, which must not be kept in the text. The " +
		"abstract below it is read up to the keywords."
	for _, label := range []string{"SUMMARY ", "Summary: ", "Summary. "} {
		assert.Equal(t, want, abstract(page(label)), label)
	}
	alone := append([]line{{x0: 100, x1: 160, y: 712, size: 10, bold: true, text: "Summary"}}, page("")...)
	assert.Equal(t, want, abstract(alone))
	// a line of text that starts with the word is no label, nor a closing section's heading low on the page
	assert.Empty(t, abstract(page("Summary statistics of the runs are given below. ")))
	body := make([]line, 8)
	for i := range body {
		body[i] = line{x0: 100, x1: 500, y: 900 - 12*float64(i), size: 9, text: "The body of the paper above its summary."}
	}
	assert.Empty(t, abstract(append(body, page("SUMMARY ")...)))
}

// A title that starts with "Summary", in capitals or before a colon, was read as a "Summary" label, and the
// title's rest as the abstract: "OF THE FIRST WORKSHOP ON DEEP LEARNING FOR THE PHYSICAL SCIENCES…".
func TestSummaryTitleIsNoLabel(t *testing.T) {
	body := "We study the first workshop on deep learning for the physical sciences, which met this year. It was a " +
		"meeting of many fields. The talks and the discussions of the workshop are summed up in this report."
	for _, title := range [][]string{
		{"SUMMARY OF THE FIRST WORKSHOP ON DEEP LEARNING", "FOR THE PHYSICAL SCIENCES AND ENGINEERING TODAY"},
		{"SUMMARY", "OF THE FIRST WORKSHOP ON DEEP LEARNING FOR THE", "PHYSICAL SCIENCES AND ENGINEERING TODAY"},
		{"Summary: The First Workshop on Deep Learning", "for the Physical Sciences and Engineering Today"},
	} {
		w := &walker{}
		y := 740.0
		add := func(size float64, text string) {
			w.glyphs = append(w.glyphs, glyph{x: 72, x1: 72 + 0.5*size*float64(len(text)), y: y, size: size, font: &font{}, text: text})
			y -= 1.3 * size
		}
		for _, l := range title {
			add(17, l)
		}
		add(11, "Ada Lovelace and Alan Turing")
		add(9, "Analytical Engine Society, London")
		for range 12 {
			add(10, body)
		}
		h := header(w, 0, 792, false)
		assert.Equal(t, "Ada Lovelace", h.Authors[0], title[0])
		assert.NotContains(t, h.Abstract, "WORKSHOP", title[0])
		assert.NotContains(t, h.Abstract, "Workshop", title[0])
	}
	// a heading in capitals below the authors, not a label either
	ls := []line{{x0: 100, x1: 500, y: 700, size: 9, text: "SUMMARY OF THE RESULTS OF THE WORKSHOP AND OF ITS DISCUSSIONS"},
		{x0: 100, x1: 500, y: 688, size: 9, text: "AND OF THE TALKS GIVEN AT THE WORKSHOP ON DEEP LEARNING THIS YEAR"}}
	for range 8 {
		ls = append(ls, line{x0: 100, x1: 500, y: ls[len(ls)-1].y - 12, size: 9, text: "The body of the paper below its heading."})
	}
	assert.Empty(t, abstract(ls))
}

// A title that starts with the word "Abstract" ("Abstract Interpretation of …") was read as the label, and the
// title's rest as the abstract, over the labelled abstract below it.
func TestAbstractTitleIsNoLabel(t *testing.T) {
	w := &walker{}
	y := 740.0
	add := func(size float64, text string) {
		w.glyphs = append(w.glyphs, glyph{x: 72, x1: 72 + 0.5*size*float64(len(text)), y: y, size: size, font: &font{}, text: text})
		y -= 1.3 * size
	}
	add(17, "Abstract Interpretation of Generated Programs in a Test")
	add(17, "of Many Lines That Runs Over Eighty Characters in All")
	add(11, "Ada Lovelace and Alan Turing")
	add(9, "Analytical Engine Society, London")
	add(9, "Abstract We interpret the generated programs of the test in the abstract, as the title says we do.")
	add(9, "Keywords: abstract interpretation")
	for range 12 {
		add(10, "The body of the paper is set below the abstract in one column, as wide as the abstract above it.")
	}
	assert.Equal(t, "We interpret the generated programs of the test in the abstract, as the title says we do.",
		header(w, 0, 792, false).Abstract)
}

// A line of running text that starts with the word "abstract" ("abstract syntax tree is read…") was read as the
// label on a page without one, and the rest of the body as the abstract.
func TestAbstractWordInTextIsNoLabel(t *testing.T) {
	page := func(first string) []line {
		var ls []line
		for i, s := range []string{
			"We study the generated programs of the test and their types, and we show how one",
			first + " syntax tree is read by the parser in the test, which is what the body says here.",
			"It goes on for a while, as bodies of papers do, and it has no label above it at all.",
		} {
			ls = append(ls, line{x0: 100, x1: 500, y: 700 - 12*float64(i), size: 9, text: s})
		}
		return ls
	}
	assert.Empty(t, abstract(page("abstract")))
	// the label in lower case is still one before a colon or a dash
	for _, label := range []string{"abstract:", "abstract —", "ABSTRACT", "Abstract"} {
		assert.Equal(t, "syntax tree is read by the parser in the test, which is what the body says here. It goes on for a "+
			"while, as bodies of papers do, and it has no label above it at all.", abstract(page(label)), label)
	}
}

// A one-page abstract whose text narrows to a column beside a figure (abs11-pusep) stopped at the figure's
// first label, and its caption, set as large as the text beside it, could be read into it: the abstract runs
// to its end now, without the figure's words.
func TestAbstractBesideAFigure(t *testing.T) {
	ls := []line{
		{x0: 72, x1: 524, y: 700, size: 10, text: "Abstract We study a text set beside a figure. The text runs across the page"},
		{x0: 72, x1: 524, y: 688, size: 10, text: "first, then narrows to a column at the right of a figure"},
		{x0: 292, x1: 523, y: 676, size: 10, text: "that has labels. The column goes on beside"},
		{x0: 98, x1: 140, y: 670, size: 7, text: "0.4 ν =1 ν =1"},
		{x0: 292, x1: 523, y: 664, size: 10, text: "the figure and its caption, set in the"},
		{x0: 80, x1: 269, y: 660, size: 10, text: "Figure 1: a caption set beside the"},
		{x0: 292, x1: 304, y: 652, size: 10, text: "same"},
		{x0: 317, x1: 523, y: 652, size: 10, text: "type as the text, on its own rows."},
		{x0: 80, x1: 269, y: 648, size: 10, text: "text, in the size of the text."},
		{x0: 222, x1: 233, y: 645, size: 8.5, text: "(a)"},
		{x0: 72, x1: 524, y: 640, size: 10, text: "Below the figure the text runs across the page again, to its end."},
		{x0: 72, x1: 200, y: 610, size: 12, text: "1 Introduction"},
	}
	assert.Equal(t, "We study a text set beside a figure. The text runs across the page first, then narrows to a column at "+
		"the right of a figure that has labels. The column goes on beside the figure and its caption, set in the same "+
		"type as the text, on its own rows. Below the figure the text runs across the page again, to its end.", abstract(ls))
}

// A paragraph whose last line is one short word, followed by an indented paragraph: the indented first line lies
// below the short line and beside it, but the text has not narrowed there, so it is read.
func TestAbstractIndentedParagraphAfterAShortLine(t *testing.T) {
	ls := []line{
		{x0: 72, x1: 524, y: 700, size: 10, text: "Abstract The first paragraph runs across the page and ends with a"},
		{x0: 72, x1: 88, y: 688, size: 10, text: "word."},
		{x0: 92, x1: 524, y: 676, size: 10, text: "The second paragraph is indented, and its first line is the one that"},
		{x0: 72, x1: 524, y: 664, size: 10, text: "matters here, since it holds the result."},
		{x0: 72, x1: 200, y: 634, size: 12, text: "1 Introduction"},
	}
	assert.Equal(t, "The first paragraph runs across the page and ends with a word. The second paragraph is indented, and its "+
		"first line is the one that matters here, since it holds the result.", abstract(ls))
}
