package extract

import "strings"

// The few text patterns the adapters read are matched by hand rather than with package regexp, which with
// its Unicode tables was about 120 KB of the listing wasm's gzipped download. Each function gives the
// regular expression it stands for (letters and spaces are ASCII); scan_internal_test.go checks that they
// agree on real and generated input.

func digitRun(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}

func isDigit(c byte) bool              { return c >= '0' && c <= '9' }
func isUpper(c byte) bool              { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool              { return c >= 'a' && c <= 'z' }
func isLetter(c byte) bool             { return isLower(c | 0x20) }
func isSpace(c byte) bool              { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
func isWordByte(c byte) bool           { return isLetter(c) || isDigit(c) || c == '_' }
func spaceRun(s string) int            { return runOf(s, isSpace) }
func nonSpaceRun(s string) int         { return runOf(s, func(c byte) bool { return !isSpace(c) }) }
func lettersRun(s string) int          { return runOf(s, isLetter) }
func upperRunOf(s string) int          { return runOf(s, isUpper) }
func isDigits(s string) bool           { return s != "" && digitRun(s) == len(s) }
func hasDigitsAt(s string, n int) bool { return digitRun(s) >= n }

func runOf(s string, is func(c byte) bool) int {
	n := 0
	for n < len(s) && is(s[n]) {
		n++
	}
	return n
}

// indexFrom is strings.Index(s[from:], sub) counted in s, or -1.
func indexFrom(s, sub string, from int) int {
	if i := strings.Index(s[from:], sub); i >= 0 {
		return from + i
	}
	return -1
}

// stripScholarTags removes ^(?:\[(?:PDF|HTML|BOOK|B|CITATION|C|DOC|PS)\]\s*)+
func stripScholarTags(s string) string {
	for {
		tag, ok := "", false
		for _, t := range []string{"[PDF]", "[HTML]", "[BOOK]", "[B]", "[CITATION]", "[C]", "[DOC]", "[PS]"} {
			if strings.HasPrefix(s, t) {
				tag, ok = t, true
				break
			}
		}
		if !ok {
			return s
		}
		s = s[len(tag):]
		s = s[spaceRun(s):]
	}
}

// scholarVenueYear splits "Foundations and trends in Machine Learning, 2009" into venue and year:
// ^(?:(.*?),\s*)?((?:19|20)\d{2})$
func scholarVenueYear(s string) (venue, year string, ok bool) {
	if len(s) < 4 {
		return "", "", false
	}
	year = s[len(s)-4:]
	if !(strings.HasPrefix(year, "19") || strings.HasPrefix(year, "20")) || !isDigits(year[2:]) {
		return "", "", false
	}
	head := strings.TrimRight(s[:len(s)-4], " \t\n\f\r")
	if venue, found := strings.CutSuffix(head, ","); found && strings.IndexByte(venue, '\n') < 0 {
		return venue, year, true
	}
	return "", year, len(s) == 4
}

// findAfter returns the first match of prefix\s*(\S+) (or prefix(\S+) when space is false), giving
// prefix's index and the group.
func findAfter(s, prefix string, space bool) (int, string) {
	for i := strings.Index(s, prefix); i >= 0; i = indexFrom(s, prefix, i+1) {
		k := i + len(prefix)
		if space {
			k += spaceRun(s[k:])
		}
		if n := nonSpaceRun(s[k:]); n > 0 {
			return i, s[k : k+n]
		}
	}
	return -1, ""
}

// cvfVenue: (?:^|/)([A-Z]{3,6})(\d{4})(?:[_./?]|$)
func cvfVenueMatch(path string) (name, year string, ok bool) {
	for j := 0; j < len(path); j++ {
		if j > 0 && path[j-1] != '/' {
			continue
		}
		n := upperRunOf(path[j:])
		k := j + n
		if n < 3 || n > 6 || digitRun(path[k:]) != 4 {
			continue
		}
		if e := k + 4; e == len(path) || strings.IndexByte("_./?", path[e]) >= 0 {
			return path[j:k], path[k:e], true
		}
	}
	return "", "", false
}

// openReviewDateMatch: \b(\d{1,2}) ([A-Z][a-z]{2})[a-z]*\.? (\d{4})\b
func openReviewDateMatch(s string) (day, month, year string, ok bool) {
	for p := 0; p < len(s); p++ {
		if !isDigit(s[p]) || p > 0 && isWordByte(s[p-1]) {
			continue
		}
		n := digitRun(s[p:])
		k := p + n
		if n > 2 || k+4 > len(s) || s[k] != ' ' || !isUpper(s[k+1]) || !isLower(s[k+2]) || !isLower(s[k+3]) {
			continue
		}
		m := k + 4 + runOf(s[k+4:], isLower)
		if m < len(s) && s[m] == '.' {
			m++
		}
		if m >= len(s) || s[m] != ' ' || digitRun(s[m+1:]) != 4 {
			continue
		}
		if e := m + 5; e == len(s) || !isWordByte(s[e]) {
			return s[p:k], s[k+1 : k+4], s[m+1 : e], true
		}
	}
	return "", "", "", false
}

// s2Corpus: Corpus ID:\s*(\d{1,12})
func s2Corpus(s string) string {
	for i := strings.Index(s, "Corpus ID:"); i >= 0; i = indexFrom(s, "Corpus ID:", i+1) {
		k := i + len("Corpus ID:")
		k += spaceRun(s[k:])
		if n := min(digitRun(s[k:]), 12); n > 0 {
			return s[k : k+n]
		}
	}
	return ""
}

// isCSSIdent: ^-?[A-Za-z_][A-Za-z0-9_-]*$
func isCSSIdent(s string) bool {
	s = strings.TrimPrefix(s, "-")
	return s != "" && (isLetter(s[0]) || s[0] == '_') && runOf(s, func(c byte) bool { return isWordByte(c) || c == '-' }) == len(s)
}

// aclMonthDate: ^(\d{4})/(\d{1,2})$
func aclMonthDate(s string) (year, month string, ok bool) {
	year, month, ok = strings.Cut(s, "/")
	return year, month, ok && len(year) == 4 && isDigits(year) && len(month) <= 2 && isDigits(month)
}

// aclOldZeroID: ^W\d{2}-\d{2}00$ or ^[A-VX-Z]\d{2}-\d000$
func aclOldZeroID(id string) bool {
	if len(id) != 8 || !isUpper(id[0]) || !isDigits(id[1:3]) || id[3] != '-' || !isDigits(id[4:]) {
		return false
	}
	if id[0] == 'W' {
		return id[6:] == "00"
	}
	return id[5:] == "000"
}

// arxivSubjectAt matches \(([a-z][a-z\-]*(?:\.[A-Za-z][A-Za-z\-]*)?)\) at s[i:], giving the group and
// the end of the match (-1 when none).
func arxivSubjectAt(s string, i int) (string, int) {
	if s[i] != '(' || i+1 >= len(s) || !isLower(s[i+1]) {
		return "", -1
	}
	k := i + 1 + runOf(s[i+1:], func(c byte) bool { return isLower(c) || c == '-' })
	if k+1 < len(s) && s[k] == '.' && isLetter(s[k+1]) {
		k += 1 + runOf(s[k+1:], func(c byte) bool { return isLetter(c) || c == '-' })
	}
	if k >= len(s) || s[k] != ')' {
		return "", -1
	}
	return s[i+1 : k], k + 1
}

// arxivSearchDates gives, for each match of (?i)(v1 )?submitted\s+(\d{1,2} [A-Za-z]+,? \d{4}), whether
// the "v1 " was there and the date.
func arxivSearchDates(s string, each func(v1 bool, date string)) {
	done := 0
	for q := indexFold(s, "submitted", 0); q >= 0; q = indexFold(s, "submitted", q+1) {
		if q < done {
			continue
		}
		k := q + len("submitted")
		n := spaceRun(s[k:])
		d := k + n
		m := digitRun(s[d:])
		if n == 0 || m == 0 || m > 2 || d+m >= len(s) || s[d+m] != ' ' {
			continue
		}
		e := d + m + 1
		l := lettersRun(s[e:])
		e += l
		if e < len(s) && s[e] == ',' {
			e++
		}
		if l == 0 || e >= len(s) || s[e] != ' ' || !hasDigitsAt(s[e+1:], 4) {
			continue
		}
		e += 5
		each(q-3 >= done && indexFold(s[q-3:q], "v1 ", 0) == 0, s[d:e])
		done = e
	}
}

// indexFold is the index of sub in s from from on, ASCII letters compared in any case, or -1.
func indexFold(s, sub string, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && (s[i+j] == sub[j] || isLetter(sub[j]) && s[i+j]|0x20 == sub[j]|0x20) {
			j++
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

// arxivThisVersionOf: this version, (v\d+)
func arxivThisVersionOf(s string) string {
	for i := strings.Index(s, "this version, v"); i >= 0; i = indexFrom(s, "this version, v", i+1) {
		k := i + len("this version, v")
		if n := digitRun(s[k:]); n > 0 {
			return s[k-1 : k+n]
		}
	}
	return ""
}

// arxivSubmitted: Submitted on (\d{1,2} [A-Z][a-z]{2} \d{4})
func arxivSubmitted(s string) string {
	for i := strings.Index(s, "Submitted on "); i >= 0; i = indexFrom(s, "Submitted on ", i+1) {
		k := i + len("Submitted on ")
		n := digitRun(s[k:])
		m := k + n
		if n >= 1 && n <= 2 && m+5 < len(s) && s[m] == ' ' && isUpper(s[m+1]) && isLower(s[m+2]) && isLower(s[m+3]) &&
			s[m+4] == ' ' && hasDigitsAt(s[m+5:], 4) {
			return s[k : m+9]
		}
	}
	return ""
}
