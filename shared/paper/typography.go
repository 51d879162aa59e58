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

// emphasis drops the Markdown marks of emphasis and code that Hugging Face and OpenReview abstracts are
// typed with: *x*, **x**, _x_ and `x` give x. A mark opens only at the start of a word (after white space,
// "(", "[" or a quote) and closes at the end of one, on the same kind of mark within 120 bytes, outside
// $…$, with a letter between (a backtick span without a quote: `x' is TeX's quoting); snake_case, A*
// and math such as $\mu^*$ stay.
func emphasis(s string) string {
	var b strings.Builder
	done, dollars := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '$' && (i == 0 || s[i-1] != '\\') {
			dollars++
		}
		if c != '*' && c != '_' && c != '`' || dollars%2 == 1 {
			continue
		}
		n := 1
		if c == '*' && i+1 < len(s) && s[i+1] == '*' {
			n = 2
		}
		open := i + n
		if i > 0 && strings.IndexByte(" \t\n\r\f([\"'", s[i-1]) < 0 || open >= len(s) || isSpaceByte(s[open]) || s[open] == c {
			i = open - 1
			continue
		}
		k := strings.IndexByte(s[open:], c)
		if k < 0 {
			continue
		}
		k += open
		end, inner := k+n, s[open:k]
		if end > len(s) || s[end-1] != c || end < len(s) && s[end] == c || isSpaceByte(s[k-1]) ||
			end < len(s) && !isSpaceByte(s[end]) && strings.IndexByte(`.,;:!?)]"'-`, s[end]) < 0 ||
			len(inner) > 120 || strings.ContainsAny(inner, `$\`) || !hasLetter(inner) ||
			c == '`' && strings.IndexByte(inner, '\'') >= 0 {
			i = open - 1
			continue
		}
		b.WriteString(s[done:i])
		b.WriteString(inner)
		done, i = end, end-1
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if isAlpha(s[i]) || s[i] >= 0x80 {
			return true
		}
	}
	return false
}
