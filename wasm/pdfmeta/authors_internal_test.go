package pdfmeta

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Rows of names that do not end in a comma: a row's last name and the next row's first are two authors, not
// one name broken by the line end; and a row split into columns by a wide gap keeps every column when the list
// goes on below it.
func TestAuthorRowsStayApart(t *testing.T) {
	title := line{x0: 100, x1: 500, y: 700, size: 17, bold: true, text: "A Study of Things"}
	rows := []line{title,
		{x0: 100, x1: 400, y: 670, size: 11, text: "Alice Smith, Bob Jones, Carol White"},
		{x0: 100, x1: 250, y: 656, size: 11, text: "Dan Brown, Eve Black"}}
	assert.Equal(t, []string{"Alice Smith", "Bob Jones", "Carol White", "Dan Brown", "Eve Black"}, authors(rows, 1, 17))

	columns := []line{title,
		{x0: 100, x1: 260, y: 670, size: 11, text: "Alice Smith, Bob Jones"},
		{x0: 340, x1: 420, y: 670, size: 11, text: "Carol White"},
		{x0: 100, x1: 250, y: 656, size: 11, text: "Dan Brown, Eve Black"}}
	assert.Equal(t, []string{"Alice Smith", "Bob Jones", "Carol White", "Dan Brown", "Eve Black"}, authors(columns, 1, 17))
}

// Degrees printed after names were taken for authors ("Ph.D", "M.Sc"), or, without dots ("MD, PhD"), made the
// line too little like names to be read at all.
func TestAuthorDegrees(t *testing.T) {
	title := line{x0: 100, x1: 500, y: 700, size: 17, bold: true, text: "A Study of Things"}
	for text, want := range map[string][]string{
		"Alice Smith, Ph.D., Bob Jones, M.Sc. and Carol White, Ph. D.":  {"Alice Smith", "Bob Jones", "Carol White"},
		"Alice Smith, MD, PhD, Bob Jones, MD, MPH, and Carol White, RN": {"Alice Smith", "Bob Jones", "Carol White"},
	} {
		ls := []line{title, {x0: 100, x1: 400, y: 670, size: 11, text: text}}
		assert.Equal(t, want, authors(ls, 1, 17), text)
	}
}

// A line that printed each author's mail beside the name gave no authors: notNamesRe refuses any "@".
func TestAuthorEmails(t *testing.T) {
	title := line{x0: 100, x1: 500, y: 700, size: 17, bold: true, text: "A Study of Things"}
	for _, text := range []string{
		"Alice Smith (alice@example.org), Bob Jones (bob.jones@example.org)",
		"Alice Smith alice@example.org Bob Jones bob@cs.example.edu",
		"Alice Smith <alice@example.org>, Bob Jones <bob@example.org>",
	} {
		ls := []line{title, {x0: 100, x1: 400, y: 670, size: 11, text: text},
			{x0: 100, x1: 400, y: 656, size: 9, text: "University of Somewhere"}}
		assert.Equal(t, []string{"Alice Smith", "Bob Jones"}, authors(ls, 1, 17), text)
	}
	// a line of addresses under the names stays one
	ls := []line{title, {x0: 100, x1: 400, y: 670, size: 11, text: "Alice Smith, Bob Jones"},
		{x0: 100, x1: 400, y: 656, size: 11, text: "{alice,bob}@example.org"}}
	assert.Equal(t, []string{"Alice Smith", "Bob Jones"}, authors(ls, 1, 17))
}

// An apostrophe inside a name was taken for an affiliation mark: "Sean O'Neil" read "Sean O Neil".
func TestAuthorApostrophes(t *testing.T) {
	title := line{x0: 100, x1: 500, y: 700, size: 17, bold: true, text: "A Study of Things"}
	ls := []line{title, {x0: 100, x1: 400, y: 670, size: 11, text: "Sean O'Neil1, Anna D’Angelo2 and Young-Dae Jung''"},
		{x0: 100, x1: 400, y: 656, size: 9, text: "University of Somewhere"}}
	assert.Equal(t, []string{"Sean O'Neil", "Anna D’Angelo", "Young-Dae Jung"}, authors(ls, 1, 17))
}

// Names printed in capitals gave no authors: hasName wants a capital followed by lower case.
func TestAuthorsInCapitals(t *testing.T) {
	title := line{x0: 100, x1: 500, y: 700, size: 17, bold: true, text: "A Study of Things"}
	for text, want := range map[string][]string{
		"ADA LOVELACE1, AHMED ABU-RAYYAN2 AND LUDWIG VAN BEETHOVEN": {"Ada Lovelace", "Ahmed Abu-Rayyan", "Ludwig van Beethoven"},
		"J.-C. GIRARD, SEAN O'NEIL":                                 {"J.-C. Girard", "Sean O'Neil"},
	} {
		ls := []line{title, {x0: 100, x1: 400, y: 670, size: 11, text: text},
			{x0: 100, x1: 400, y: 656, size: 9, text: "University of Somewhere"}}
		assert.Equal(t, want, authors(ls, 1, 17), text)
	}
	// one name's shape in capitals is not taken: a label as likely as a name; nor a subtitle in capitals
	for _, l := range []line{{x0: 100, x1: 400, y: 670, size: 11, text: "TECHNICAL REPORT"},
		{x0: 100, x1: 400, y: 670, size: 11, text: "A CASE STUDY, PART II"},
		{x0: 100, x1: 400, y: 670, size: 17, text: "BRIDGES, ROADS AND TUNNELS"}} {
		ls := []line{title, l, {x0: 100, x1: 400, y: 656, size: 11, text: "Alice Smith and Bob Jones"}}
		assert.Equal(t, []string{"Alice Smith", "Bob Jones"}, authors(ls, 1, 17), l.text)
	}
}

// A line in capitals of two short phrases between the title and the names (a category, a section, keywords)
// was read as the authors, in title case, over the names in mixed case below it.
func TestCapitalPhrasesAboveNames(t *testing.T) {
	title := line{x0: 100, x1: 500, y: 700, size: 17, bold: true, text: "A Study of Things"}
	for _, text := range []string{"ORIGINAL ARTICLE, OPEN ACCESS", "SHORT COMMUNICATION, BRIEF REPORT",
		"DEEP LEARNING, NEURAL NETWORKS", "EDITORIAL BOARD, GUEST EDITORS"} {
		ls := []line{title, {x0: 100, x1: 400, y: 680, size: 10, text: text},
			{x0: 100, x1: 400, y: 664, size: 11, text: "Alice Smith, Bob Jones"},
			{x0: 100, x1: 400, y: 650, size: 9, text: "University of Somewhere"}}
		assert.Equal(t, []string{"Alice Smith", "Bob Jones"}, authors(ls, 1, 17), text)
	}
	// names in capitals are still read where no line in mixed case names anyone
	ls := []line{title, {x0: 100, x1: 400, y: 680, size: 11, text: "ALICE SMITH, BOB JONES"},
		{x0: 100, x1: 400, y: 664, size: 9, text: "University of Somewhere"}}
	assert.Equal(t, []string{"Alice Smith", "Bob Jones"}, authors(ls, 1, 17))
}

// A category line in capitals directly above the names in capitals, in another size or weight, was read as
// the authors ("Original Article", "Open Access"). Names in capitals over two lines of one style are still
// read whole.
func TestCapitalPhrasesAboveCapitalNames(t *testing.T) {
	title := line{x0: 100, x1: 500, y: 700, size: 17, bold: true, text: "A Study of Things"}
	names := line{x0: 100, x1: 400, y: 664, size: 11, text: "ALICE SMITH1, BOB JONES2"}
	for _, l := range []line{{x0: 100, x1: 400, y: 680, size: 9, text: "ORIGINAL ARTICLE, OPEN ACCESS"},
		{x0: 100, x1: 400, y: 680, size: 11, bold: true, text: "DEEP LEARNING, NEURAL NETWORKS"}} {
		ls := []line{title, l, {x0: 150, x1: 160, y: 670, size: 6, text: "1 2"}, names,
			{x0: 100, x1: 400, y: 650, size: 9, text: "University of Somewhere"}}
		assert.Equal(t, []string{"Alice Smith", "Bob Jones"}, authors(ls, 1, 17), l.text)
	}
	ls := []line{title, {x0: 100, x1: 400, y: 680, size: 11, text: "ALICE SMITH, BOB JONES,"},
		{x0: 100, x1: 400, y: 666, size: 11, text: "CAROL WHITE AND DAN BROWN"},
		{x0: 100, x1: 400, y: 650, size: 9, text: "University of Somewhere"}}
	assert.Equal(t, []string{"Alice Smith", "Bob Jones", "Carol White", "Dan Brown"}, authors(ls, 1, 17))
}

// The mirror of TestCapitalPhrasesAboveCapitalNames: the names come first, in larger type, and a smaller list in
// capitals (keywords, or more names) follows. The upper line is the names and stays read, not passed over for
// the smaller line below.
func TestCapitalNamesAboveSmallerCapitalPhrases(t *testing.T) {
	title := line{x0: 100, x1: 500, y: 700, size: 17, bold: true, text: "A Study of Things"}
	for below, want := range map[string][]string{
		"DEEP LEARNING, NEURAL NETWORKS": {"Alice Smith", "Bob Jones"},
		// as on main, the change of size ends the authors; the first author is right
		"CAROL WHITE AND DAN BROWN": {"Alice Smith", "Bob Jones"},
	} {
		names := line{x0: 100, x1: 400, y: 680, size: 11, text: "ALICE SMITH, BOB JONES"}
		size := 9.0
		if strings.Contains(below, "AND") { // names going on over a second line, a point smaller
			names.text, size = names.text+",", 10
		}
		ls := []line{title, names, {x0: 100, x1: 400, y: 666, size: size, text: below},
			{x0: 100, x1: 400, y: 650, size: 9, text: "University of Somewhere"}}
		assert.Equal(t, want, authors(ls, 1, 17), below)
	}
}
