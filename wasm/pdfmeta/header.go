package pdfmeta

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/papergist/papergist/shared/paper"
)

var (
	// Running heads, mastheads and stamps that can be set larger than the title.
	mastheadRe = regexp.MustCompile(`(?i)^(journal of|proceedings|transactions|letters|annals of|original research|research article|review article|notes?$|volume|vol\.|issn|contents lists)|\b(journal|proceedings)\b.*\b(of|on)\b|©|copyright|https?://|www\.`)
	// Lines that are not a list of names: affiliations, addresses, mail, dates, section heads.
	notNamesRe = regexp.MustCompile(`(?i)\b(universit\w*|department|dept\.|institute|institut|laborator\w*|college|school|faculty|center|centre|corporation|inc\.|ltd|gmbh|research|received|accepted|published|abstract|introduction|keywords|street|avenue|road)\b|@|\d{3,}`)
	// Words that may start in lower case inside a name.
	particles = map[string]bool{"van": true, "von": true, "de": true, "der": true, "den": true, "dos": true, "da": true,
		"del": true, "della": true, "di": true, "du": true, "la": true, "le": true, "ter": true, "bin": true, "al": true}
	nameSplitRe = regexp.MustCompile(`\s*(?:,|;|&|\band\b|\s{2,}|·|•)\s*`)
	// Affiliation marks around a name: digits, stars, daggers, asterisms and the like.
	nameMarksRe  = regexp.MustCompile(`[0-9*∗†‡§¶#$+‖⋆♯♭♮⁎'"’”]+|\([a-z0-9, ]*\)`)
	honorificsRe = regexp.MustCompile(`^(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+`)
	// the label, letter-spaced too ("A B S T R A C T", as Elsevier's journals set it); in lower case only
	// before a colon or a dash, not a line of text that starts with the word ("abstract syntax trees…")
	abstractRe = regexp.MustCompile(`^(?:A(?i: ?b ?s ?t ?r ?a ?c ?t)\b|abstract\s*[:—–-])[\s.:—–-]*`)
	// the label some journals (The Lancet, some of Wiley's) give the abstract: in capitals, or alone or before a
	// stop or colon, not a line of text that starts with the word ("Summary statistics are…")
	summaryRe = regexp.MustCompile(`^(?:SUMMARY\b|Summary(?:\s*[.:—–]|$))[\s.:—–-]*`)
	// Lines of the front matter between the authors and an unlabelled abstract.
	frontMatterRe = regexp.MustCompile(`(?i)^(received|accepted|published|revised|submitted|edited by|reviewed by|\*?correspondence|e-?mail|citation|copyright|©|key ?words)`)
	// the end of a sentence inside a text, before the next one's capital: a stop after a word, a number or a
	// bracket, maybe closed by a quote or bracket (sentenceEnds passes over abbreviations: "et al. Smith")
	sentenceRe = regexp.MustCompile(`[\p{Ll}\d%)\]][.?!]['")\]’”]?\s+\p{Lu}`)
	afterAbsRe = regexp.MustCompile(`(?i)^(keywords?|key words|index terms|ccs concepts|categories and subject|general terms|(?:[0-9]+\.?|i\.?)\s*introduction|introduction\b|pacs|mathematics subject)`)
)

// header reads the title, authors, abstract and IDs from the page's glyphs.
func header(w *walker, bottom, top float64, onePage bool) Header {
	var h Header
	ls := lines(w.glyphs)
	texts := append([]string{}, w.ops...)
	for _, l := range ls {
		texts = append(texts, l.text)
	}
	findIDs(&h, texts)

	height := top - bottom
	named := unmarked(ls) // titles without their footnote marks
	ti := titleLines(named, bottom+0.35*height)
	if len(ti) == 0 {
		return h
	}
	named = titleNote(named, ti, bottom+0.5*height)
	h.Title = titleCase(joinLines(named, ti), named, ti)
	last := ti[len(ti)-1]
	h.Authors = authors(nameLines(ls), last+1, ls[ti[0]].size)
	h.Abstract = abstract(ls, ti...)
	if h.Abstract == "" {
		h.Abstract = unlabelledAbstract(ls, last+1, bottom+0.3*height, onePage)
	}
	return h
}

// titleNote is ls with the title's footnote mark dropped: a ¹ that ends the title's last line after a word of two
// letters or more, which titleMark keeps as an exponent (per km², SO³, Ext¹, networks¹), when the page has its
// footnote.
// Notes are numbered in reading order and the title's comes first, so other digits there are an exponent, whatever
// notes the page has (per km² over "2 Code at…", 1 cm³ over "3 Data at…"). The footnote starts with a 1, plain or
// raised, and then a word ("1 We thank…", "¹This work…"), not a number or an ordinal ("1.5 GHz", "1)", "1st
// Workshop"). It is in the page's footnote zone: below the title and the page's middle (floor), in a font smaller
// than the page's text, with no line of text in that size or larger below it in its column (textBelow: an
// affiliation or a caption has text below it; a heading, "1 Introduction", is no smaller than the text). In a
// formula ("= mc¹") it stays.
func titleNote(ls []line, ti []int, floor float64) []line {
	title := ls[ti[len(ti)-1]]
	text := strings.TrimRight(title.text, " ")
	before, ok := strings.CutSuffix(text, "¹")
	word := before[len(strings.TrimRightFunc(before, unicode.IsLetter)):]
	if !ok || utf8.RuneCountInString(word) < 2 || strings.Contains(text, "=") {
		return ls
	}
	chars := map[float64]int{} // the page's text size: the one with the most characters
	body, most := 0.0, 0
	for _, l := range ls {
		n := len(l.text)
		chars[l.size] += n
		if chars[l.size] > most {
			body, most = l.size, chars[l.size]
		}
	}
	for _, l := range ls {
		if l.y >= floor || l.y >= title.y || l.size >= body {
			continue
		}
		note, ok := strings.CutPrefix(l.text, "1")
		if !ok {
			note, ok = strings.CutPrefix(l.text, "¹")
		}
		if ok && noteText(note) && !textBelow(ls, l, body) {
			out := append([]line{}, ls...)
			out[ti[len(ti)-1]].text = strings.TrimRight(before, " ")
			return out
		}
	}
	return ls
}

// textBelow: ls has a line of text in the size body or larger on n's baseline or below it, in n's column: across
// some of n's width, so that the other column of a page in two runs on below a note at the foot of its own. Lines
// with no letters (page numbers) are no text.
func textBelow(ls []line, n line, body float64) bool {
	for _, l := range ls {
		if l.size >= body && l.y <= n.y && l.x0 <= n.x1 && l.x1 >= n.x0 && strings.IndexFunc(l.text, unicode.IsLetter) >= 0 {
			return true
		}
	}
	return false
}

// noteText: s, a line's text after its footnote's number, is the note's text: a space or a word, with a letter
// in it, and no digit, stop, bracket or ordinal's ending that makes the number another ("1.5", "12", "1)", "1st").
func noteText(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsSpace(r) && !unicode.IsLetter(r) || strings.IndexFunc(s, unicode.IsLetter) < 0 {
		return false
	}
	for _, end := range []string{"st", "nd", "rd", "th"} {
		if rest, ok := strings.CutPrefix(s, end); ok {
			if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}

// unmarked is ls with each line's text without the marks after its words (line.unmarked), or ls itself.
func unmarked(ls []line) []line { return textsOf(ls, func(_ int, l line) string { return l.unmarked }) }

// nameLines is ls with each line's text without the raised runs after its words (line.names), or ls itself.
func nameLines(ls []line) []line { return textsOf(ls, func(_ int, l line) string { return l.names }) }

// textsOf is ls with each line's text replaced by text(i, line) where that is not empty, or ls itself.
func textsOf(ls []line, text func(i int, l line) string) []line {
	var out []line
	for i, l := range ls {
		t := text(i, l)
		if t == "" {
			continue
		}
		if out == nil {
			out = append([]line{}, ls...)
		}
		out[i].text = t
	}
	if out == nil {
		return ls
	}
	return out
}

// titleLines returns the indices of the title's lines: the largest text above floor with a few letters,
// which is not a masthead, with the lines below it in the same size and weight.
func titleLines(ls []line, floor float64) []int {
	best := -1
	for i, l := range ls {
		if l.y < floor || (best >= 0 && l.size <= ls[best].size+0.25) || l.letters() < 4 {
			continue
		}
		if !mastheadRe.MatchString(l.text) && !notTitle(l.text) {
			best = i
		}
	}
	if best < 0 {
		return nil
	}
	out := []int{best}
	prev := ls[best]
	for i := best + 1; i < len(ls); i++ {
		l := ls[i]
		if prev.y-l.y > 2.2*prev.size {
			break
		}
		if l.letters() == 0 || l.x1 < ls[best].x0 || l.x0 > ls[best].x1 {
			continue // a footnote mark or a lone symbol between title lines, or another column
		}
		if len(nameSplitRe.Split(l.text, -1)) > 1 && looksLikeNames(l.text) {
			break // the authors, set like the title
		}
		if math.Abs(l.size-prev.size) > 0.06*prev.size || l.bold != prev.bold || l.y >= prev.y {
			if l.y >= prev.y-prev.size/3 {
				continue // another column on the same row
			}
			break
		}
		out = append(out, i)
		prev = l
	}
	return out
}

func notTitle(s string) bool {
	lower := strings.ToLower(s)
	return strings.Contains(lower, "@") || strings.HasPrefix(lower, "doi") || strings.HasPrefix(lower, "arxiv:")
}

// joinLines joins title lines, without a space after a line that ends in a hyphen, and without the hyphen when
// it only broke a word (breakHyphen). In a title all in capitals the capitals say nothing of a compound
// ("REGULARI-" / "ZATION"): the break is judged as if it were in lower case, by capsBreak.
func joinLines(ls []line, idx []int) string {
	var b strings.Builder
	var words map[string]int
	caps := true
	for _, i := range idx {
		caps = caps && strings.ToUpper(ls[i].text) == ls[i].text
	}
	for k, i := range idx {
		t := ls[i].text
		if s := b.String(); k > 0 && lineEndHyphen(s, t) {
			if words == nil {
				words = pageWords(ls)
			}
			if caps && capsBreak(strings.ToLower(s), strings.ToLower(t), words, ls) || !caps && breakHyphen(s, t, words) {
				b.Reset()
				b.WriteString(s[:len(s)-1])
			}
		} else if k > 0 && !strings.HasSuffix(s, "-") && !strings.HasSuffix(s, "\u00ad") { // a soft hyphen breaks a word
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return tidy(b.String())
}

// capsBreak is breakHyphen for a title in capitals, given in lower case. There the hyphen at a line's end is
// most often a compound's ("BOSE-" / "EINSTEIN", "TWO-" / "DIMENSIONAL"): a title is set centred or ragged,
// where neither TeX nor a word processor breaks words. So the hyphen goes only where breakHyphen would drop it
// and the page shows a broken word: it prints the word joined, or the part after is a word's ending, a common
// suffix ("zation", "ings") or the end of another word of the page ("sets" of "subsets"). A part that the page
// writes as a name (capitalized, never in lower case: "Einstein") keeps it in any case.
func capsBreak(s, next string, words map[string]int, ls []line) bool {
	if !breakHyphen(s, next, words) {
		return false
	}
	before := lastLetters(s[:len(s)-1])
	after := firstLetters(next)
	if words[before+after] > 0 {
		return true
	}
	names := pageNames(ls)
	if names[before] || names[after] {
		return false
	}
	if suffixRe.MatchString(after) {
		return true
	}
	for w := range words {
		if len(w) > len(after) && strings.HasSuffix(w, after) && !strings.Contains(w, "-") {
			return true
		}
	}
	return false
}

// suffixRe: the part of a word after a break that is a common ending: a syllable or two, then a suffix.
var suffixRe = regexp.MustCompile(`^[a-z]{0,3}(?:tions?|sions?|ings?|ments?|ness|ity|ities|isms?|ists?|ives?|ous|able|ible|ances?|ences?|ency|ancy|ures?|ical|ally|ular|ogy|ogies|ics|ed|ers?|ly|als?|i[sz]ed?|i[sz]es|ates|ated|ations?|scopy|graphy|metry|logy|sis|ses)$`)

// pageNames are the words, in lower case, that the page's running text (lines with lower case) writes
// capitalized and never in lower case: names.
func pageNames(ls []line) map[string]bool {
	names, lower := map[string]bool{}, map[string]bool{}
	for _, l := range ls {
		if strings.ToUpper(l.text) == l.text {
			continue
		}
		for _, w := range strings.FieldsFunc(l.text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			r, n := utf8.DecodeRuneInString(w)
			switch low := strings.ToLower(w); {
			case low == w:
				lower[w] = true
			case unicode.IsUpper(r) && strings.ToLower(w[n:]) == w[n:]:
				names[low] = true
			}
		}
	}
	for w := range lower {
		delete(names, w)
	}
	return names
}

// smallWords stay lower case in a title, but for its first word and the first after a colon or dash.
var smallWords = map[string]bool{"a": true, "an": true, "and": true, "as": true, "at": true, "but": true, "by": true,
	"for": true, "from": true, "in": true, "into": true, "nor": true, "of": true, "on": true, "or": true, "per": true,
	"the": true, "to": true, "via": true, "vs": true, "with": true}

// capsWords are words that papers print in capitals in running text, before a number or as a label ("TABLE 1").
var capsWords = map[string]bool{"abstract": true, "algorithm": true, "appendix": true, "case": true, "chapter": true,
	"corollary": true, "definition": true, "eq": true, "equation": true, "example": true, "fig": true,
	"figure": true, "introduction": true, "keywords": true, "lemma": true, "note": true, "part": true, "proof": true,
	"proposition": true, "remark": true, "section": true, "step": true, "table": true, "theorem": true}

var romanRe = regexp.MustCompile(`^(?:II|III|IV|VI|VII|VIII|IX|XI|XII)$`)

// titleCase renders a title printed all in capitals ("A STUDY OF THINGS") in title case ("A Study of Things"),
// each part of a compound too ("Magneto-Photoluminescence"). A word with a digit stays as printed, and so does a
// word that is clearly an acronym: without a vowel ("CMB", "NLP"), a Roman numeral, or written in capitals in
// the page's running text (lines with lower case, not the title's), never otherwise there, and not a small word
// ("THE") nor a word that papers print in capitals ("TABLE 1", "FIGURE 2"). A title with any lower case is left
// as it is.
func titleCase(title string, ls []line, ti []int) string {
	if strings.ToUpper(title) != title || strings.ToLower(title) == title {
		return title
	}
	acronyms := map[string]bool{}
	cased := map[string]bool{} // words the running text writes in lower or mixed case, in capitals
	inTitle := map[int]bool{}
	for _, i := range ti {
		inTitle[i] = true
	}
	for i, l := range ls {
		if inTitle[i] || strings.ToUpper(l.text) == l.text {
			continue // the title, or a heading or running head in capitals
		}
		for _, w := range strings.FieldsFunc(l.text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if up := strings.ToUpper(w); up != w {
				cased[up] = true
			} else if len([]rune(w)) >= 2 && !capsWords[strings.ToLower(w)] {
				acronyms[w] = true
			}
		}
	}
	for w := range cased {
		delete(acronyms, w)
	}
	words := strings.Fields(title)
	start := true // the next word opens the title or a part of it
	for i, w := range words {
		parts := strings.Split(w, "-")
		for k, part := range parts {
			parts[k] = titleWord(part, start && k == 0, acronyms)
		}
		words[i] = strings.Join(parts, "-")
		start = strings.HasSuffix(w, ":") || w == "—" || w == "–" || w == "-"
	}
	return strings.Join(words, " ")
}

// titleWord is one word (or part of a compound) of a title printed in capitals, in title case.
func titleWord(w string, first bool, acronyms map[string]bool) string {
	core := strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(core) == 0 || strings.ContainsFunc(w, unicode.IsDigit) {
		return w
	}
	c := core[0]
	if acronyms[c] && !smallWords[strings.ToLower(c)] || romanRe.MatchString(c) || len([]rune(c)) >= 2 && !strings.ContainsAny(c, "AEIOUYÀÁÂÄÅÆÈÉÊËÌÍÎÏÒÓÔÖØÙÚÛÜ") {
		return w
	}
	lower := strings.ToLower(w)
	if !first && smallWords[strings.ToLower(c)] {
		return lower
	}
	i := strings.IndexFunc(lower, unicode.IsLetter)
	r, n := utf8.DecodeRuneInString(lower[i:])
	return lower[:i] + string(unicode.ToTitle(r)) + lower[i+n:]
}

// authors reads the names in the first line below the title that is a list of names, and in the lines that
// continue it (same size and weight, names only), left to right across author columns. A name that a line
// break splits ("Edward Van" / "Keuren, Alan Migdall", "Paulo Ro-" / "cha") is joined again. Below an author
// grid's first row (one name per column, each with its affiliation below), the rows of names in the same style
// are read too.
func authors(ls []line, from int, titleSize float64) []string {
	ls = capsNames(withoutEmails(ls, from), from, titleSize)
	for i := from; i < len(ls) && i < from+12; i++ {
		l := ls[i]
		if l.size >= titleSize-0.1 && l.letters() > 0 && !looksLikeNames(l.text) {
			continue // a second title (a translation) or a subtitle
		}
		if !hasName(l.text) {
			continue
		}
		if len(splitNames(l.text)) == 0 {
			return nil
		}
		row := rowAt(ls, i)
		var names []string
		grid := len(row) > 1
		for _, r := range row {
			if ns := splitNames(r.text); len(ns) > 0 && looksLikeNames(r.text) {
				names = append(names, ns...)
				grid = grid && len(ns) == 1
			}
		}
		// the following rows in the same style continue the list, after every column of this one; marks set on
		// their own rows (superscript affiliation numbers) are passed over and do not count
		var cols []string
		for _, r := range row {
			if len(splitNames(r.text)) > 0 && looksLikeNames(r.text) {
				cols = append(cols, r.text)
			}
		}
		text, prev, end, continued := strings.Join(cols, ", "), l, i+len(row), false
		if text == "" {
			text = l.text
		}
		for j, n := end, 0; j < len(ls) && n < 6; j++ {
			m := ls[j]
			if m.letters() < 3 {
				continue
			}
			n++
			if math.Abs(m.size-l.size) > 0.3 || m.bold != l.bold || prev.y-m.y > 3*l.size {
				break
			}
			// the row's other columns: ", Michael Franz" after a gap
			mrow := rowAt(ls, j)
			mtext := m.text
			for _, r := range mrow[1:] {
				mtext += ", " + r.text
			}
			joined, ok := continueNames(text, mtext)
			if !ok {
				break
			}
			text, prev, end, j, continued = joined, m, j+len(mrow), j+len(mrow)-1, true
		}
		if continued {
			names = splitNames(text)
		}
		if grid {
			names = append(names, gridNames(ls, end, l)...)
		}
		return names
	}
	return nil
}

// emailRe: a mail address as printed beside a name, in brackets or not, with a braced list of users too.
var emailRe = regexp.MustCompile(`[(<\[]?(?:\{[^{}]*\}|[\w.+-]+)@[\w-]+(?:\.[\w-]+)+[)>\]]?`)

// withoutEmails is ls with the mail addresses cut out of the lines (from ls[from] on) that print names beside
// them ("Ada Lovelace (ada@example.org), Alan Turing"): notNamesRe refuses any line with an "@". A line of
// addresses only is left as it is, a sign that the names above it are set apart from their affiliations.
func withoutEmails(ls []line, from int) []line {
	return textsOf(ls, func(i int, l line) string {
		if i < from || i >= from+24 || !strings.Contains(l.text, "@") {
			return ""
		}
		if t := strings.TrimSpace(emailRe.ReplaceAllString(l.text, "  ")); hasName(t) {
			return t
		}
		return ""
	})
}

// capsNames is ls with the lists of names printed in capitals below the title (from ls[from] on) in title case
// ("ADA LOVELACE AND ALAN TURING" reads "Ada Lovelace and Alan Turing"), which hasName needs. A line counts as
// a list when it has two names or more and nothing else: a line in capitals with one name's shape is as likely
// a label ("TECHNICAL REPORT", "MIT CSAIL"); and it is smaller than the title, whose subtitle it is otherwise.
// Nor is a line converted above a line of names in mixed case, or directly above another such list in
// capitals set larger, or as large but regular under a bold one: two short phrases in capitals there are a category, a section or
// keywords ("ORIGINAL ARTICLE, OPEN ACCESS"), not the names.
func capsNames(ls []line, from int, titleSize float64) []line {
	var out []line
	end := min(len(ls), from+12)
	list := func(l line) bool {
		t := l.text
		if l.size >= titleSize-0.1 || strings.ToUpper(t) != t || strings.ToLower(t) == t || notNamesRe.MatchString(t) {
			return false
		}
		parts, names := 0, 0
		for _, p := range nameSplitRe.Split(strings.ReplaceAll(t, " AND ", " and "), -1) {
			if p = cleanName(p); p != "" {
				parts++
				if isName(p) && !strings.ContainsFunc(p, unicode.IsDigit) && !slices.ContainsFunc(strings.Fields(p), notNameWord) {
					names++
				}
			}
		}
		return parts >= 2 && names == parts
	}
	for i := from; i < end; i++ {
		t := ls[i].text
		if !list(ls[i]) {
			continue
		}
		if slices.ContainsFunc(ls[i+1:end], func(m line) bool {
			return strings.ToUpper(m.text) != m.text && hasName(m.text) && looksLikeNames(m.text)
		}) {
			break
		}
		// the same above a list in capitals set larger, or as large and regular under a bold one: the names
		if k := slices.IndexFunc(ls[i+1:end], func(m line) bool { return m.letters() >= 3 }); k >= 0 {
			if m := ls[i+1+k]; list(m) && (m.size-ls[i].size > 0.3 || m.size-ls[i].size > -0.3 && ls[i].bold && !m.bold) {
				continue
			}
		}
		if out == nil {
			out = append([]line{}, ls...)
		}
		words := strings.Fields(t)
		for k, w := range words {
			lw := strings.ToLower(w)
			switch {
			case lw == "and" || particles[lw]:
				words[k] = lw
			default:
				words[k] = capitalizeParts(lw)
			}
		}
		out[i].text = strings.Join(words, " ")
	}
	if out == nil {
		return ls
	}
	return out
}

// notNameWord: a word in capitals that no name has: a small word ("A CASE STUDY OF") or a Roman numeral.
func notNameWord(w string) bool {
	lw := strings.ToLower(w)
	return smallWords[lw] && !particles[lw] || romanRe.MatchString(w)
}

// capitalizeParts puts a capital at the start of a lower-case word and of each part after a hyphen, a dot or an
// apostrophe ("abu-rayyan" → "Abu-Rayyan", "j.-c." → "J.-C.", "o'neil" → "O'Neil").
func capitalizeParts(w string) string {
	rs := []rune(w)
	up := true
	for k, r := range rs {
		if up && unicode.IsLetter(r) {
			rs[k] = unicode.ToUpper(r)
		}
		up = !unicode.IsLetter(r)
	}
	return string(rs)
}

// rowAt is line i and the lines after it on the same row (other columns), left to right.
func rowAt(ls []line, i int) []line {
	row := []line{ls[i]}
	for j := i + 1; j < len(ls) && math.Abs(ls[j].y-ls[i].y) < ls[i].size/3; j++ {
		row = append(row, ls[j])
	}
	sort.SliceStable(row, func(a, b int) bool { return row[a].x0 < row[b].x0 })
	return row
}

// continueNames joins a list of names and the next line, if that line continues it. A line of a list that does
// not end in a separator ends inside a name, which the next line's first words finish.
func continueNames(list, next string) (string, bool) {
	t := strings.TrimRight(nameMarksRe.ReplaceAllString(list, ""), " ")
	if strings.HasSuffix(t, "-") && next != "" {
		first, _ := utf8.DecodeRuneInString(next)
		if unicode.IsLower(first) { // "Paulo Ro-" + "cha": a hyphen the line break added
			return strings.TrimSuffix(t, "-") + next, looksLikeNames(t[:len(t)-1] + next)
		}
		return t + next, looksLikeNames(t + next)
	}
	parts := nameSplitRe.Split(t, -1)
	ended := parts[len(parts)-1] == "" // "…, Manfred Steimann ," or "…, and"
	if ended || len(parts) == 1 {
		if !ended {
			list += ","
		}
		return list + " " + next, looksLikeNames(next)
	}
	// "…, Edward Van" + "Keuren, Alan Migdall": the next line's first part ends the broken name. A first part of
	// more than one word is a name of its own ("…, Carol White" + "Dan Brown, Eve Black": rows of names).
	rest := nameSplitRe.Split(next, 2)
	if len(strings.Fields(cleanName(rest[0]))) > 1 {
		return list + ", " + next, looksLikeNames(next)
	}
	joined := list + " " + next
	if len(rest) < 2 || strings.TrimSpace(rest[1]) == "" {
		return joined, isName(cleanName(parts[len(parts)-1] + " " + next))
	}
	return joined, looksLikeNames(rest[1])
}

// gridNames reads the rows of an author grid below its first row (from is the first line after the first
// row's block): rows whose every line is one name, set like the first row's names, up to the abstract.
func gridNames(ls []line, from int, first line) []string {
	var names []string
	// a row of names counts only below an affiliation set apart from names (another size or weight) or an
	// email: where everything is set alike (CVPR), the row under the names is their institutions
	apart := false
	for j := from; j < len(ls) && first.y-ls[j].y < 20*first.size; j++ {
		m := ls[j]
		if m.size > first.size+0.3 || abstractRe.MatchString(m.text) || afterAbsRe.MatchString(m.text) {
			break
		}
		row := rowAt(ls, j)
		j += len(row) - 1
		var ns []string
		for _, r := range row {
			if r.letters() < 3 {
				continue
			}
			n := splitNames(r.text)
			if math.Abs(r.size-first.size) > 0.3 || r.bold != first.bold || strings.Contains(r.text, "@") {
				apart = true
			}
			if math.Abs(r.size-first.size) > 0.3 || r.bold != first.bold || len(n) != 1 || !hasName(r.text) || !looksLikeNames(r.text) {
				ns = nil
				break
			}
			ns = append(ns, n[0])
		}
		if len(ns) > 0 && apart {
			names = append(names, ns...)
			apart = false
		}
	}
	return names
}

// hasName: a capital followed by a lower-case letter or a dot, and a few letters, not an affiliation.
func hasName(s string) bool {
	letters := 0
	capFollowed := false
	rs := []rune(s)
	for i, r := range rs {
		if unicode.IsLetter(r) {
			letters++
		}
		if unicode.IsUpper(r) && i+1 < len(rs) && (unicode.IsLower(rs[i+1]) || rs[i+1] == '.') {
			capFollowed = true
		}
	}
	return letters >= 4 && capFollowed && !notNamesRe.MatchString(s)
}

func looksLikeNames(s string) bool {
	if notNamesRe.MatchString(s) {
		return false
	}
	parts := nameSplitRe.Split(s, -1)
	good, all := 0, 0
	for _, p := range parts {
		p = cleanName(p)
		if p == "" {
			continue
		}
		if degreeRe.MatchString(p) {
			continue
		}
		all++
		if isName(p) {
			good++
		}
	}
	return all > 0 && good*4 >= all*3
}

// degreeRe: an academic degree printed after a name ("Jane Doe, MD, PhD", "John Roe, Ph.D."), not a name.
var degreeRe = regexp.MustCompile(`^(?:Ph\.? ?D|M\.? ?D|M\.? ?Sc|B\.? ?Sc|[MD]\.? ?Phil|M\.? ?P\.? ?H|MBA|DrPH|RN|FRCP\w*|M\.? ?S|M\.? ?A|B\.? ?S|B\.? ?A)\.?$`)

func splitNames(s string) []string {
	var out []string
	for _, p := range nameSplitRe.Split(s, -1) {
		if p = cleanName(p); p != "" && isName(p) && !degreeRe.MatchString(p) {
			out = append(out, p)
		}
	}
	return out
}

// innerApostropheRe: an apostrophe inside a name, between two letters ("O'Neil", "D’Angelo").
var innerApostropheRe = regexp.MustCompile(`\pL['’]\pL`)

// apostrophes hides apostrophes as Private Use runes and shows them again.
var apostrophes = struct{ hide, show *strings.Replacer }{
	strings.NewReplacer("'", "\uE000", "’", "\uE001"), strings.NewReplacer("\uE000", "'", "\uE001", "’")}

func cleanName(s string) string {
	// "O'Neil" keeps its apostrophe, hidden from nameMarksRe; "Jung''" does not
	s = innerApostropheRe.ReplaceAllStringFunc(s, apostrophes.hide.Replace)
	s = apostrophes.show.Replace(nameMarksRe.ReplaceAllString(s, " "))
	s = strings.Trim(strings.Join(strings.Fields(s), " "), " ,.;:-")
	if strings.HasSuffix(s, ".") && len(s) > 3 && s[len(s)-3] != ' ' && s[len(s)-3] != '.' {
		s = strings.TrimSuffix(s, ".")
	}
	s = honorificsRe.ReplaceAllString(s, "")
	// a trailing affiliation letter: "Ahmed Abu-Rayyan a"
	if f := strings.Fields(s); len(f) > 1 && len([]rune(f[len(f)-1])) == 1 && unicode.IsLower([]rune(f[len(f)-1])[0]) {
		s = strings.Join(f[:len(f)-1], " ")
	}
	return tidy(s)
}

// isName: one to five words, each capitalized (or a particle like "van"), or one dotted token ("Yu.A.Pusep").
func isName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	letters := 0
	for _, w := range words {
		rs := []rune(w)
		if particles[strings.ToLower(w)] {
			continue
		}
		if !unicode.IsUpper(rs[0]) {
			return false
		}
		for _, r := range rs {
			if unicode.IsLetter(r) {
				letters++
			} else if r != '.' && r != '-' && r != '\'' && r != '’' {
				return false
			}
		}
	}
	return letters >= 3 && (len(words) > 1 || strings.Contains(s, "."))
}

// abstract is the text after an "Abstract" label (else a "Summary" one), in its column, up to the keywords or
// the introduction. An abstract that the column's end cuts mid-sentence goes on at the top of the next column.
// No label is taken on the title's lines (ls[title[k]]): "Abstract Interpretation of…" and "SUMMARY OF THE
// FIRST WORKSHOP…" are titles.
func abstract(ls []line, title ...int) string {
	label := abstractRe
	if !slices.ContainsFunc(ls, func(l line) bool { return abstractRe.MatchString(l.text) }) {
		label = summaryRe
	}
	for i, l := range ls {
		loc := label.FindStringIndex(l.text)
		if loc == nil || slices.Contains(title, i) || label == summaryRe && (i > len(ls)/2 || capsHeading(ls, i, loc[1])) {
			continue // a "Summary" low on the page is a closing section's heading
		}
		var b strings.Builder
		b.WriteString(l.text[loc[1]:])
		x1 := math.Max(l.x1, l.x0+200)
		done, right, last := readColumn(ls, i+1, l, l.x0, x1, &b)
		if !done && !endsSentence(b.String()) {
			// the next column's lines from the label's row down, above where this column's part ended
			for j := i + 1; j < len(ls); j++ {
				if m := ls[j]; m.x0 > math.Max(right, x1) && m.y <= l.y+1 && m.y > last {
					done, _, _ = readColumn(ls, j, m, m.x0, math.Max(m.x1, m.x0+200), &b)
					break
				}
			}
		}
		a := tidy(dropFootnoteStars(b.String(), ls))
		if !done && midSentence(a) || b.Len() >= maxColumn {
			a = wholeSentences(a) // the page's end or the length limit cut it: "… in the multi-lingual subtasks,"
		}
		if len(a) >= 80 {
			return a
		}
		return ""
	}
	return ""
}

// capsHeading: a "SUMMARY" at ls[i][:at] that opens a heading in capitals ("SUMMARY OF THE RESULTS"), on its
// line or, alone there, on the next: a label is followed by the text.
func capsHeading(ls []line, i, at int) bool {
	rest := strings.TrimSpace(ls[i].text[at:])
	if rest == "" && i+1 < len(ls) {
		rest = ls[i+1].text
	}
	return strings.ToUpper(rest) == rest && strings.ToLower(rest) != rest
}

// unlabelledAbstract is the abstract that journals such as AIP's, REVTeX's and Frontiers' set without a label:
// the first paragraph below the title (from ls[from] on, above floor) that is justified, of three lines or
// more and several sentences, and that is either followed by the keywords or the introduction, or set wider
// than the text below it (one wide column over the body's two), or on a PDF of one page (a conference's
// one-page abstract, whose first paragraph is the abstract). The first such paragraph is taken or none:
// the introduction is never taken for an abstract.
func unlabelledAbstract(ls []line, from int, floor float64, onePage bool) string {
	for i := from; i < len(ls) && ls[i].y > floor; i++ {
		l := ls[i]
		names := l.text
		if l.names != "" {
			names = l.names
		}
		if l.letters() < 20 || frontMatterRe.MatchString(l.text) || hasName(names) && looksLikeNames(names) {
			continue
		}
		var b strings.Builder
		b.WriteString(l.text)
		done, right, last := readColumn(ls, i+1, l, l.x0, l.x1, &b)
		var para []line // the paragraph's lines, for its shape
		for j := i; j < len(ls) && ls[j].y >= last; j++ {
			if m := ls[j]; m.x1 >= l.x0 && m.x0 <= l.x1 && m.letters() > 0 && math.Abs(m.size-l.size) <= 1.5 {
				para = append(para, m)
			}
		}
		// set in smaller type than the text below it, as many journals set the abstract
		smaller := !done && smallerThanBelow(ls, last, l.size)
		if sentences := len(sentenceEnds(b.String())); len(para) < 3 || b.Len() < 250 ||
			sentences < 2 && !(smaller && sentences == 1) {
			continue // a title's second language, a block of affiliations, a dateline
		}
		flush := 0
		if right-l.x1 >= 0.03*(right-l.x0) {
			continue // an affiliation or dateline above the paragraph, read with it
		}
		for _, m := range para[:len(para)-1] {
			if right-m.x1 < 0.03*(right-l.x0) {
				flush++
			}
		}
		if flush*3 < (len(para)-1)*2 {
			continue // ragged lines: not a paragraph of running text
		}
		if !done && !onePage && !smaller && !widerThanBelow(ls, last, para, right-l.x0) {
			return ""
		}
		a := cutCopyright(tidy(dropFootnoteStars(b.String(), ls)))
		if !done && !endsSentence(a) { // cut by a figure or the page's end: its whole sentences
			if k := strings.LastIndexAny(a, ".?!"); k > 0 {
				a = a[:k+1]
			}
		}
		return a
	}
	return ""
}

// smallerThanBelow: most lines of text below the baseline last are set at least a point larger than size.
func smallerThanBelow(ls []line, last, size float64) bool {
	larger, all := 0, 0
	for _, m := range ls {
		if m.y >= last || m.letters() < 20 || all == 12 {
			continue
		}
		all++
		if m.size >= size+1 {
			larger++
		}
	}
	return all >= 4 && larger*3 >= all*2
}

// widerThanBelow: most lines of text below the baseline last are less than 0.7 of width, the paragraph's.
func widerThanBelow(ls []line, last float64, para []line, width float64) bool {
	narrow, all := 0, 0
	for _, m := range ls {
		if m.y >= last || m.letters() < 20 || all == 12 {
			continue
		}
		all++
		if m.x1-m.x0 < 0.7*width {
			narrow++
		}
	}
	return all >= 4 && narrow*3 >= all*2
}

// cutCopyright drops the publisher's line that ends some abstracts ("… © 2011 American Institute of Physics.").
func cutCopyright(a string) string {
	if i := strings.LastIndex(a, "©"); i > len(a)/2 {
		return strings.TrimSpace(a[:i])
	}
	return a
}

// maxColumn is the most text readColumn reads, in bytes.
const maxColumn = 4000

// readColumn appends to b the lines from ls[from] on that lie in the column x0..x1 below the line prev, up
// to the keywords or the introduction (done), a gap, a change of size, or maxColumn bytes. It returns the right
// edge of the widest line it read and the baseline of the last. Short lines much smaller than the text that are no
// line's script (lines attaches those: "q^(vol)", "cm⁻²"), a figure's labels, are passed over, and so are lines below
// the last row read and beside it: a figure's labels and caption, set next to text that narrows around the figure.
func readColumn(ls []line, from int, prev line, x0, x1 float64, b *strings.Builder) (done bool, right, last float64) {
	size := 0.0
	right = prev.x1
	left := prev.x0
	row0, row1, before1 := prev.x0, prev.x1, prev.x1 // the last row's span, and the right edge of the row before
	var words map[string]int                         // the page's words, for the hyphens at line ends
	for j := from; j < len(ls) && b.Len() < maxColumn; j++ {
		m := ls[j]
		if m.x1 < x0 || m.x0 > x1 {
			continue // another column
		}
		if size != 0 && math.Abs(m.y-prev.y) > 1 && (m.x1 < row0 && row0 > left+3 ||
			m.x0 > row1 && row1 < right-3 && (m.size < size-0.5 || before1 < right-3)) {
			// below the last row read and beside it, where the text has narrowed at that side: a figure's
			// labels and caption. A paragraph's indented first line after a short last line is text.
			continue
		}
		if endsAbstract(m.text) {
			return true, right, prev.y
		}
		ref := size
		if ref == 0 {
			ref = prev.size
		}
		if m.size < 0.85*ref && len([]rune(m.text)) <= 6 {
			continue // a figure's label, or a script too far from its word to be attached
		}
		if prev.y-m.y > 2.5*m.size {
			break
		}
		if size == 0 {
			size = m.size
		} else if math.Abs(m.size-size) > 1.5 {
			break
		}
		if s, ok := strings.CutSuffix(b.String(), "\u00ad"); ok { // a soft hyphen (OCR, word processors) only breaks a word
			b.Reset()
			b.WriteString(s)
			b.WriteString(m.text)
		} else if s := b.String(); lineEndHyphen(s, m.text) {
			if words == nil {
				words = pageWords(ls)
			}
			if breakHyphen(s, m.text, words) {
				b.Reset()
				b.WriteString(s[:len(s)-1]) // "understand-" + "ing"
			}
			b.WriteString(m.text) // "multi-" + "layers"
		} else {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(m.text)
		}
		if math.Abs(m.y-prev.y) > 1 {
			row0, row1, before1 = m.x0, m.x1, row1
		}
		left = math.Min(left, m.x0)
		row0, row1 = math.Min(row0, m.x0), math.Max(row1, m.x1)
		prev = m
		right = math.Max(right, m.x1)
	}
	return false, right, prev.y
}

// endsAbstract: the keywords, or the introduction's heading. "Introduction" opens a heading only on a short
// line: a line of running text may start with the word ("introduction of a new method…").
func endsAbstract(text string) bool {
	loc := afterAbsRe.FindStringIndex(text)
	if loc == nil {
		return false
	}
	return !strings.Contains(strings.ToLower(text[:loc[1]]), "introduction") || len(strings.Fields(text)) <= 6
}

// midSentence: text that stops where a sentence cannot end, after a comma, a colon, a hyphen, a small word
// ("of", "the") or inside brackets.
func midSentence(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if strings.ContainsAny(s[len(s)-1:], ",;:-([") || strings.Count(s, "(") > strings.Count(s, ")") {
		return true
	}
	f := strings.Fields(s)
	return smallWords[strings.ToLower(f[len(f)-1])]
}

// wholeSentences is text up to the end of its last whole sentence, or text itself if it ends one or has none.
func wholeSentences(s string) string {
	ms := sentenceEnds(s)
	if len(ms) == 0 || endsSentence(s) {
		return s
	}
	return strings.TrimSpace(s[:strings.LastIndexAny(s[:ms[len(ms)-1][1]], " ")])
}

// sentenceEnds are the matches of sentenceRe in s that follow no abbreviation.
func sentenceEnds(s string) [][]int {
	var out [][]int
	for _, m := range sentenceRe.FindAllStringIndex(s, -1) {
		stop := m[0] + strings.IndexAny(s[m[0]:], ".?!")
		word := s[strings.LastIndexFunc(s[:stop], func(r rune) bool { return !unicode.IsLetter(r) && r != '.' })+1 : stop]
		if s[stop] != '.' || !abbreviations[strings.ToLower(word)] {
			out = append(out, m)
		}
	}
	return out
}

// abbreviations that a stop ends inside a sentence ("Fig. 2", "vs. ResNet", "et al. Smith").
var abbreviations = map[string]bool{"fig": true, "figs": true, "eq": true, "eqs": true, "ref": true, "refs": true,
	"sec": true, "vs": true, "al": true, "cf": true, "e.g": true, "i.e": true}

// endsSentence: text that ends with a full stop, a question or exclamation mark, maybe inside quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"')]”’")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

// lineEndHyphen: a line that ends in a hyphen right after a letter or digit, and a next line that goes on with
// one: a word broken at the line's end, or a compound ("multi-" / "layers"). Either way no space goes between.
func lineEndHyphen(s, next string) bool {
	if len(s) < 2 || s[len(s)-1] != '-' || next == "" {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:len(s)-1])
	first, _ := utf8.DecodeRuneInString(next)
	return (unicode.IsLetter(prev) || unicode.IsDigit(prev)) && (unicode.IsLetter(first) || unicode.IsDigit(first))
}

// breakHyphen says whether the hyphen at the end of s (lineEndHyphen) only broke a word, to be dropped
// ("regulari-" / "zation"), rather than being part of the text ("multi-" / "layers"). Without a dictionary, the
// page is one: the hyphen is kept
//   - next to a capital or a digit ("Bose-" / "Einstein", "GPT-" / "4", "4,5-" / "dimethyl");
//   - between two compounds ("state-of-" / "the-art"): TeX breaks such a word only at its hyphens;
//   - after "self" and "well", which English joins to the next word with a hyphen ("self-" / "supervised",
//     "well-" / "posed"), never closed; unless the page prints the word whole, or what follows is an ending
//     ("self-" / "ish", "well-" / "ness");
//   - when the page prints the compound with its hyphen elsewhere ("multi-layers" in the title), or the part
//     before as the start of another compound ("multi-" of "multi-photon") and the part after as a word, and
//     the part before is not a function word ("with-" / "out"). A chemical name's "4,5-di-" / "methylimidazol"
//     is joined: "methylimidazol" is not a word of the page, though "di-tert" is.
//
// Otherwise the hyphen broke a word, as most hyphens at line ends in justified text do: "data-" / "set" reads
// "dataset" even on a page full of "data" and "set".
func breakHyphen(s, next string, words map[string]int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:len(s)-1])
	first, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLower(prev) || !unicode.IsLower(first) {
		return false
	}
	before := s[strings.LastIndexAny(s[:len(s)-1], " \t")+1 : len(s)-1]
	after, _, _ := strings.Cut(next, " ")
	if compoundRe.MatchString(before) && compoundRe.MatchString(after) {
		return false
	}
	b, a := strings.ToLower(lastLetters(before)), strings.ToLower(firstLetters(after))
	if b == "" || a == "" {
		return true
	}
	if words[b+"-"+a] > 0 {
		return false
	}
	if words[b+a] > 0 {
		return true
	}
	if hyphenPrefixes[b] && !bareSuffixRe.MatchString(a) {
		return false
	}
	// the part after is counted once at the break itself
	return functionWords[b] || words[b+"-"] == 0 || words[a] < 2
}

// hyphenPrefixes are the words that English joins to the next word with a hyphen only ("self-supervised").
var hyphenPrefixes = map[string]bool{"self": true, "well": true}

// bareSuffixRe: an ending that TeX breaks off after "self" or "well", which is no word of its own ("self-ish",
// "well-ness").
var bareSuffixRe = regexp.MustCompile(`^(?:ish|less|hood|ness)(?:ly|ness|es)?$`)

// compoundRe: a word with a hyphen between letters ("state-of", "the-art"; not "4,5-di", "imidazol-2-ylidene").
var compoundRe = regexp.MustCompile(`\pL-\pL`)

// functionWords are words that TeX breaks off longer words ("with-out", "any-one", "there-fore").
var functionWords = map[string]bool{"after": true, "an": true, "any": true, "as": true, "at": true, "be": true,
	"by": true, "can": true, "every": true, "for": true, "here": true, "how": true, "in": true, "it": true,
	"no": true, "not": true, "on": true, "one": true, "other": true, "our": true, "out": true, "over": true,
	"some": true, "the": true, "them": true, "there": true, "through": true, "to": true, "under": true, "up": true,
	"what": true, "when": true, "where": true, "with": true}

func lastLetters(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

func firstLetters(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		return s[:i]
	}
	return s
}

// pageWords counts the page's words in lower case, compounds split at their hyphens, and, under keys with a
// hyphen, each pair of parts joined by a hyphen inside a line ("multi-layer") and each part that a hyphen follows
// there ("multi-"). A hyphen at a line's end is in neither: it may only break a word.
func pageWords(ls []line) map[string]int {
	words := map[string]int{}
	for _, l := range ls {
		lower := strings.ToLower(l.text)
		for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) }) {
			words[w]++
		}
		for _, c := range strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
			parts := strings.Split(c, "-")
			for k := 0; k+1 < len(parts); k++ {
				if parts[k] != "" && parts[k+1] != "" {
					words[parts[k]+"-"+parts[k+1]]++
					words[parts[k]+"-"]++
				}
			}
		}
	}
	return words
}

// spaces and hyphens a font's glyph names decode to; paper.CleanText spells the ligatures (ﬁ, ﬂ …), the
// same rule as for page text.
var tidyReplacer = strings.NewReplacer("\u00a0", " ", "\u00ad", "")

// accents maps a TeX spacing accent and the letter after (or before, for the cedilla) it to one letter.
var accents = map[string]string{}

func init() {
	table := map[rune]string{'´': "aáeéiíıíoóuúyýAÁEÉIÍOÓUÚcćnńsśzźCĆNŃSŚZŹ", '`': "aàeèiìıìoòuùAÀEÈIÌOÒUÙ",
		'¨': "aäeëiïıïoöuüyÿAÄEËIÏOÖUÜ", 'ˆ': "aâeêiîıîoôuûAÂEÊIÎOÔUÛ", '^': "aâeêiîoôuû", '˜': "aãnñoõAÃNÑOÕ",
		'~': "aãnñoõ", 'ˇ': "cčsšzžrřeěCČSŠZŽRŘ", '˚': "aåAÅ", '¸': "cçCçsşSŞ"}
	for acc, pairs := range table {
		rs := []rune(pairs)
		for i := 0; i+1 < len(rs); i += 2 {
			accents[string(acc)+string(rs[i])] = string(rs[i+1])
			if acc == '¸' {
				accents[string(rs[i])+string(acc)] = string(rs[i+1])
			}
		}
	}
}

// tidy normalizes the text of a title or name: ligatures, TeX accents ("Franc¸ois", "Mouni´e"), spaces.
func tidy(s string) string {
	s = negate(tidyReplacer.Replace(s))
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if i+1 < len(rs) {
			pair := string(rs[i : i+2])
			if i+2 < len(rs) && rs[i+1] == ' ' { // "Mouni´ e": an accent, a space, then its letter
				if a, ok := accents[string(rs[i])+string(rs[i+2])]; ok && !unicode.IsLetter(rs[i]) {
					b.WriteString(a)
					i += 2
					continue
				}
			}
			if a, ok := accents[pair]; ok {
				b.WriteString(a)
				i++
				continue
			}
		}
		b.WriteRune(rs[i])
	}
	return paper.CleanText(strings.ReplaceAll(b.String(), scriptCaret, "^"))
}

// dropFootnoteStars removes from an abstract's text s (before tidy) the raised star and dagger runs that are
// clearly footnote marks: after an all-lower-case word ("the fund∗ and") and with a footnote line on the page
// that starts with the same mark. Other raised stars mean something and stay, as TeX's do: Ax^* = b, IDA^*,
// AW^*-algebras, "significant^**" (no footnote starts with **).
func dropFootnoteStars(s string, ls []line) string {
	if !strings.Contains(s, scriptCaret) {
		return s
	}
	notes := map[string]bool{}
	for _, l := range ls {
		t := strings.TrimLeft(strings.TrimPrefix(l.text, scriptCaret), "( ")
		if n := len(t) - len(strings.TrimLeft(t, "*∗†‡§¶⋆")); n > 0 && strings.TrimSpace(t[n:]) != "" {
			notes[starKey(t[:n])] = true
		}
	}
	if len(notes) == 0 {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, scriptCaret)
		if i < 0 {
			break
		}
		rest := s[i+len(scriptCaret):]
		mark := rest[:len(rest)-len(strings.TrimLeft(rest, "*∗†‡§¶⋆"))]
		n := len(mark)
		if mark == "" && strings.HasPrefix(rest, "(") { // ^(**)
			mark = rest[1 : len(rest)-len(strings.TrimLeft(rest[1:], "*∗†‡§¶⋆"))]
			n = len(mark) + 2
			if mark == "" || !strings.HasPrefix(rest[len(mark)+1:], ")") {
				mark = ""
			}
		}
		b.WriteString(s[:i])
		if mark != "" && notes[starKey(mark)] && footnoteStar(s[:i], mark) && !operand(rest[n:]) {
			s = rest[n:]
			continue
		}
		b.WriteString(scriptCaret)
		s = rest
	}
	b.WriteString(s)
	return b.String()
}

// operand: the text after a star begins with what the starred word applies to, a one-letter word or a bracket
// ("log^* n", "f^*(x)"): the star is part of the formula, not a footnote's mark. The article "a" is no operand:
// "the fund∗ a great deal" is a footnote's mark before it.
func operand(after string) bool {
	if strings.HasPrefix(after, "(") {
		return true
	}
	t := strings.TrimLeft(after, " ")
	if len(t) == len(after) {
		return false
	}
	w := []rune(t)
	k := 0
	for k < len(w) && unicode.IsLetter(w[k]) {
		k++
	}
	return k == 1 && w[0] != 'a' && (k == len(w) || !unicode.IsLetter(w[k]) && w[k] != '\'' && w[k] != '’')
}

// starKey is a star run with its stars spelled one way: a footnote set in another font may draw * as ∗.
func starKey(s string) string { return strings.NewReplacer("∗", "*", "⋆", "*").Replace(s) }
