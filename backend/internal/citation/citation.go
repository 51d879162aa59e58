// Package citation writes saved items as BibTeX, RIS and CSL-JSON for reference managers.
// No maintained Go library writes these formats, so the escaping is done here and tested by parsing the output.
package citation

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/shared/syncproto"
)

// Formats are the export formats, by their query name, with their media types and file extensions.
var Formats = map[string]struct{ MediaType, Ext string }{
	"bibtex":  {"application/x-bibtex; charset=utf-8", "bib"},
	"ris":     {"application/x-research-info-systems; charset=utf-8", "ris"},
	"csljson": {"application/vnd.citationstyles.csl+json; charset=utf-8", "json"},
}

// Write writes items in format to w.
func Write(w io.Writer, format string, items []syncproto.Item) error {
	switch format {
	case "bibtex":
		return BibTeX(w, items)
	case "ris":
		return RIS(w, items)
	case "csljson":
		return CSLJSON(w, items)
	}
	return fmt.Errorf("unknown format %q", format)
}

// ids split a canonical ID into the identifiers reference managers know.
type ids struct{ arxiv, doi, year string }

// date is an item's publication date in parts as text without leading zeros ("2019", "6", "2"): its published
// date's, else the year of its arXiv ID (month and day empty), else none. The extension's writer does the same
// (extension/lib/export.js dateParts); both run the "entries" cases of testdata/bibtex.json.
func date(it syncproto.Item, idf ids) (year, month, day string) {
	if it.Published == "" {
		return idf.year, "", ""
	}
	parts := strings.Split(it.Published, "-")
	for i := 1; i < len(parts); i++ {
		parts[i] = strings.TrimLeft(parts[i], "0")
	}
	parts = append(parts, "", "")
	return parts[0], parts[1], parts[2]
}

func identifiers(id string) ids {
	kind, body, _ := strings.Cut(id, ":")
	var out ids
	switch kind + ":" {
	case paper.ArxivPrefix:
		out.arxiv = body
		if len(body) >= 4 && body[0] >= '0' && body[0] <= '9' && strings.Contains(body, ".") {
			out.year = yearOf(body[:2])
		} else if i := strings.IndexByte(body, '/'); i >= 0 && len(body) >= i+3 {
			out.year = yearOf(body[i+1 : i+3])
		}
	case paper.DOIPrefix:
		out.doi = body
	}
	return out
}

// kind is what sort of work an item is, which every format names in its own words (BibTeX type, RIS TY, CSL type).
type kind int

const (
	// generic: a paper known by nothing that says where it appeared (a URL, a Semantic Scholar or OpenReview
	// page without a venue): BibTeX @misc, RIS GEN, CSL document; no reader is told it is a web page or a journal's.
	generic kind = iota
	// preprint: an arXiv paper without a venue: @misc with its eprint, RIS UNPB with PB arXiv, CSL article.
	preprint
	// journal: a venue that is not a proceedings, a DOI, or an ACL Anthology ID of its journals (CL, TACL):
	// @article, JOUR, article-journal.
	journal
	// proceedings: see proceedings: @inproceedings, CPAPER, paper-conference.
	proceedings
)

// typeNames are each kind's type in BibTeX, RIS and CSL-JSON, as the extension's KINDS (extension/lib/export.js).
var typeNames = [...]struct{ bibtex, ris, csl string }{
	generic:     {"misc", "GEN", "document"},
	preprint:    {"misc", "UNPB", "article"},
	journal:     {"article", "JOUR", "article-journal"},
	proceedings: {"inproceedings", "CPAPER", "paper-conference"},
}

// kindOf is an item's kind, from its canonical ID and venue alone (never a device's meta, which the server does not
// have). The extension's writer has the same rule (extension/lib/export.js kindOf); both run the "entries" of
// testdata/bibtex.json.
func kindOf(id, venue string) kind {
	kindPrefix, body, _ := strings.Cut(id, ":")
	switch {
	case inProceedings(id, venue):
		return proceedings
	case venue != "", kindPrefix+":" == paper.DOIPrefix, kindPrefix+":" == paper.ACLPrefix && aclJournal.MatchString(body):
		return journal
	case kindPrefix+":" == paper.ArxivPrefix:
		return preprint
	}
	return generic
}

// inProceedings tells whether an item appeared in a proceedings (BibTeX @inproceedings with its venue as booktitle,
// RIS CPAPER, CSL paper-conference) rather than a journal: where the ID says so (an ACL Anthology paper outside its
// journals CL and TACL, a CVF open-access page: with a venue or without), an OpenReview forum with a venue, or
// where the venue names one ("Proceedings of…", a conference, workshop or symposium, or a known conference's
// acronym) and no journal. Most venues are journals: DOI pages fill it from citation_journal_title, arXiv from
// Journal-ref.
func inProceedings(id, venue string) bool {
	kind, body, _ := strings.Cut(id, ":")
	switch kind + ":" {
	case paper.ACLPrefix:
		return !aclJournal.MatchString(body)
	case paper.URLPrefix:
		if strings.Contains(body, "openaccess.thecvf.com") {
			return true
		}
	}
	if venue == "" {
		return false
	}
	if kind+":" == paper.OpenReviewPrefix {
		return true
	}
	journal := journalVenue.MatchString(venue) || learnedProceedings.MatchString(venue) && !meetingVenue.MatchString(venue)
	return !journal && conferenceVenue.MatchString(venue)
}

var (
	// aclJournal: an Anthology ID of Computational Linguistics or TACL (J19-1001, Q19-1001, 2020.cl-1.1, 2020.tacl-1.5).
	aclJournal   = regexp.MustCompile(`(?i)^(?:[JQ]\d{2}-|\d{4}\.(?:cl|tacl)-)`)
	journalVenue = regexp.MustCompile(`(?i)\b(?:journal|transactions|letters)\b`)
	// learnedProceedings: journals named Proceedings (of the IEEE, PNAS, of the Royal Society), unless the
	// venue goes on to name a meeting ("Proceedings of the IEEE Conference on …").
	learnedProceedings = regexp.MustCompile(`(?i)^proceedings of the (?:ieee|national academy|royal society|american mathematical society|london mathematical society)\b`)
	meetingVenue       = regexp.MustCompile(`(?i)\b(?:conference|workshops?|symposium|meeting)\b`)
	conferenceVenue    = regexp.MustCompile(`(?i)\b(?:proceedings|conference|workshops?|symposium|neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|eacl|coling|aaai|ijcai|kdd|sigir|interspeech|icassp)\b`)
)

// yearOf turns an arXiv YY into a year (arXiv started in 1991).
func yearOf(yy string) string {
	if len(yy) != 2 || yy[0] < '0' || yy[0] > '9' || yy[1] < '0' || yy[1] > '9' {
		return ""
	}
	if yy >= "91" {
		return "19" + yy
	}
	return "20" + yy
}

// name is an author's name in parts, as BibTeX has them ("von Last, Jr, First"): family keeps its particles
// ("van Beethoven"), suffix is "Jr." or "III".
type name struct{ given, family, suffix string }

// particles are the lower-case words that belong to a family name ("Ludwig van Beethoven").
var particles = map[string]bool{"van": true, "von": true, "der": true, "den": true, "de": true, "del": true,
	"della": true, "da": true, "di": true, "du": true, "la": true, "le": true, "dos": true, "das": true, "ten": true,
	"ter": true, "bin": true, "al": true}

var suffixRe = regexp.MustCompile(`^(?:(?i:jr|sr|jnr|snr)\.?|II|III|IV)$`)

// splitName splits a display name into its parts. A name with commas is already in BibTeX's order ("Lovelace,
// Ada" or "Eve, Jr, Mallory"); otherwise the family name is the last word with the particles before it, after the
// given names, and a last "Jr." or "III" is the suffix. The extension splits names by the same rule
// (extension/lib/export.js); both run testdata/bibtex.json.
func splitName(s string) name {
	s = strings.Join(strings.Fields(s), " ")
	if parts := strings.Split(s, ","); len(parts) > 1 && strings.TrimSpace(parts[0]) != "" &&
		strings.Trim(strings.Join(parts[1:], ""), " ") != "" { // "Ada Lovelace," has no parts after its comma
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		if len(parts) == 2 {
			return name{family: parts[0], given: parts[1]}
		}
		return name{family: parts[0], suffix: parts[1], given: strings.Join(strings.Fields(strings.Join(parts[2:], " ")), " ")}
	}
	words := strings.Fields(strings.ReplaceAll(s, ",", " "))
	var n name
	if len(words) >= 3 && suffixRe.MatchString(words[len(words)-1]) {
		n.suffix = words[len(words)-1]
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return n
	}
	i := len(words) - 1
	for i > 1 && particles[strings.ToLower(words[i-1])] {
		i--
	}
	n.family = strings.Join(words[i:], " ")
	n.given = strings.Join(words[:i], " ")
	return n
}

// bibAuthor writes a name as "{Family}, Jr, Given": the family braced, so that a particle or an "and" in it stays
// part of it; a given name or suffix with an "and" braced too (at brace depth 0 it would split the author in two).
func bibAuthor(display string) string {
	n := splitName(display)
	part := func(s string) string {
		if s = bibEscape(s); andWord.MatchString(s) {
			return "{" + s + "}"
		}
		return s
	}
	out := "{" + bibEscape(n.family) + "}"
	if n.suffix != "" {
		out += ", " + part(n.suffix) + ","
		if n.given != "" {
			out += " " + part(n.given)
		}
	} else if n.given != "" {
		out += ", " + part(n.given)
	}
	return out
}

// named drops the authors whose names are blank (only spaces or commas): written out, each would be an empty
// author, "{}" in BibTeX.
func named(authors []string) []string {
	var out []string
	for _, a := range authors {
		if splitName(a).family != "" {
			out = append(out, a)
		}
	}
	return out
}

// bibAuthors is the value of a BibTeX author field: the named authors joined by "and".
func bibAuthors(authors []string) string {
	names := named(authors)
	for i, a := range names {
		names[i] = bibAuthor(a)
	}
	return strings.Join(names, " and ")
}

// keywordSep is what splits a keywords list: biblatex splits it at commas, Zotero's import at commas and semicolons
// (braces protect neither).
var keywordSep = regexp.MustCompile(`[,;]`)

// keywords joins the user's tags into one keywords value, "a, b" (a reference manager makes its tags of them; the
// key phrases, the summarizer's and not the user's, go with the notes: noteParts). A comma or semicolon inside a tag becomes a
// space, so that a reader splits the list back into the same words ("deep learning, theory" stays one).
func keywords(tags []string) string {
	var out []string
	for _, k := range tags {
		if k = strings.Join(strings.Fields(keywordSep.ReplaceAllString(k, " ")), " "); k != "" {
			out = append(out, k)
		}
	}
	return strings.Join(out, ", ")
}

// noteParts are what an export says about a paper besides its bibliographic data, each part labeled so that
// none runs into the next: "TL;DR: …", "Key phrases: a; b; c" and "Note: …" (the user's note). BibTeX writes
// them in annote, which Zotero's import makes a note of and the standard styles never print (they print note under
// the reference, in the user's own paper); RIS in one N1, one Zotero note as the BibTeX gives (Zotero makes a note
// of each N1); BibTeX one part to a line, the note's lines kept (noteLines), RIS on N1's one line (risNote);
// CSL-JSON in note, one part to a line, the note as typed (Zotero files it in Extra). A note with nothing visible
// (only spaces, control or zero-width characters) is none.
// The extension's writer writes the same (extension/lib/export.js noteParts).
func noteParts(it syncproto.Item) []string {
	var parts []string
	if it.TLDR != "" {
		parts = append(parts, "TL;DR: "+it.TLDR)
	}
	if len(it.Keyphrases) > 0 {
		parts = append(parts, "Key phrases: "+strings.Join(it.Keyphrases, "; "))
	}
	if visible(it.Note) {
		parts = append(parts, "Note: "+it.Note)
	}
	return parts
}

// noteLines are the parts as BibTeX annote writes them, one line each and the user's own line breaks kept, a part's
// lines in a slice of their own (RIS joins them: risNote): white space in a line collapsed, lines with nothing visible
// dropped (a paragraph break is one line break), the label ("Note:") on the first line left (the note may start with a
// line break or a line of nothing visible), each part's last line ended by a full stop unless it ends in one, a
// question or an exclamation mark, so that the last key phrase and the note stay apart where a reader joins lines
// (Zotero's BibTeX import and BibTeX itself make every line break a space).
func noteLines(parts []string) [][]string {
	var out [][]string
	for _, p := range parts {
		label, text, _ := strings.Cut(p, ": ") // every part starts with its label (noteParts)
		lines := []string{label + ":"}
		for _, l := range strings.FieldsFunc(text, isLineBreak) {
			if l = strings.Join(strings.Fields(l), " "); visible(l) {
				lines = append(lines, l)
			}
		}
		if len(lines) > 1 { // the label on the first line left
			lines = append([]string{lines[0] + " " + lines[1]}, lines[2:]...)
		}
		if l := lines[len(lines)-1]; !strings.HasSuffix(l, ".") && !strings.HasSuffix(l, "?") && !strings.HasSuffix(l, "!") {
			lines[len(lines)-1] += "."
		}
		out = append(out, lines)
	}
	return out
}

// visible is whether s has a letter, digit, punctuation mark or symbol: not only spaces, control or zero-width
// characters.
func visible(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.In(r, unicode.L, unicode.N, unicode.P, unicode.S) }) >= 0
}

// risNote is N1's one line (strict RIS readers, pandoc's and astrocite's, refuse a line without a tag): the parts
// apart by a space, as BibTeX readers join annote's lines, and the note's own line breaks a " / ", the usual mark
// of a line break in running text, which reads as one and is not "; ", the key phrases' separator.
func risNote(parts [][]string) string {
	out := make([]string, len(parts))
	for i, lines := range parts {
		out[i] = strings.Join(lines, " / ")
	}
	return strings.Join(out, " ")
}

// isLineBreak is a line end as a text field may hold one.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// risName is "Family, Given, Suffix", the RIS author form.
func risName(display string) string {
	n := splitName(display)
	out := n.family
	if n.given != "" || n.suffix != "" {
		out += ", " + n.given
	}
	if n.suffix != "" {
		out += ", " + n.suffix
	}
	return out
}

var andWord = regexp.MustCompile(`(?i)(^|\s)and(\s|$)`)

// paperURL is the link an export gives a paper: for an arXiv paper saved from another site's page about it
// (Hugging Face's, say), or with no link, its arXiv abstract page, where a reference manager looks; any other
// paper's own url. The extension's writer does the same (extension/lib/export.js paperURL); both run the "urls"
// cases of testdata/bibtex.json.
func paperURL(id, link string) string {
	arxiv := identifiers(id).arxiv
	if arxiv == "" {
		return link
	}
	if arxivLink(link) {
		return link
	}
	return "https://arxiv.org/abs/" + arxiv
}

// arxivHost is an http(s) address on arxiv.org or one of its subdomains, with an optional port, up to the end of
// the host, in lower case. It is matched by hand rather than by a URL parser so that both writers agree on every
// link, malformed ones too (a WHATWG parser reads https:\\arxiv.org\abs as arxiv.org, Go's does not).
var arxivHost = regexp.MustCompile(`^https?://([a-z0-9-]+\.)*arxiv\.org(:[0-9]+)?([/?#]|$)`)

// arxivLink says whether link is a well-formed address on arXiv: its host is arxiv.org's, no space or
// backslash anywhere, every % starts an escape.
func arxivLink(link string) bool {
	lower := strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, link)
	return arxivHost.MatchString(lower) && !strings.ContainsAny(link, " \t\n\r\\") &&
		strings.Count(link, "%") == len(percentEscape.FindAllString(link, -1))
}

var percentEscape = regexp.MustCompile(`%[0-9A-Fa-f]{2}`)

// BibTeX writes one entry per item, typed by kindOf: @inproceedings with its venue as booktitle, @article with it
// as journal, else @misc (arXiv with its eprint, a URL); with the year and month of its published date; keyed as the
// extension keys its own (citeKeys: vaswani2017attention).
func BibTeX(w io.Writer, items []syncproto.Item) error {
	ps := make([]keyed, len(items))
	for i, it := range items {
		ps[i] = keyed{id: it.ID, authors: it.Authors, title: it.Title, published: it.Published, saved: it.SavedAt}
	}
	keys := citeKeys(ps)
	var b strings.Builder
	for i, it := range items {
		key := keys[i]
		idf := identifiers(it.ID)
		typ := typeNames[kindOf(it.ID, it.Venue)].bibtex
		fmt.Fprintf(&b, "@%s{%s,\n", typ, key)
		field := func(name, value string) {
			if value != "" {
				fmt.Fprintf(&b, "  %s = {%s},\n", name, bibEscape(value))
			}
		}
		if t := bibTitle(it.Title); t != "" {
			fmt.Fprintf(&b, "  title = {%s},\n", t)
		}
		if authors := bibAuthors(it.Authors); authors != "" {
			fmt.Fprintf(&b, "  author = {%s},\n", authors)
		}
		verbatim := func(name, value string) {
			if value != "" {
				fmt.Fprintf(&b, "  %s = {%s},\n", name, bibVerbatim(value))
			}
		}
		year, month, _ := date(it, idf)
		field("year", year)
		field("month", month)
		if typ == "inproceedings" {
			field("booktitle", it.Venue)
		} else {
			field("journal", it.Venue)
		}
		if idf.arxiv != "" {
			verbatim("eprint", idf.arxiv)
			field("archiveprefix", "arXiv")
		}
		verbatim("doi", idf.doi)
		verbatim("url", paperURL(it.ID, it.URL))
		field("abstract", it.Abstract)
		// One line of the field to a line of the note: BibTeX and biber read them as spaces, JabRef and a person
		// reading the file see the user's lines (Zotero's own BibTeX export writes notes' lines so).
		var annote []string
		for _, part := range noteLines(noteParts(it)) {
			for _, l := range part {
				if l = bibEscape(l); l != "" {
					annote = append(annote, l)
				}
			}
		}
		if len(annote) > 0 {
			fmt.Fprintf(&b, "  annote = {%s},\n", strings.Join(annote, "\n"))
		}
		field("keywords", keywords(it.Tags))
		b.WriteString("}\n\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// bibEscape makes s safe inside a brace-delimited BibTeX value: the TeX specials become commands, and braces
// become \{ \} wrapped so that BibTeX's brace counting (which ignores backslashes) stays balanced. Line breaks
// become spaces (a blank line would end a paragraph in the output).
func bibEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`{\textbackslash}`)
		case '{':
			b.WriteString(`{\textbraceleft}`)
		case '}':
			b.WriteString(`{\textbraceright}`)
		case '&', '%', '$', '#', '_':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '~':
			b.WriteString(`{\textasciitilde}`)
		case '^':
			b.WriteString(`{\textasciicircum}`)
		case '@':
			b.WriteString(`{@}`) // harmless in a value, but keeps naive parsers from seeing an entry start
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			if r < 0x20 || r == 0x7f {
				continue
			}
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// bibTitle escapes a title and braces the words whose case a style must keep when it sentence-cases the title
// (plain, IEEEtran, acl_natbib print "Bert: pre-training…" from an unbraced "BERT: Pre-Training…"), and only
// those, so that the rest stays the style's to change (a title braced whole cannot be sentence-cased):
//   - a word with a capital after its first letter (BERT, ImageNet, iPhone), with a letter and a digit (3D,
//     Llama2), or a single capital letter (the "I" of "Type I", the "Q" of "Q-Learning"; not the article "A").
//     In a compound only the parts that need it are braced, with the digits next to them: "{BERT}-Based",
//     "{GPT-4}", "t-{SNE}";
//   - in a title written in sentence case (at least as many lower-case words as capitalized ones; small words,
//     one-letter words and the words that open the title or follow a colon not counted), every capitalized word: there a capital marks a
//     name ("Deep learning for {Java}"). In a title-cased title names cannot be told from the other words, so they
//     are left to the style;
//   - in a title without any lower-case letter (three or more words in capitals) no word is taken for an acronym:
//     they cannot be told apart, so only words with digits are braced.
//
// The extension's writer (extension/lib/export.js bibTitle) does the same; both run testdata/bibtex.json.
func bibTitle(title string) string {
	words := strings.Fields(title)
	caps, cased := !strings.ContainsFunc(title, unicode.IsLower), 0
	for _, w := range words {
		if strings.ContainsFunc(w, unicode.IsUpper) {
			cased++
		}
	}
	caps = caps && cased >= 3
	parsed := make([]titleWord, len(words))
	lower, upper := 0, 0
	for i, w := range words {
		parsed[i] = splitTitleWord(w, caps)
		p := parsed[i]
		parsed[i].opens = i == 0 || strings.ContainsAny(words[i-1][len(words[i-1])-1:], ":.?!")
		if p.strong || parsed[i].opens || utf8.RuneCountInString(p.core) < 2 || smallWords[strings.ToLower(p.core)] {
			continue
		}
		switch first, _ := utf8.DecodeRuneInString(p.core); {
		case unicode.IsUpper(first):
			upper++
		case unicode.IsLower(first):
			lower++
		}
	}
	sentence := lower > 0 && lower >= upper
	var out []string
	for _, p := range parsed {
		var s string
		if sentence && !p.opens && p.core != "" && unicode.IsUpper([]rune(p.core)[0]) {
			s = bibEscape(p.lead) + "{" + bibEscape(p.core) + "}" + bibEscape(p.trail)
		} else if p.from < p.to {
			s = bibEscape(p.lead+p.core[:p.from]) + "{" + bibEscape(p.core[p.from:p.to]) + "}" + bibEscape(p.core[p.to:]+p.trail)
		} else {
			s = bibEscape(p.lead + p.core + p.trail)
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}

// titleWord is a word of a title: its core (letters, digits and what is between them) and the marks around it,
// with the byte span of the core that must keep its case (from == to when none).
type titleWord struct {
	lead, core, trail string
	from, to          int
	strong            bool // some part of the core keeps its case whatever the title's style
	opens             bool // the word opens the title or follows a colon or a sentence's end
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) }

// partEnd is where the part (run of letters and digits) of core that starts at i ends: an apostrophe between two
// of its letters is inside it (O’Brien’s, GAN's), so that its capitals count as the word's.
func partEnd(core string, i int) int {
	j := i
	for j < len(core) {
		r, size := utf8.DecodeRuneInString(core[j:])
		if !isWordRune(r) {
			next, _ := utf8.DecodeRuneInString(core[j+size:])
			if (r != '\'' && r != '’') || j == i || j+size >= len(core) || !isWordRune(next) {
				break
			}
		}
		j += size
	}
	return j
}

// splitTitleWord finds the span of w's core to brace: from the first part (run of letters and digits) that keeps
// its case to the last, taking in parts of digits only when the word has such a part (GPT-4).
func splitTitleWord(w string, caps bool) titleWord {
	start := strings.IndexFunc(w, isWordRune)
	if start < 0 {
		return titleWord{lead: w}
	}
	end := strings.LastIndexFunc(w, isWordRune)
	_, size := utf8.DecodeRuneInString(w[end:])
	end += size
	t := titleWord{lead: w[:start], core: w[start:end], trail: w[end:]}
	type part struct {
		from, to     int
		strong, digs bool
	}
	var parts []part
	for i := 0; i < len(t.core); {
		j := partEnd(t.core, i)
		seg := []rune(t.core[i:j])
		innerCap := strings.ContainsFunc(string(seg[1:]), unicode.IsUpper)
		letter, digit := strings.ContainsFunc(string(seg), unicode.IsLetter), strings.ContainsFunc(string(seg), unicode.IsNumber)
		single := len(seg) == 1 && unicode.IsUpper(seg[0]) && t.core != "A"
		parts = append(parts, part{i, j, (letter && digit) || (!caps && (innerCap || single)), digit && !letter})
		t.strong = t.strong || parts[len(parts)-1].strong
		if k := strings.IndexFunc(t.core[j:], isWordRune); k >= 0 {
			i = j + k
		} else {
			break
		}
	}
	if !t.strong {
		return t
	}
	t.from, t.to = -1, -1
	for _, p := range parts {
		if p.strong || p.digs {
			if t.from < 0 {
				t.from = p.from
			}
			t.to = p.to
		}
	}
	return t
}

// smallWords are the words a title-cased title may leave in lower case; they do not tell its style.
var smallWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and but or nor for so yet as at by in of off on per to up via vs with
		from into onto upon over than that through between without within about among across after before against
		along around behind beyond during toward towards versus is are be was were its not if how what when why which
		who do does can`) {
		m[w] = true
	}
	return m
}()

// bibVerbatim makes s safe in a field BibTeX and biblatex take verbatim (url, doi, eprint): TeX escapes there would
// become part of the link, so the characters that could break the entry (braces, backslash, white space and
// control characters) are percent-encoded instead, as a URL allows, and everything else stays as it is.
func bibVerbatim(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '{' || r == '}' || r == '\\' || r <= ' ' || r == 0x7f || unicode.IsSpace(r) {
			for _, c := range []byte(string(r)) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// RIS writes one record per item. RIS is line-based ("TY  - JOUR"), so values are put on one line; long text
// fields stay whole (readers accept long AB and N1 lines).
func RIS(w io.Writer, items []syncproto.Item) error {
	var b strings.Builder
	for _, it := range items {
		idf := identifiers(it.ID)
		k := kindOf(it.ID, it.Venue)
		typ := typeNames[k].ris
		tag := func(t, value string) {
			if v := risValue(value); v != "" {
				fmt.Fprintf(&b, "%s  - %s\r\n", t, v)
			}
		}
		tag("TY", typ)
		tag("TI", it.Title)
		for _, a := range named(it.Authors) {
			tag("AU", risName(a))
		}
		year, month, day := date(it, idf)
		tag("PY", year)
		if it.Published != "" {
			tag("DA", year+"/"+pad2(month)+"/"+pad2(day)+"/") // YYYY/MM/DD/other: the parts it lacks stay empty
		}
		tag("T2", it.Venue)
		if k == preprint {
			tag("PB", "arXiv")
		}
		tag("AB", it.Abstract)
		tag("UR", paperURL(it.ID, it.URL))
		tag("L1", it.PDFURL)
		tag("DO", idf.doi)
		tag("N1", risNote(noteLines(noteParts(it))))
		for _, t := range it.Tags {
			tag("KW", t)
		}
		b.WriteString("ER  - \r\n\r\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// pad2 writes a month or day in two digits ("6" → "06"), an empty one as empty.
func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// risValue puts a value on one line without control characters: every run of white space (U+2028 and NEL too,
// which some readers take as line ends) and control characters becomes one space.
func risValue(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r < 0x20 || r == 0x7f }), " ")
}

// CSLItem is one CSL-JSON item (the subset papergist can fill).
type CSLItem struct {
	ID     string    `json:"id"`
	Type   string    `json:"type"`
	Title  string    `json:"title,omitempty"`
	Author []CSLName `json:"author,omitempty"`
	Issued *CSLDate  `json:"issued,omitempty"`
	// ContainerTitle is the venue (a journal, a conference).
	ContainerTitle string `json:"container-title,omitempty"`
	// Publisher is arXiv's name for a preprint, where Zotero files it as the repository.
	Publisher string `json:"publisher,omitempty"`
	Abstract  string `json:"abstract,omitempty"`
	URL       string `json:"URL,omitempty"`
	DOI       string `json:"DOI,omitempty"`
	Number    string `json:"number,omitempty"`
	Keyword   string `json:"keyword,omitempty"`
	Note      string `json:"note,omitempty"`
}

// CSLName is a CSL name: family, given and suffix; a name of one word is a family name alone ("Plato").
type CSLName struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Suffix  string `json:"suffix,omitempty"`
	Literal string `json:"literal,omitempty"`
}

// CSLDate is a CSL date as date-parts.
type CSLDate struct {
	DateParts [][]int `json:"date-parts"`
}

// CSLJSON writes the items as a CSL-JSON array.
func CSLJSON(w io.Writer, items []syncproto.Item) error {
	out := make([]CSLItem, 0, len(items))
	for _, it := range items {
		idf := identifiers(it.ID)
		c := CSLItem{ID: it.ID, Title: it.Title, Abstract: it.Abstract, URL: paperURL(it.ID, it.URL), DOI: idf.doi, Note: strings.Join(noteParts(it), "\n"),
			Keyword: keywords(it.Tags), ContainerTitle: it.Venue}
		k := kindOf(it.ID, it.Venue)
		c.Type = typeNames[k].csl
		if k == preprint {
			// arXiv's DataCite DOI, as the extension's writer gives it (export.js toCSLJSON).
			c.Publisher, c.Number, c.DOI = "arXiv", "arXiv:"+idf.arxiv, "10.48550/arXiv."+idf.arxiv
		}
		for _, a := range named(it.Authors) {
			n := splitName(a)
			c.Author = append(c.Author, CSLName{Family: n.family, Given: n.given, Suffix: n.suffix})
		}
		if year, month, day := date(it, idf); year != "" {
			var parts []int
			for _, p := range []string{year, month, day} {
				var n int
				if _, err := fmt.Sscanf(p, "%d", &n); err != nil {
					break
				}
				parts = append(parts, n)
			}
			c.Issued = &CSLDate{DateParts: [][]int{parts}}
		}
		out = append(out, c)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
