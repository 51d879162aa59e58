package paper

import (
	"strings"
	"unicode/utf8"
)

// superReplacer and subReplacer write the characters of Unicode's Superscripts and Subscripts block (and Latin-1's
// ¹²³) that papergist writes scripts in: digits, signs, equals and brackets, and the superscript i and n that
// the block has had from the start (2ⁿ, xⁱ). The subscript letters (ₐ ₑ ₒ ₓ, ₕ…ₜ) are left out: there is no
// subscript i or j among them, so x_t and x_i would be written two ways, and fonts cover them less.
var (
	superReplacer = strings.NewReplacer("0", "⁰", "1", "¹", "2", "²", "3", "³", "4", "⁴", "5", "⁵", "6", "⁶", "7", "⁷",
		"8", "⁸", "9", "⁹", "+", "⁺", "-", "⁻", "−", "⁻", "=", "⁼", "(", "⁽", ")", "⁾", "i", "ⁱ", "n", "ⁿ")
	subReplacer = strings.NewReplacer("0", "₀", "1", "₁", "2", "₂", "3", "₃", "4", "₄", "5", "₅", "6", "₆", "7", "₇",
		"8", "₈", "9", "₉", "+", "₊", "-", "₋", "−", "₋", "=", "₌", "(", "₍", ")", "₎")
)

const (
	superChars = "0123456789+-−=()in"
	subChars   = "0123456789+-−=()"
)

// scriptShaped: r is drawn raised (sup) or lowered already: primes, degrees, ordinal indicators and the
// characters of Unicode's Superscripts and Subscripts block and of its modifier letters (ʰ, ᵃ).
func scriptShaped(r rune, sup bool) bool {
	if !sup {
		return '\u2080' <= r && r <= '\u209c'
	}
	return strings.ContainsRune("′″‴°ºª¹²³", r) || '\u2070' <= r && r <= '\u207f' ||
		'\u02b0' <= r && r <= '\u02b8' || '\u1d2c' <= r && r <= '\u1d6a'
}

// Script is the one way papergist writes a superscript (sup) or a subscript s, whether TeX wrote it (x^{2},
// x_{uv}) or a PDF set it on a raised or lowered baseline: in Unicode's script characters when every character of
// s has one (x², 10⁻³, cm⁻², 2ⁿ, x₁₂), else after ^ or _, in brackets unless s is one character (a letter with its
// marks) or one bracketed group already (R^d, x_i, p_d̄, ℝ^(2k), x_(uv), ν_(SL), Δ^(N)). Characters drawn raised
// or lowered already are written as they are (f′, 25°, x²).
func Script(s string, sup bool) string {
	chars, scripts, mark := superChars, superReplacer, "^"
	if !sup {
		chars, scripts, mark = subChars, subReplacer, "_"
	}
	if s == "" {
		return ""
	}
	if strings.TrimFunc(s, func(r rune) bool { return scriptShaped(r, sup) }) == "" {
		return s // f′, 25°C, 1ª, x² as the font or the writer drew them
	}
	if t := tightSigns(s); strings.Trim(t, chars) == "" {
		return scripts.Replace(t)
	}
	if utf8.RuneCountInString(s) == 1 || isMarked(s) || s[0] == '(' && strings.IndexByte(s, ')') == len(s)-1 {
		return mark + s
	}
	return mark + "(" + s + ")"
}

// tightSigns is s without the spaces beside its signs, equals and brackets, so that x^{n + 1} is written as
// x^{n+1} is (xⁿ⁺¹); a space between two digits or letters stays (a raised "1 2" is no 12).
func tightSigns(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	sign := func(b byte) bool { return strings.IndexByte("+-=()", b) >= 0 || b >= 0x80 } // − is 3 bytes, all ≥ 0x80
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			j := i
			for j < len(s) && s[j] == ' ' {
				j++
			}
			if len(b) == 0 || j == len(s) || sign(b[len(b)-1]) || sign(s[j]) {
				i = j - 1
				continue
			}
		}
		b = append(b, s[i])
	}
	return string(b)
}

// ScriptAfter is Script for a script s after base, the text before it: a lone raised ∘ after a number, or at the
// start (TeX's 25$^\circ$C), is a degree sign (25°C); with other characters or after a letter it stays a ring
// (f^(∘n), A^∘). Spaces before the script do not count: $25\,^\circ$C is 25 °C.
func ScriptAfter(base, s string, sup bool) string {
	base = strings.TrimRight(base, " \u00a0\u2009\u202f~")
	if r, _ := utf8.DecodeLastRuneInString(base); sup && strings.TrimSpace(s) == "∘" && (base == "" || '0' <= r && r <= '9') {
		return "°"
	}
	return Script(s, sup)
}
