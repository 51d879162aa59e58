package citation

import (
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The citation key rule, the same in the extension's writer (extension/lib/export.js citeKey); both run the
// "keys" and "key_lists" cases of testdata/bibtex.json. A key is the first author's family name, the year and the
// title's first word, as Google Scholar writes them (vaswani2017attention), in ASCII letters and digits only:
//   - letters with accents lose them (Müller → muller, Gödel → godel) and the letters that have no decomposition
//     are written as English does (Łukasz → lukasz, Ørsted → orsted, Straße → strasse);
//   - the family name keeps its particles (van Beethoven → vanbeethoven); with no author, or one whose name has
//     no Latin letter, it is "anon";
//   - the year is the arXiv ID's (the first version's, which the server knows too), else the published date's;
//     with neither the key has none;
//   - the word is the title's first that has a letter and is not a small word (a, on, the, of…) or a TeX
//     command (\textit, \mathcal), split at hyphens and other marks (GPT-4 → gpt, Self-Attention → self); with
//     none it is "paper";
//   - a key already given gets b, c, …, z, aa, ab… (vaswani2017attentionb), handed out over the whole library,
//     oldest saved first (ties by ID), so that saving a newer paper never renames an older one's key.

// asciiFold writes s in ASCII letters and digits, lower-cased: accents dropped, the letters without a
// decomposition transliterated, everything else (marks, apostrophes, other scripts) left out.
func asciiFold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if t, ok := foldRunes[r]; ok {
			b.WriteString(t)
			continue
		}
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		}
	}
	return b.String()
}

// foldRunes are the Latin letters Unicode does not decompose into a base letter and a mark.
var foldRunes = map[rune]string{'ł': "l", 'Ł': "l", 'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'þ': "th", 'Þ': "th", 'ı': "i", 'ħ': "h",
	'Ħ': "h", 'ŧ': "t", 'Ŧ': "t", 'ŋ': "ng", 'Ŋ': "ng"}

// keyWord is the title's first word with a letter that is not a small word, folded to ASCII, or "".
func keyWord(title string) string {
	words := strings.FieldsFunc(texCommand.ReplaceAllString(title, " "), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) && r != '\'' && r != '’'
	})
	for _, w := range words {
		a := asciiFold(w)
		if strings.IndexFunc(a, func(r rune) bool { return r >= 'a' && r <= 'z' }) >= 0 && !smallWords[a] {
			return a
		}
	}
	return ""
}

// texCommand is a TeX control word (\textit, \mathcal), never a title's word.
var texCommand = regexp.MustCompile(`\\[A-Za-z]+`)

// keyBase is a paper's key before it is made unique: id is its canonical ID, published its "YYYY-MM-DD" date
// (or a prefix of it) when known.
func keyBase(id string, authors []string, title, published string) string {
	family := ""
	if names := named(authors); len(names) > 0 {
		family = asciiFold(splitName(names[0]).family)
	}
	if family == "" {
		family = "anon"
	}
	year := identifiers(id).year
	if y, _, _ := strings.Cut(published, "-"); year == "" && len(y) == 4 && strings.Trim(y, "0123456789") == "" {
		year = y
	}
	word := keyWord(title)
	if word == "" {
		word = "paper"
	}
	return family + year + word
}

// citeKey is a paper's key, unique among the keys in used, which it joins; next remembers, per base, the last
// ending given, so that n papers with one base cost n tries, not n²/2 (pass the same map with the same used).
func citeKey(id string, authors []string, title, published string, used map[string]bool, next map[string]int) string {
	base := keyBase(id, authors, title, published)
	key := base
	n := next[base]
	if n < 2 {
		n = 2
	}
	if used[key] {
		for key = base + letters(n); used[key]; key = base + letters(n) {
			n++
		}
		next[base] = n + 1
	}
	used[key] = true
	return key
}

// keyed is what a paper's key depends on: published is its "YYYY-MM-DD" date when known (the server's items
// carry none), saved when the user saved it.
type keyed struct {
	id, title, published string
	authors              []string
	saved                time.Time
}

// citeKeys are the papers' keys, in their order, made unique over them all oldest saved first (ties by ID): a
// paper saved later takes the ending, and the keys already in use stay as they were. Times count to the
// millisecond, as the extension's do.
func citeKeys(ps []keyed) []string {
	order := make([]int, len(ps))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		pa, pb := ps[order[a]], ps[order[b]]
		if ta, tb := pa.saved.UnixMilli(), pb.saved.UnixMilli(); ta != tb {
			return ta < tb
		}
		return pa.id < pb.id
	})
	keys := make([]string, len(ps))
	used, next := map[string]bool{}, map[string]int{}
	for _, i := range order {
		p := ps[i]
		keys[i] = citeKey(p.id, p.authors, p.title, p.published, used, next)
	}
	return keys
}

// letters writes n ≥ 1 as a, b, …, z, aa, ab…
func letters(n int) string {
	s := ""
	for ; n > 0; n = (n - 1) / 26 {
		s = string(rune('a'+(n-1)%26)) + s
	}
	return s
}
