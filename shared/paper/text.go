package paper

import (
	"regexp"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// CleanText decodes HTML entities, makes TeX accents and text macros readable, removes invisible
// characters and collapses every run of white space (including no-break spaces) into one space.
func CleanText(s string) string {
	if s == "" {
		return ""
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	if strings.IndexByte(s, '\\') >= 0 {
		s = readableTeX(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad':
			continue
		case unicode.IsSpace(r) || r == '\u00a0':
			space = b.Len() > 0
			continue
		case unicode.IsControl(r) || r == unicode.ReplacementChar:
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// CleanTitle is CleanText for titles: it also drops a leading "Title:" label that listings print.
func CleanTitle(s string) string {
	s = CleanText(s)
	if rest, ok := strings.CutPrefix(s, "Title:"); ok {
		s = strings.TrimSpace(rest)
	}
	return s
}

// TeX accent commands and the combining marks they stand for.
var texAccents = map[byte]rune{
	'\'': '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303',
	'=': '\u0304', '.': '\u0307', 'u': '\u0306', 'v': '\u030c', 'H': '\u030b', 'c': '\u0327', 'k': '\u0328',
}

var (
	// \'e  \'{e}  {\'e}  \"{\i}, and letter accents \c{c}  \v s.
	texSymbolAccentRe = regexp.MustCompile(`\{?\\(['` + "`" + `^"~=.])\{?(\\i|[A-Za-z])\}?\}?`)
	texLetterAccentRe = regexp.MustCompile(`\{?\\([uvHck])(?:\{(\\i|[A-Za-z])\}|\s+([A-Za-z]))\}?`)
	// \emph{x}, \textbf{x}, \textit{x} … keep x; math is left as written.
	texWrapRe   = regexp.MustCompile(`\\(?:emph|textbf|textit|texttt|textrm|textsc|textsf|underline)\{([^{}]*)\}`)
	texSymbolRe = regexp.MustCompile(`\\([&%$#_{}])`)
	texLigature = strings.NewReplacer(`\ss{}`, "ß", `\ss `, "ß", `\o{}`, "ø", `\O{}`, "Ø", `\ae{}`, "æ", `\AE{}`, "Æ",
		`\aa{}`, "å", `\AA{}`, "Å", `\l{}`, "ł", `\L{}`, "Ł", `\textendash`, "–", `\textemdash`, "—")
)

func readableTeX(s string) string {
	accent := func(cmd, base string) string {
		if base == `\i` {
			base = "i"
		}
		return norm.NFC.String(base + string(texAccents[cmd[0]]))
	}
	s = texSymbolAccentRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := texSymbolAccentRe.FindStringSubmatch(m)
		return accent(sub[1], sub[2])
	})
	s = texLetterAccentRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := texLetterAccentRe.FindStringSubmatch(m)
		return accent(sub[1], sub[2]+sub[3])
	})
	s = texWrapRe.ReplaceAllString(s, "$1")
	s = texSymbolRe.ReplaceAllString(s, "$1")
	return texLigature.Replace(s)
}

var nameSuffixes = map[string]bool{"jr": true, "jr.": true, "sr": true, "sr.": true, "ii": true, "iii": true, "iv": true}

// DisplayName turns "Jumper, John" into "John Jumper" and "King, Jr., Martin Luther" into
// "Martin Luther King Jr."; names without a comma are only cleaned.
func DisplayName(s string) string {
	s = strings.Trim(CleanText(s), " ,;")
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	switch {
	case len(parts) == 2 && parts[1] != "" && !nameSuffixes[strings.ToLower(parts[1])]:
		return parts[1] + " " + parts[0]
	case len(parts) == 2:
		return strings.TrimSpace(parts[0] + " " + parts[1])
	case len(parts) == 3 && nameSuffixes[strings.ToLower(parts[1])]:
		return parts[2] + " " + parts[0] + " " + parts[1]
	}
	return s
}

var dateLayouts = []struct {
	layout string
	out    string
}{
	{time.RFC3339Nano, "2006-01-02"},
	{"2006-01-02T15:04:05", "2006-01-02"},
	{"2006-01-02", "2006-01-02"},
	{"2006/01/02", "2006-01-02"},
	{"2006/1/2", "2006-01-02"},
	{"Mon, 2 Jan 2006", "2006-01-02"},
	{"Mon, 02 Jan 2006", "2006-01-02"},
	{"2 Jan 2006", "2006-01-02"},
	{"2 January 2006", "2006-01-02"},
	{"January 2, 2006", "2006-01-02"},
	{"Jan 2, 2006", "2006-01-02"},
	{"2006-01", "2006-01"},
	{"2006/01", "2006-01"},
	{"January 2006", "2006-01"},
	{"Jan 2006", "2006-01"},
	{"2006", "2006"},
}

// NormalizeDate turns the date forms that paper pages print into YYYY-MM-DD, YYYY-MM or YYYY.
// A string it cannot read is returned as "" rather than passed on malformed.
func NormalizeDate(s string) string {
	s = strings.TrimSuffix(CleanText(s), ".")
	if s == "" {
		return ""
	}
	for _, d := range dateLayouts {
		if t, err := time.Parse(d.layout, s); err == nil {
			return t.Format(d.out)
		}
	}
	return ""
}
