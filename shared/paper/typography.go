package paper

import "strings"

// typeset types what plain-text and Markdown abstracts mark up in ASCII (Hugging Face, OpenReview, TeX
// sources), outside $…$:
//   - "--" and "---" as an en and an em dash ("forests -- a novel" → "forests – a novel", "100k--1.2M" →
//     "100k–1.2M"), with white space on both sides or a word on both sides, outside `…`, and in no token
//     that looks like a URL, a path or code: "--help", "x-->y" and "a/b--c" stay; "--" between two citation
//     commands (`\cite{a}--\cite{c}`, `\cite{a} -- \cite{c}`, not `\emph{x} -- \cite{c}`) is a range, typed "–"
//     without spaces, which readableTeX drops or reads as keys whole ("[a]–[c]"); "---" there stays as typed
//     (`\cite{a} --- \cite{b} argues otherwise --- and` opens a parenthesis, not a range), and beside a textual
//     citation (\citet, \citeauthor, \citealt: a work named in the sentence) the dash is typed as between words;
//   - *x*, **x**, _x_ and `x` as x: a mark opens before a letter at the start of a word (after white space,
//     "(", "[" or a quote) and closes on the same mark at the end of one within 120 bytes and, for `x`,
//     with no quote between (`x' is TeX's quoting); snake_case, __init__, A* and $\mu^*$ stay.
//
// The code is kept short: the listing wasm pays for every line of it.
func typeset(s string) string {
	var out []byte
	done, dollars, ticks, close, closeN, closeRep, qclose, qcloseN := 0, 0, 0, -1, 0, "", -1, 0
	for i := 0; i < len(s); i++ {
		c, before := s[i], byte(' ')
		if i > 0 {
			before = kind(s[i-1])
		}
		if before == '`' {
			ticks++
		}
		if before == '$' && (i < 2 || s[i-2] != '\\') {
			dollars++
		}
		qn, qk, qkn := 0, -1, 0
		if in(c, "`'") && close < 0 && qclose < 0 && dollars%2 == 0 && ticks%2 == 0 {
			qn, qk, qkn = quote(s, i, before)
		}
		j, rep := i, "" // s[i:j] is replaced by rep
		switch {
		case i == close:
			j, rep, close = i+closeN, closeRep, -1
		case i == qclose: // a quotation's closing mark, kept apart so that emphasis can open inside it
			j, rep, qclose = i+qcloseN, "”", -1
		case dollars%2 == 1:
		case qn > 0:
			j, rep = i+qn, "“"
			qclose, qcloseN = qk, qkn
			if c == '`' {
				ticks += qn - 1 // the marks skipped are counted as if read
			}
		case c == '-' && before != '-':
			for j < len(s) && s[j] == '-' {
				j++
			}
			if j-i < 2 || j-i > 3 || j == len(s) || ticks%2 == 1 {
				j = i
				break
			}
			rep = "–—"[(j-i-2)*3 : (j-i-1)*3]
			after, sp := kind(s[j]), 0
			if before == ' ' && after == ' ' {
				sp = 1
			}
			// the first command is looked for in the text as written (typeset may have typed a dash or quotes
			// inside its options, before done)
			if i-sp > done && s[i-sp-1] == '}' && strings.HasPrefix(s[j+sp:], `\cite`) && matchAside(s, j+sp) > 0 {
				if k := citeEndingAt(s, i-sp); k >= 0 {
					switch {
					case textualCite(s[k:]) || textualCite(s[j+sp:]):
						// a textual citation names a work in the sentence, never a range's end: the dash is
						// typed as between words ("[a] – [b] later extended it")
					case j-i == 3:
						j = i // "---" may be a parenthetical em dash: as typed
					default:
						i, j, rep = i-sp, j+sp, "–"
					}
					break
				}
			}
			if !(sp == 1 || in(before, `a)]"'.`) && in(after, `a(["'`) && !codeToken(s, i, j)) {
				j = i
			}
		case in(c, "*_`") && close < 0 && in(before, ` (["'`):
			if k, n := emphasis(s, i); k > 0 {
				j, close, closeN, closeRep = i+n, k, n, ""
			}
		}
		if j > i {
			out = splice(out, s[done:i], rep)
			done, i = j, j-1
		}
	}
	if out == nil {
		return s
	}
	return string(splice(out, s[done:], ""))
}

//go:noinline
func splice(out []byte, s, t string) []byte { return append(append(out, s...), t...) }

// in reports whether c is one of set's bytes.
//
//go:noinline
func in(c byte, set string) bool { return strings.IndexByte(set, c) >= 0 }

// quote reads a TeX quotation opening at s[i], after a byte of that kind: “ (or “" typed for it), or ”
// at the start of a word. It returns the opening's length n (0 for none) and where its closing ” or " is
// (k, kn bytes), at the end of a word within 300 bytes, before any $ and not right before a backtick (k < 0
// for none). A quotation that is not cleanly closed stays as written: a closing mark that is not at a
// word's end ("“a”s"), a $ or another “ met first (math, Markdown “code“), a " with a “ after it and no
// ” between (“x = "a"“). Only a “ with no closing mark, $ or “ in its window opens a quotation alone, as
// TeX prints it; ” needs its closing.
func quote(s string, i int, before byte) (n, k, kn int) {
	c := s[i]
	if i+2 >= len(s) || s[i+1] != c || s[i+2] == c || !in(before, ` (["`) || c == '\'' && kind(s[i+2]) != 'a' {
		return 0, -1, 0
	}
	n = 2
	if c == '`' && s[i+2] == '"' {
		n = 3
	}
	if i+n >= len(s) || kind(s[i+n]) == ' ' {
		return 0, -1, 0 // the end of Markdown ``code`` or a mark alone
	}
	end := min(len(s), i+300)
	for k = i + n + 1; k < end; k++ {
		if s[k] == '$' || strings.HasPrefix(s[k:], "``") {
			return 0, -1, 0
		}
		kn = 1
		if strings.HasPrefix(s[k:], "''") {
			kn = 2
		}
		if s[k] != '"' && kn == 1 {
			continue
		}
		if kind(s[k-1]) == ' ' || k+kn < len(s) && in(kind(s[k+kn]), "a'(`") {
			if kn == 2 {
				return 0, -1, 0 // a closing ” that does not end a word: left as written
			}
			continue
		}
		if t := strings.Index(s[k:end], "``") + k; kn == 1 && t >= k && !strings.Contains(s[k:t], "''") &&
			(t+2 == len(s) || !in(kind(s[t+2]), `a"`)) {
			return 0, -1, 0 // a " inside Markdown ``code``: the next “ ends a word
		}
		return n, k, kn
	}
	if c == '\'' {
		return 0, -1, 0
	}
	return n, -1, 0
}

// emphasis returns where the Markdown mark that opens at s[i] closes and the mark's length, or k = 0.
func emphasis(s string, i int) (k, n int) {
	c := s[i]
	n = 1
	if c == '*' && i+1 < len(s) && s[i+1] == '*' {
		n = 2
	}
	if i+n >= len(s) || kind(s[i+n]) != 'a' || s[i+n] <= '9' {
		return 0, n
	}
	stop := `$\` // math, TeX, and for `x` TeX's `quotes'
	if c == '`' {
		stop = `$\'`
	}
	k = strings.IndexByte(s[i+n:], c) + i + n
	end := k + n
	if k < i+n || end > len(s) || k-i > 120 || s[end-1] != c || kind(s[k-1]) == ' ' ||
		end < len(s) && !in(kind(s[end]), ` .,;:!?)]"'-`) || strings.ContainsAny(s[i:k], stop) {
		return 0, n
	}
	return k, n
}

// kind is ' ' for white space, 'a' for an ASCII letter or digit or a non-ASCII byte, and c otherwise.
//
//go:noinline
func kind(c byte) byte {
	switch {
	case isSpaceByte(c):
		return ' '
	case isAlnum(c) || c >= 0x80:
		return 'a'
	}
	return c
}

// codeToken reports whether the white-space-separated token around s[i:j] has a character that URLs,
// paths, options and code have and prose does not, or reaches 64 bytes on either side (no word does; the
// bound keeps a long run of "a--a--a…" linear).
func codeToken(s string, i, j int) bool {
	a, b := i, j
	for a > 0 && i-a < 64 && kind(s[a-1]) != ' ' {
		a--
	}
	for b < len(s) && b-j < 64 && kind(s[b]) != ' ' {
		b++
	}
	return i-a == 64 || b-j == 64 || strings.ContainsAny(s[a:b], `/:=<>_\$@{}|`+"`")
}
