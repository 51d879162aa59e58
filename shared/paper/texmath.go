package paper

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TeX math that reads as plain text: $\mathcal{O}(n \log n)$ → O(n log n), $\alpha$ → α, x^{2} → x²,
// \mathbf{3} → 3. What cannot be rendered safely (fractions, sums with limits, nested braces) stays as
// the source shows it, dollars included.

// texMathWords are the commands whose text form is known.
var texMathWords = map[string]string{
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
	"eta": "η", "theta": "θ", "vartheta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
	"xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ",
	"chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
	"Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "ell": "ℓ", "infty": "∞",
	"log": "log", "ln": "ln", "exp": "exp", "sin": "sin", "cos": "cos", "tan": "tan", "max": "max",
	"min": "min", "arg": "arg", "det": "det", "lim": "lim", "sup": "sup", "inf": "inf",
	"times": "×", "cdot": "·", "pm": "±", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠",
	"approx": "≈", "sim": "~", "in": "∈", "to": "→", "rightarrow": "→", "leftarrow": "←", "propto": "∝",
	"ll": "≪", "gg": "≫", "partial": "∂", "nabla": "∇", "cdots": "⋯", "ldots": "…", "dots": "…",
	"%": "%", ",": " ", ";": " ", "!": "", " ": " ", "quad": " ", "qquad": " ",
	"R": "ℝ", "exists": "∃", "forall": "∀", "vee": "∨", "wedge": "∧", "neg": "¬", "cup": "∪", "cap": "∩",
	"subset": "⊂", "subseteq": "⊆", "emptyset": "∅", "langle": "⟨", "rangle": "⟩", "star": "⋆", "circ": "∘",
	"mid": "|", "Rightarrow": "⇒", "mapsto": "↦", "left": "", "right": "", "{": "{", "}": "}",
	"sum": "∑", "prod": "∏", "int": "∫",
}

// texFonts are the commands that only change the font of their argument.
var texFonts = map[string]bool{"mathcal": true, "mathbf": true, "mathrm": true, "mathit": true, "mathsf": true,
	"mathtt": true, "boldsymbol": true, "bm": true, "text": true, "textrm": true, "operatorname": true, "mathbb": true}

var blackboard = map[string]string{"R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ"}

// renderTeX rewrites s's font commands everywhere, its math spans where the whole span can be
// rendered, and a ~ tie between words into a space.
func renderTeX(s string) string {
	if strings.IndexByte(s, '$') < 0 {
		return renderText(s)
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '$')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i+1:], '$')
		if j < 0 || strings.HasPrefix(s[i:], "$$") {
			break
		}
		b.WriteString(renderText(s[:i]))
		// TeX math hugs its dollars: "$5 and $6" is money; a span that opens with a command is math ("$\pm$1",
		// "$ \alpha$")
		inner := s[i+1 : i+1+j]
		after := byte(' ')
		if i+j+2 < len(s) {
			after = s[i+j+2]
		}
		if command := strings.TrimLeft(inner, " "); command == "" || command[0] != '\\' &&
			(inner[0] == ' ' || inner[len(inner)-1] == ' ' || '0' <= after && after <= '9') {
			b.WriteByte('$')
			s = s[i+1:]
			continue
		}
		if out, ok := renderMath(inner); ok {
			b.WriteString(out)
		} else {
			b.WriteString(s[i : i+j+2]) // kept as written
		}
		s = s[i+j+2:]
	}
	b.WriteString(renderText(s))
	return b.String()
}

// renderText is renderTeX outside math.
func renderText(s string) string {
	if strings.IndexByte(s, '\\') >= 0 {
		s = replaceTeX(s, func(s string, i int) (string, int) {
			// \\([{}]) → the brace; \\\\ (a backslash written as such) stays
			if s[i+1] == '\\' {
				return s[i : i+2], i + 2
			}
			if s[i+1] != '{' && s[i+1] != '}' {
				// a Greek letter, ℓ or ∞ written without dollars: "shrinks to \epsilon as", "O(1/\epsilon)"
				j := i + 1
				for j < len(s) && isAlpha(s[j]) {
					j++
				}
				if w := texMathWords[s[i+1:j]]; (w == "ℓ" || w == "∞" || w >= "Γ" && w <= "ω") && !codeAround(s, i, j) {
					if strings.HasPrefix(s[j:], "{}") {
						j += 2 // "\alpha{}-test" → "α-test", as texMacro reads "\Cpp{}"
					}
					return w, j
				}
				return "", -1
			}
			return s[i+1 : i+2], i + 2
		}, 0)
		s = unwrapFonts(s)
	}
	if strings.IndexByte(s, '^') >= 0 {
		s = superscripts(s)
	}
	if strings.IndexByte(s, '~') >= 0 {
		s = ties(s)
	}
	return s
}

// renderMath renders the inside of $…$, or reports false when some of it has no safe text form.
func renderMath(m string) (string, bool) { return renderMathIn(m, 0) }

// renderMathIn is renderMath for a span nested depth arguments deep (a fraction's, a root's, a script's):
// beyond three the span stays as written, so that each byte is read a bounded number of times.
func renderMathIn(m string, depth int) (string, bool) {
	if depth > 3 {
		return "", false
	}
	m = unwrapFonts(m)
	var b strings.Builder
	for i := 0; i < len(m); {
		c := m[i]
		switch {
		case c == '\\':
			j := i + 1
			for j < len(m) && ('a' <= m[j]|0x20 && m[j]|0x20 <= 'z') {
				j++
			}
			if j == i+1 && j < len(m) {
				j++ // a one-symbol command: \% \, \;
			}
			name := m[i+1 : j]
			w, ok := texMathWords[name]
			if !ok {
				w, j = argMath(m, name, j, depth, b.String())
				if j < 0 {
					return "", false
				}
			}
			if j < len(m) && m[j] == '.' && (name == "left" || name == "right") {
				j++ // \left. and \right. are no bracket
			}
			if r, _ := utf8.DecodeLastRuneInString(b.String()); w != "" && 'a' <= w[0] && w[0] <= 'z' && isWord(string(r)) {
				b.WriteByte(' ') // an operator's name after a letter: k\log d reads "k log d", not "klog d"
			}
			b.WriteString(w)
			i = j
		case c == '^' || c == '_':
			if arg, n := scriptArg(m[i+1:]); arg != "" && (isWord(arg) || strings.Trim(arg, "0123456789+-") == "") {
				b.WriteString(ScriptAfter(b.String(), arg, c == '^')) // x², x_i, R^d, ℝ^(2k)
				i += 1 + n
				continue
			}
			// a script with commands or braces of its own: ε^(-2/(1-α)), p_d̄, ℓ_∞
			raw, end := braceArg(m, i+1)
			if end < 0 {
				return "", false
			}
			r, ok := renderMathIn(raw, depth+1)
			if !ok {
				return "", false
			}
			b.WriteString(ScriptAfter(b.String(), r, c == '^'))
			i = end
		case c == '{' || c == '}':
			i++ // grouping braces left after the commands
		default:
			b.WriteByte(c)
			i++
		}
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	return out, out != ""
}

// texMarks are the marks over one letter and the TeX accent (see texAccent) each one is: \tilde{O} → Õ.
var texMarks = map[string]byte{"tilde": '~', "widetilde": '~', "hat": '^', "widehat": '^', "bar": '=',
	"overline": '=', "dot": '.', "ddot": '"'}

// braceArg returns the argument of a command or script that starts at m[j], as TeX reads it: a braced group
// (its braces may nest), a command, or one character, after any spaces; and the end of it, or -1 when there
// is none or its braces do not close.
func braceArg(m string, j int) (string, int) {
	for j < len(m) && m[j] == ' ' {
		j++
	}
	if j >= len(m) {
		return "", -1
	}
	switch c := m[j]; {
	case c == '{':
		open := 0
		for k := j; k < len(m); k++ {
			if m[k] == '\\' {
				k++ // \{ and \} are no grouping
			} else if m[k] == '{' {
				open++
			} else if m[k] == '}' {
				if open--; open == 0 {
					return m[j+1 : k], k + 1
				}
			}
		}
	case c == '\\':
		k := j + 1
		for k < len(m) && isAlpha(m[k]) {
			k++
		}
		if k > j+1 {
			return m[j:k], k
		}
	case isAlnum(c) || c == '*':
		return m[j : j+1], j + 1
	}
	return "", -1
}

// argMath renders the commands that take arguments: \frac{a}{b} (a/b, with brackets where a reader would
// group otherwise: (n+1)/2, 1/(2k), (1/2)x), \sqrt{x} or \sqrt x (√x, √(n log n)), and a mark over one letter
// (\hat{y} → ŷ) or a bar or tilde over two (\bar{uv} → u̅v̅, \tilde{ab} → a͠b). cmd is the command's name,
// its argument starts at m[j] and before is what has been rendered before it. It returns the text and the end
// of the arguments, or -1 when cmd is none of these or its arguments do not render.
func argMath(m, cmd string, j, depth int, before string) (string, int) {
	mark, isMark := texMarks[cmd]
	frac := cmd == "frac" || cmd == "dfrac" || cmd == "tfrac"
	if cmd != "sqrt" && !isMark && !frac {
		return "", -1
	}
	raw, end := braceArg(m, j)
	if end < 0 {
		return "", -1
	}
	arg, ok := renderMathIn(raw, depth+1)
	if !ok {
		return "", -1
	}
	next := strings.TrimLeft(m[end:], " ")
	runes := []rune(arg)
	switch {
	case frac:
		rawDen, endDen := braceArg(m, end)
		if endDen < 0 {
			return "", -1
		}
		den, ok := renderMathIn(rawDen, depth+1)
		if !ok {
			return "", -1
		}
		if !isProduct(arg) {
			arg = "(" + arg + ")"
		}
		if !isAtom(den) {
			den = "(" + den + ")"
		}
		out := arg + "/" + den
		next = strings.TrimLeft(m[endDen:], " ")
		r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(before, " "))
		if next != "" && (isAlnum(next[0]) || strings.IndexByte("(^_!'", next[0]) >= 0 || next[0] == '\\' && !strings.HasPrefix(next, `\right`)) ||
			unicode.IsLetter(r) || unicode.IsDigit(r) || r == ')' || r == '/' || r == '÷' {
			out = "(" + out + ")" // (1/2)x, 2 (1/n), (a/b)², 1/(1/n), (a/b)': not 1/2x, "2 1/n", a/b², 1/1/n, a/b'
		}
		return out, endDen
	case isMark && len(runes) == 1 && unicode.IsLetter(runes[0]):
		return arg + texAccent(mark), end
	case isMark && len(runes) == 2 && isAlpha(arg[0]) && isAlpha(arg[1]) && mark == '=':
		return arg[:1] + "\u0305" + arg[1:] + "\u0305", end // an overline over both letters
	case isMark && len(runes) == 2 && isAlpha(arg[0]) && isAlpha(arg[1]) && mark == '~':
		return arg[:1] + "\u0360" + arg[1:], end // a tilde over both letters
	case isMark:
		return "", -1
	case (len(runes) == 1 || strings.Trim(arg, "0123456789") == "") &&
		(next == "" || !isAlnum(next[0]) && next[0] != '{' && next[0] != '^'): // √(d)T, not √dT
		return "√" + arg, end
	}
	return "√(" + arg + ")", end
}

// isAtom reports whether rendered math s is one number, or one letter with its marks and digit scripts
// (x, 12, ŷ, ε², x_i, √n): a denominator that needs no brackets.
func isAtom(s string) bool {
	s = strings.TrimPrefix(s, "√")
	if s != "" && strings.Trim(s, "0123456789.") == "" {
		return true
	}
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) {
		return false
	}
	rest := s[n:]
	if len(rest) > 1 && (rest[0] == '_' || rest[0] == '^') && isWord(rest[1:]) {
		return true
	}
	return isMarked(s) || strings.Trim(rest, "⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉′") == ""
}

// isMarked reports whether s is one letter followed only by combining marks (ŷ, d̄, u̅v̅ is not).
func isMarked(s string) bool {
	for i, r := range s {
		if i == 0 && !unicode.IsLetter(r) || i > 0 && !isCombining(r) {
			return false
		}
	}
	return s != ""
}

// isProduct reports whether rendered math s is a product of letters, numbers and their marks and scripts
// (SA, 2k, √n, ε²): a numerator that needs no brackets, since (ab)/c reads the same as a(b/c).
func isProduct(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !isCombining(r) && r != '√' && r != '.' {
			return false
		}
	}
	return s != ""
}

// scriptArg returns the argument of ^ or _ at the start of s (one character, or a braced group without
// nested braces) and the bytes it takes.
func scriptArg(s string) (string, int) {
	if s == "" {
		return "", 0
	}
	if s[0] == '{' {
		// the first brace or backslash must be the closing brace: a search that stops there, not at the
		// closing brace, keeps a run of unclosed scripts linear
		j := strings.IndexAny(s[1:], "{}\\") + 1
		if j == 0 || s[j] != '}' {
			return "", 0
		}
		return s[1:j], j + 1
	}
	if s[0] == '\\' {
		return "", 0
	}
	return s[:1], 1
}

func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// unwrapFonts replaces \mathbf{x}, \mathcal{O}, \text{x}… by their argument (\mathbb{R} by ℝ) when the
// argument has no braces or commands of its own.
func unwrapFonts(s string) string {
	var b strings.Builder
	done := 0
	for i := strings.IndexByte(s, '\\'); i >= 0; {
		j := i + 1
		for j < len(s) && ('a' <= s[j]|0x20 && s[j]|0x20 <= 'z') {
			j++
		}
		if texFonts[s[i+1:j]] && j < len(s) && s[j] == '{' {
			if k := strings.IndexAny(s[j+1:], "{}\\$") + 1; k > 0 && s[j+k] == '}' { // stops at the first, as scriptArg
				arg := s[j+1 : j+k]
				if s[i+1:j] == "mathbb" && blackboard[arg] != "" {
					arg = blackboard[arg]
				}
				b.WriteString(s[done:i])
				b.WriteString(arg)
				done = j + k + 1
			}
		}
		next := strings.IndexByte(s[j:], '\\')
		if next < 0 {
			break
		}
		i = j + next
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// superscripts writes ^{3} and ^2 after a letter or digit as Script does: ³, ², and ^{3DP} as ^(3DP). Text is not
// TeX math: an unbraced ^ raises the whole run of letters and digits after it, not its first character. A run
// of digits is written as a script (10^23 → 10²³); any other run of more than one character is left as written
// (2^nd, k^in, x^ij), as TeX would raise only its first character and the writer meant all of it. So is a run
// that a decimal point and digits or a slash follow (10^2.5, x^0.5, x^1/2).
func superscripts(s string) string {
	var b strings.Builder
	done := 0
	for i := 1; i < len(s); i++ {
		if s[i] != '^' || !(unicode.IsLetter(rune(s[i-1])) || unicode.IsDigit(rune(s[i-1])) || s[i-1] == ')') {
			continue
		}
		arg, n := scriptArg(s[i+1:])
		if n == 1 { // unbraced: the run of letters and digits
			run := len(s) - len(strings.TrimLeftFunc(s[i+1:], func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }))
			if run < len(s) && (s[run] == '/' || s[run] == '.' && run+1 < len(s) && '0' <= s[run+1] && s[run+1] <= '9') {
				continue // 10^2.5, x^1/2: the writer raised more than the run, and 10².5 would be a false number
			}
			if run > i+2 {
				if strings.Trim(s[i+1:run], "0123456789") != "" {
					continue
				}
				arg, n = s[i+1:run], run-i-1
			}
		}
		if arg == "" || !isWord(strings.Trim(arg, "+-")) {
			continue
		}
		b.WriteString(s[done:i])
		b.WriteString(ScriptAfter(s[:i], arg, true))
		done = i + 1 + n
		i = done - 1
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// ties turns TeX's unbreakable space ~ between a word and a word, bracket or citation into a space, and between
// a word of three letters or more, or an abbreviation of two or more and its full stop, and a number ("Section~4",
// "Fig.~3"); "~10%" (about ten per cent), "n~10" (n about ten) and "p.~3" (kept in a citation's note) stay.
func ties(s string) string {
	b := []byte(s)
	for i := 1; i+1 < len(b); i++ {
		if b[i] != '~' {
			continue
		}
		prev, next := b[i-1], b[i+1]
		if (isAlnum(prev) || prev == ')' || prev == '.') && (isAlpha(next) || next == '(' || next == '[' || next == '\\') ||
			'0' <= next && next <= '9' && (prev == '.' && lettersBefore(b, i-1) >= 2 || lettersBefore(b, i) >= 3) {
			b[i] = ' '
		}
	}
	return string(b)
}

// lettersBefore counts the ASCII letters right before b[i], up to three.
func lettersBefore(b []byte, i int) int {
	n := 0
	for n < 3 && i-n > 0 && isAlpha(b[i-n-1]) {
		n++
	}
	return n
}

func isAlpha(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
func isAlnum(c byte) bool { return isAlpha(c) || '0' <= c && c <= '9' }

// isCombining reports whether r is one of the combining marks the renderings put over letters (U+0300–U+036F).
func isCombining(r rune) bool { return '\u0300' <= r && r <= '\u036f' }
