package paper

import "strings"

// dashes turns the dashes typed as ASCII between words into typographic ones: "--" into an en dash and
// "---" into an em dash ("forests -- a novel" → "forests – a novel", "100k--1.2M" → "100k–1.2M"). A dash
// counts only with white space on both sides or a word on both sides, outside $…$ and `…`, and in no
// token that looks like a URL, a path or code: "--help", "x-->y" and "a/b--c" stay.
func dashes(s string) string {
	var b strings.Builder
	done, dollars, ticks := 0, 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '$' && (i == 0 || s[i-1] != '\\'):
			dollars++
		case s[i] == '`':
			ticks++
		}
		if s[i] != '-' || i+1 >= len(s) || s[i+1] != '-' {
			continue
		}
		j := i + 2
		for j < len(s) && s[j] == '-' {
			j++
		}
		start, run := i, j-i
		i = j - 1
		if run > 3 || start == 0 || j == len(s) || dollars%2 == 1 || ticks%2 == 1 {
			continue
		}
		before, after := s[start-1], s[j]
		spaced := isSpaceByte(before) && isSpaceByte(after)
		joined := (isAlnum(before) || strings.IndexByte(`)]"'.`, before) >= 0) &&
			(isAlnum(after) || strings.IndexByte(`(["'`, after) >= 0)
		if !spaced && (!joined || codeToken(s, start, j)) {
			continue
		}
		b.WriteString(s[done:start])
		if run == 2 {
			b.WriteString("–")
		} else {
			b.WriteString("—")
		}
		done = j
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// codeToken reports whether the white-space-separated token around s[i:j] has a character that URLs,
// paths, options and code have and prose does not.
func codeToken(s string, i, j int) bool {
	for i > 0 && !isSpaceByte(s[i-1]) {
		i--
	}
	for j < len(s) && !isSpaceByte(s[j]) {
		j++
	}
	return strings.ContainsAny(s[i:j], `/:=<>_\$@{}|`+"`")
}
