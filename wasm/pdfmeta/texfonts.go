package pdfmeta

import (
	"regexp"
	"strings"
	"unicode"
)

// TeX's fonts (Knuth's Computer Modern, the AMS symbol fonts, Latin Modern's math fonts) are often embedded
// without a ToUnicode map and without an /Encoding: their codes then mean what the font's built-in encoding
// says, which is TeX's own layout, not PDFDocEncoding (the PDF library's guess). Read as PDFDocEncoding, the
// symbol font's ∼ reads "˘", its minus "�" and ≈ "ˇ": "(˘10�22eV)" for "(∼10−22 eV)". The tables below are the
// published layouts of these fonts (The TeXbook, appendix F; the AMS fonts' documentation), for the glyphs that
// occur in running text; an empty entry is a glyph with no text of its own (a piece of a large delimiter, an
// accent for math), which is dropped. The negation slash, which TeX draws over the relation after it (\not=),
// reads U+0338, which tidy puts on that relation (≠).

// texLayout is what a TeX font's code means, by code (0–127).
type texLayout [128]string

// cmsy: the math symbol font (CMSY, CMBSY, LMMathSymbols). Its calligraphic capitals read as plain letters,
// which is what a reader types for 𝒪(n).
var cmsy = texLayout{
	"−", "·", "×", "∗", "÷", "⋄", "±", "∓", "⊕", "⊖", "⊗", "⊘", "⊙", "◯", "∘", "•",
	"≍", "≡", "⊆", "⊇", "≤", "≥", "⪯", "⪰", "∼", "≈", "⊂", "⊃", "≪", "≫", "≺", "≻",
	"←", "→", "↑", "↓", "↔", "↗", "↘", "≃", "⇐", "⇒", "⇑", "⇓", "⇔", "↖", "↙", "∝",
	"′", "∞", "∈", "∋", "△", "▽", "\u0338", "", "∀", "∃", "¬", "∅", "ℜ", "ℑ", "⊤", "⊥",
	"ℵ", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O",
	"P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "∪", "∩", "⊎", "∧", "∨",
	"⊢", "⊣", "⌊", "⌋", "⌈", "⌉", "{", "}", "⟨", "⟩", "|", "‖", "↕", "⇕", "\\", "≀",
	"√", "⨿", "∇", "∫", "⊔", "⊓", "⊑", "⊒", "§", "†", "‡", "¶", "♣", "♢", "♡", "♠",
}

// cmmi: the math italic font (CMMI, CMMIB, LMMathItalic): Greek, Latin letters, old-style digits.
var cmmi = texLayout{
	"Γ", "Δ", "Θ", "Λ", "Ξ", "Π", "Σ", "Υ", "Φ", "Ψ", "Ω", "α", "β", "γ", "δ", "ϵ",
	"ζ", "η", "θ", "ι", "κ", "λ", "μ", "ν", "ξ", "π", "ρ", "σ", "τ", "υ", "ϕ", "χ",
	"ψ", "ω", "ε", "ϑ", "ϖ", "ϱ", "ς", "φ", "↼", "↽", "⇀", "⇁", "", "", "▷", "◁",
	"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ".", ",", "<", "/", ">", "⋆",
	"∂", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O",
	"P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "♭", "♮", "♯", "⌣", "⌢",
	"ℓ", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o",
	"p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z", "ı", "ȷ", "℘", "", "",
}

// cmex: the large delimiters and operators (CMEX, LMMathExtension); the pieces that build taller ones are empty.
var cmex = texLayout{
	"(", ")", "[", "]", "⌊", "⌋", "⌈", "⌉", "{", "}", "⟨", "⟩", "|", "‖", "/", "\\",
	"(", ")", "(", ")", "[", "]", "⌊", "⌋", "⌈", "⌉", "{", "}", "⟨", "⟩", "/", "\\",
	"(", ")", "[", "]", "⌊", "⌋", "⌈", "⌉", "{", "}", "⟨", "⟩", "/", "\\", "/", "\\",
	"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "", "∮", "∮", "⨀", "⨀", "⨁", "⨁", "⨂", "⨂",
	"∑", "∏", "∫", "⋃", "⋂", "⨄", "⋀", "⋁", "∑", "∏", "∫", "⋃", "⋂", "⨄", "⋀", "⋁",
	"∐", "∐", "", "", "", "", "", "", "[", "]", "⌊", "⌋", "⌈", "⌉", "{", "}",
	"√", "√", "√", "√", "√", "", "", "", "", "", "", "", "", "", "", "",
}

// msam and msbm: the AMS symbol fonts, the relations and symbols of running text ("T ≲ 10 K", "x ∈ ℝ"); the
// rest is dropped.
var msam, msbm texLayout

// ot1: TeX's text fonts (CMR, CMBX, CMTI, CMSL, CMSS…) are ASCII but for ligatures, Greek capitals, accents
// and a few punctuation marks; the accents are spacing ones, which tidy puts on their letters.
var ot1 texLayout

func init() {
	for code, s := range map[int]string{0x03: "□", 0x04: "■", 0x06: "◊", 0x07: "⧫", 0x26: "≳", 0x27: "⪆", 0x29: "∴",
		0x2A: "∵", 0x2E: "≲", 0x2F: "⪅", 0x35: "≦", 0x36: "⩽", 0x3D: "≧", 0x3E: "⩾", 0x46: "★", 0x58: "✓",
		0x5C: "∠", 0x5F: "∝", 0x72: "®"} {
		msam[code] = s
	}
	for code, s := range map[int]string{0x02: "≰", 0x03: "≱", 0x04: "≮", 0x05: "≯", 0x3F: "∅", 0x40: "∄",
		0x6E: "⋉", 0x6F: "⋊", 0x72: "∖", 0x73: "∼", 0x74: "≈", 0x75: "≊", 0x7D: "ℏ", 0x7E: "ℏ"} {
		msbm[code] = s
	}
	// blackboard bold capitals, with the letters Unicode encodes apart
	for c := 'A'; c <= 'Z'; c++ {
		msbm[c] = string(rune(0x1D538 + c - 'A'))
	}
	for c, s := range map[rune]string{'C': "ℂ", 'H': "ℍ", 'N': "ℕ", 'P': "ℙ", 'Q': "ℚ", 'R': "ℝ", 'Z': "ℤ"} {
		msbm[c] = s
	}
	for c := 0x20; c < 0x7F; c++ {
		ot1[c] = string(rune(c))
	}
	for code, s := range map[int]string{0x00: "Γ", 0x01: "Δ", 0x02: "Θ", 0x03: "Λ", 0x04: "Ξ", 0x05: "Π", 0x06: "Σ",
		0x07: "Υ", 0x08: "Φ", 0x09: "Ψ", 0x0A: "Ω", 0x0B: "ff", 0x0C: "fi", 0x0D: "fl", 0x0E: "ffi", 0x0F: "ffl",
		0x10: "ı", 0x11: "ȷ", 0x12: "`", 0x13: "´", 0x14: "ˇ", 0x15: "˘", 0x16: "¯", 0x17: "˚", 0x18: "¸", 0x19: "ß",
		0x1A: "æ", 0x1B: "œ", 0x1C: "ø", 0x1D: "Æ", 0x1E: "Œ", 0x1F: "Ø", 0x22: "”", 0x27: "’", 0x3C: "¡", 0x3E: "¿",
		0x5C: "“", 0x5E: "ˆ", 0x5F: "˙", 0x60: "‘", 0x7B: "–", 0x7C: "—", 0x7D: "˝", 0x7E: "˜", 0x7F: "¨"} {
		ot1[code] = s
	}
}

// texFontRe picks TeX's fonts out by their base names (a subset prefix already cut). The typewriter fonts
// (CMTT) have another layout and are left to the PDF library.
var texFontRe = regexp.MustCompile(`^(?:(cmsy|cmbsy|lmmathsymbols)|(cmmi|cmmib|lmmathitalic)|(cmex|lmmathextension)|(msam)|(msbm)|(cmr|cmbx|cmti|cmsl|cmss|cmssbx|cmssi|cmb|cmbxti|cmbxsl|cmcsc|cmu|cmdunh|cmfib|cmfi|cmssdc|cmssq|cmssqi))\d`)

// layout is what a font's codes mean in its built-in encoding.
type layout interface{ text(code int) string }

// texLayoutOf is the layout of a TeX font or of the Symbol font by its base name, or nil.
func texLayoutOf(name string) layout {
	lower := strings.ToLower(name)
	if isSymbolFont(name) {
		return &symbol
	}
	m := texFontRe.FindStringSubmatch(lower)
	if m == nil {
		return nil
	}
	for i, l := range []*texLayout{&cmsy, &cmmi, &cmex, &msam, &msbm, &ot1} {
		if m[i+1] != "" {
			return l
		}
	}
	return nil
}

// text is what code means in the layout. Old PostScript versions of the fonts repeat codes 0–32 and 127 at
// 161–196 (0–9 at 161–170, 10–32 at 173–195, 127 at 196), where some drivers draw them.
func (l *texLayout) text(code int) string {
	switch {
	case code < 128:
		return l[code]
	case code >= 161 && code <= 170:
		return l[code-161]
	case code >= 173 && code <= 195:
		return l[code-163]
	case code == 196:
		return l[127]
	}
	return ""
}

// symbolLayout is what a code means in the Symbol font (Adobe's Symbol encoding; URW's StandardSymL).
type symbolLayout [256]string

func (l *symbolLayout) text(code int) string {
	if code < 0 || code > 255 {
		return ""
	}
	return l[code]
}

// symbol: Greek letters, relations and operators; the pieces of large brackets and arrows are empty.
var symbol symbolLayout

func init() {
	for c := 0x20; c < 0x7F; c++ {
		symbol[c] = string(rune(c))
	}
	const greek = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ" // 0x41–0x5A; lower case at 0x61–0x7A
	for i, r := range []rune(greek) {
		symbol[0x41+i] = string(r)
	}
	for i, r := range []rune("αβχδεφγηιϕκλμνοπθρστυϖωξψζ") {
		symbol[0x61+i] = string(r)
	}
	for code, s := range map[int]string{0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x5C: "∴",
		0x5E: "⊥", 0x60: "", 0x7E: "∼", 0xA0: "€", 0xA1: "ϒ", 0xA2: "′", 0xA3: "≤", 0xA4: "⁄", 0xA5: "∞",
		0xA6: "ƒ", 0xA7: "♣", 0xA8: "♦", 0xA9: "♥", 0xAA: "♠", 0xAB: "↔", 0xAC: "←", 0xAD: "↑", 0xAE: "→",
		0xAF: "↓", 0xB0: "°", 0xB1: "±", 0xB2: "″", 0xB3: "≥", 0xB4: "×", 0xB5: "∝", 0xB6: "∂", 0xB7: "•",
		0xB8: "÷", 0xB9: "≠", 0xBA: "≡", 0xBB: "≈", 0xBC: "…", 0xBF: "↵", 0xC0: "ℵ", 0xC1: "ℑ", 0xC2: "ℜ",
		0xC3: "℘", 0xC4: "⊗", 0xC5: "⊕", 0xC6: "∅", 0xC7: "∩", 0xC8: "∪", 0xC9: "⊃", 0xCA: "⊇", 0xCB: "⊄",
		0xCC: "⊂", 0xCD: "⊆", 0xCE: "∈", 0xCF: "∉", 0xD0: "∠", 0xD1: "∇", 0xD2: "®", 0xD3: "©", 0xD4: "™",
		0xD5: "∏", 0xD6: "√", 0xD7: "·", 0xD8: "¬", 0xD9: "∧", 0xDA: "∨", 0xDB: "⇔", 0xDC: "⇐", 0xDD: "⇑",
		0xDE: "⇒", 0xDF: "⇓", 0xE0: "◊", 0xE1: "⟨", 0xE2: "®", 0xE3: "©", 0xE4: "™", 0xE5: "∑", 0xF1: "⟩",
		0xF2: "∫"} {
		symbol[code] = s
	}
}

// isSymbolFont: the Symbol font by its base name (Adobe's Symbol, SymbolMT, URW's StandardSymL).
func isSymbolFont(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasPrefix(lower, "symbol") || strings.HasPrefix(lower, "standardsym")
}

// privateUse: a rune of Unicode's Private Use Area, which says nothing to a reader.
func privateUse(r rune) bool { return r >= 0xE000 && r <= 0xF8FF }

// publicText replaces the Private Use runes that fonts' character maps give by convention: the Symbol font's
// codes at U+F020–U+F0FF (word processors' \uF061 for α), the fi and fl ligatures at U+F001 and U+F002, and
// Adobe's serif and sans ©, ® and ™ (U+F6D9–U+F6DB, U+F8E8–U+F8EA). Any other Private Use rune (a piece of
// a large bracket, a font's own glyph) is dropped.
func publicText(text string, symbolFont bool) string {
	var b strings.Builder
	for _, r := range text {
		switch {
		case !privateUse(r):
			b.WriteRune(r)
		case symbolFont && r >= 0xF020 && r <= 0xF0FF:
			b.WriteString(symbol[r-0xF000])
		case r == 0xF001 || r == 0xF002: // the fi and fl ligatures of older Adobe and Apple fonts
			b.WriteString([]string{"fi", "fl"}[r-0xF001])
		case r == 0xF6D9 || r == 0xF8E9:
			b.WriteString("©")
		case r == 0xF6DA || r == 0xF8E8:
			b.WriteString("®")
		case r == 0xF6DB || r == 0xF8EA:
			b.WriteString("™")
		}
	}
	return b.String()
}

// negated is the relation that a negation slash (U+0338) over another makes: TeX's fonts draw the slash
// before the relation, Unicode's decomposed form ("=\u0338") puts it after.
var negated = map[rune]string{'=': "≠", '<': "≮", '>': "≯", '≤': "≰", '≥': "≱", '∈': "∉", '∋': "∌", '∼': "≁",
	'≈': "≉", '≃': "≄", '≅': "≇", '≡': "≢", '⊂': "⊄", '⊃': "⊅", '⊆': "⊈", '⊇': "⊉", '∃': "∄", '|': "∤", '‖': "∦",
	'≺': "⊀", '≻': "⊁", '→': "↛", '←': "↚", '↔': "↮", '⇒': "⇏", '⇐': "⇍", '⇔': "⇎"}

// negate puts each negation slash on the relation after it (a space between allowed), else on the relation
// right before it, and drops any other. A symbol without a composed form keeps the slash after it ("⊏\u0338").
func negate(s string) string {
	if !strings.ContainsRune(s, '\u0338') {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		if rs[i] != '\u0338' {
			out = append(out, rs[i])
			continue
		}
		j := i + 1
		if j < len(rs) && rs[j] == ' ' {
			j++
		}
		if j < len(rs) {
			if n, ok := negated[rs[j]]; ok {
				out = append(out, []rune(n)...)
				i = j
				continue
			}
		}
		if k := len(out) - 1; k >= 0 && out[k] == rs[i-1] {
			if n, ok := negated[out[k]]; ok {
				out = append(out[:k], []rune(n)...)
			} else if unicode.IsSymbol(out[k]) {
				out = append(out, rs[i])
			}
		}
	}
	return string(out)
}
