package summarize

import (
	"strings"

	"github.com/papergist/papergist/wasm/summarize/internal/compress"
)

// wholeEnumeration returns the whole sentence that t was cut from when the cut ends inside an enumeration the
// sentence announces: "…a human metric that is (1) grounded in…, (2) reliable across…, (3)… and (4)…" must not
// read "…a human metric that is grounded in…, reliable across…", as if those were all. Cleaning drops the marks,
// so the enumeration is found in the abstract's sentence (enumeration) and its items by their first words: the
// cut is inside when t holds the first item's and not the last one's. Otherwise t is returned as it is.
func wholeEnumeration(t string, sents []string) string {
	body := strings.TrimSuffix(t, ".")
	for _, s := range sents {
		first, last, ok := enumeration(s)
		if !ok || !strings.Contains(body, first) || strings.Contains(body, last) {
			continue
		}
		for _, h := range compress.Heads(s) {
			if len(h.Text) > len(body) && strings.HasPrefix(h.Text, body) {
				return h.Text
			}
		}
	}
	return t
}

// enumeration returns the first two words of the first and of the last item of an enumeration in s, marked
// "(1) … (2) …", "(i) … (ii) …", "(a) … (b) …" or without the opening bracket ("1) … 2) …"), and whether s holds
// one: a first mark and the one after it, at least.
func enumeration(s string) (first, last string, ok bool) {
	series := -1 // which of enumLabels
	next := 0    // the label expected next in it
	for i := 0; i < len(s); i++ {
		k := strings.IndexByte(s[i:], ')') // most sentences hold none: one fast scan
		if k < 0 {
			break
		}
		i += k
		j := i
		for j > 0 && s[j-1] != ' ' && s[j-1] != '(' {
			j--
		}
		if j > 0 && s[j-1] == '(' {
			j--
		} else if j > 0 && s[j-1] != ' ' {
			continue
		}
		label := strings.TrimPrefix(s[j:i], "(")
		if series < 0 {
			for k, labels := range enumLabels {
				if label == labels[0] {
					series, next, first = k, 1, itemWords(s[i+1:])
				}
			}
			continue
		}
		if next < len(enumLabels[series]) && label == enumLabels[series][next] {
			next++
			last = itemWords(s[i+1:])
		}
	}
	return first, last, series >= 0 && next >= 2 && first != "" && last != ""
}

// enumLabels are the marks of an enumeration's items, in order.
var enumLabels = [...][]string{
	{"1", "2", "3", "4", "5", "6", "7", "8", "9"},
	{"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"},
	{"a", "b", "c", "d", "e", "f", "g", "h"},
}

// itemWords returns the first two words of an item, or "" if it has fewer.
func itemWords(s string) string {
	f := strings.Fields(s)
	if len(f) < 2 {
		return ""
	}
	return f[0] + " " + strings.TrimRight(f[1], ",;:.")
}
