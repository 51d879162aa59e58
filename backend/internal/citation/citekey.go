package citation

import (
	"hash/fnv"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The citation key rule, the same in the extension's writer (extension/lib/export.js citeKeys); both run the
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
//   - keys are handed out oldest saved first (ties by ID). The first paper on a key has it as it is. Every later
//     paper on it adds three letters made from its own canonical ID alone: the FNV-1a hash of the ID's UTF-8
//     bytes in base 26, lowest digit first (arxiv:1712.09999 gets vaswani2017attentionsrf). Should an older paper
//     hold those, it takes one more letter of the hash at a time, up to seven, then b, c… after them.
//
// So a key depends on the paper's own data and on the keys older papers hold, never on a place in a list. Saving
// a new paper never changes another's key. Removing a paper changes another's key only when a later paper would
// have taken the removed paper's key had it been free, and it takes it now:
//   - the removed paper was the first on its key: the next paper saved on it takes the key as it is;
//   - two IDs with the same three letters on one key (about one pair in 17,576): the later one drops its fourth;
//   - a paper's key as it is spells an older paper's key with letters (smith2020learninglcv is smith2020learning
//     with lcv): it takes that key when the older paper goes.
// The moved paper's old key may then go to a later paper in the same way. A paper saved earlier on another device
// and synced later, or one whose author, title or date changes, can also take a key another paper had. No
// stateless rule does better while a paper alone on its key has it as it is: keeping every key would need each
// key stored with its paper and synced. README "Citation keys" says the same for users.

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

// tagLetters are the letters a paper's ID adds to a key another paper holds: the first n base-26 digits of the
// ID's FNV-1a hash, lowest first, as letters (n ≤ 7 covers the hash; beyond, they are all "a").
func tagLetters(id string, n int) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	x := h.Sum32()
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + x%26)
		x /= 26
	}
	return string(b)
}

// keyed is what a paper's key depends on: published is its "YYYY-MM-DD" date when known (the server's items
// carry none), saved when the user saved it.
type keyed struct {
	id, title, published string
	authors              []string
	saved                time.Time
}

// citeKeys are the papers' keys, in their order (see the rule above), handed out oldest saved first (ties by ID):
// a paper takes its key as it is unless an older paper holds it, else with its ID's letters. Times count to the
// millisecond, as the extension's do.
func citeKeys(ps []keyed) []string {
	keys, _ := handOutKeys(ps)
	return keys
}

// handOutKeys is citeKeys, with the number of keys it tried. A paper tries at most its key and five hash lengths,
// then the endings b, c… after its letters from the last one a paper on the same letters took (next), so that n
// papers on one ID (one paper exported several times) cost about 7n tries, not n²/2.
func handOutKeys(ps []keyed) (keys []string, tries int) {
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
	keys = make([]string, len(ps))
	used := map[string]bool{}
	taken := func(key string) bool {
		tries++
		return used[key]
	}
	next := map[string]int{}
	for _, i := range order {
		p := ps[i]
		base := keyBase(p.id, p.authors, p.title, p.published)
		key := base
		for n := 3; n <= 7 && taken(key); n++ {
			key = base + tagLetters(p.id, n)
		}
		if taken(key) {
			// the endings before next[tag] are all held: keys are never given back within one list
			tag, n := key, max(next[key], 1)
			for n++; taken(tag + letters(n)); n++ {
			}
			key, next[tag] = tag+letters(n), n
		}
		keys[i] = key
		used[key] = true
	}
	return keys, tries
}

// letters writes n ≥ 1 as a, b, …, z, aa, ab…
func letters(n int) string {
	s := ""
	for ; n > 0; n = (n - 1) / 26 {
		s = string(rune('a'+(n-1)%26)) + s
	}
	return s
}
