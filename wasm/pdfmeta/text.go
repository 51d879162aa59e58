package pdfmeta

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"

	"github.com/papergist/papergist/shared/paper"
)

// glyph is one decoded character code as drawn: its origin and advance in page space (points, y up).
type glyph struct {
	x, y, x1 float64
	size     float64 // the font's height on the page
	font     *font
	text     string
	rotated  bool
	script   int8 // +1 a superscript, -1 a subscript of the line it was attached to (attachScripts)
}

// font is what the walker needs of a font dictionary: its decoder, widths and style.
type font struct {
	name   string
	bold   bool
	twoB   bool // a Type0 font with two-byte codes (Identity-H)
	dec    pdf.TextEncoding
	first  int
	widths []float64
	cid    map[int]float64
	dw     float64
	names  map[int]string // glyph names of the encoding's Differences, read when a code decodes to nothing
	tex    layout         // a TeX or Symbol font drawn in its built-in encoding, without a character map
	symbol bool           // the Symbol font, whose character maps may give its codes in Private Use (U+F0xx)
}

func newFont(v pdf.Value) *font {
	f := &font{dw: 1000}
	name := v.Key("BaseFont").Name()
	if i := strings.IndexByte(name, '+'); i >= 0 {
		name = name[i+1:]
	}
	f.name = name
	f.symbol = isSymbolFont(name)
	lower := strings.ToLower(name)
	for _, w := range []string{"bold", "black", "heavy", "medi", "semibold", "demi", "cmbx", "cmb10", "cmssbx", "-bd", "extrab"} {
		if strings.Contains(lower, w) {
			f.bold = true
		}
	}
	fv := pdf.Font{V: v}
	f.dec = fv.Encoder()
	if f.dec == nil {
		f.dec = identity{}
	}
	if v.Key("Subtype").Name() == "Type0" {
		f.twoB = true
		d := v.Key("DescendantFonts").Index(0)
		if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.dw = dw.Float64()
		}
		f.cid = map[int]float64{}
		w := d.Key("W")
		for i := 0; i < w.Len() && i < 1<<16; {
			c := int(w.Index(i).Int64())
			next := w.Index(i + 1)
			if next.Kind() == pdf.Array {
				for j := 0; j < next.Len() && j < 1<<16; j++ {
					f.cid[c+j] = next.Index(j).Float64()
				}
				i += 2
				continue
			}
			last := int(next.Int64())
			wd := w.Index(i + 2).Float64()
			for c2 := c; c2 <= last && c2-c < 1<<16; c2++ {
				f.cid[c2] = wd
			}
			i += 3
		}
		return f
	}
	if enc := v.Key("Encoding"); v.Key("ToUnicode").Kind() != pdf.Stream &&
		(enc.IsNull() || enc.Kind() == pdf.Dict && enc.Key("BaseEncoding").IsNull()) {
		f.tex = texLayoutOf(name)
	}
	if d := v.Key("Encoding").Key("Differences"); d.Len() > 0 {
		f.names = map[int]string{}
		code := 0
		for i := 0; i < d.Len() && i < 1<<10; i++ {
			switch x := d.Index(i); x.Kind() {
			case pdf.Integer:
				code = int(x.Int64())
			case pdf.Name:
				f.names[code] = x.Name()
				code++
			}
		}
	}
	f.first = int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	for i := 0; i < ws.Len() && i < 1<<16; i++ {
		f.widths = append(f.widths, ws.Index(i).Float64())
	}
	return f
}

// unreadable: text that a decoder gave for a code it has no character for (a control code, U+FFFD).
func unreadable(text string) bool {
	return !strings.ContainsFunc(text, func(r rune) bool { return !unknownRune(r) })
}

// unknownRune: what a decoder gives for a code it has no character for.
func unknownRune(r rune) bool { return r < ' ' || r == utf8.RuneError }

// texText is the text of code in a TeX font: the glyph its encoding's Differences name, else what the
// font's built-in layout has there. A glyph named but unknown is dropped, not read as its code's ASCII
// letter (the symbol font's "prime" at '0' would read "f0" for f′).
func (f *font) texText(code int, decoded string) string {
	if name, ok := f.names[code]; ok {
		if t, ok := glyphText(name); ok {
			return t
		}
		// a name the PDF library knows; below 128 glyphNames has all that give ASCII, so the library's giving
		// the code's own character means it does not know the name
		if decoded != string(rune(code)) || code >= 0x80 {
			return decoded
		}
		return ""
	}
	return f.tex.text(code)
}

// glyphNames are the glyph names that fonts without a character map give digits and delimiters: the
// standard names, which the PDF library does not know with a variant suffix ("zero.prop", "one.oldstyle",
// as LuaTeX writes them), and the names of the delimiters and of plus, minus and equals in AIP's
// MathematicalPi fonts (as zaac08-aburayyan's "Fax: +49", "823−824" and "R = tert-Bu" show them).
var glyphNames = map[string]string{"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
	"six": "6", "seven": "7", "eight": "8", "nine": "9", "parenleft": "(", "parenright": ")", "bracketleft": "[",
	"bracketright": "]", "braceleft": "{", "braceright": "}", "period": ".", "comma": ",", "colon": ":",
	"semicolon": ";", "hyphen": "-", "endash": "–", "emdash": "—", "slash": "/", "percent": "%", "plus": "+",
	"equal": "=", "less": "<", "greater": ">", "quoteright": "’", "quoteleft": "‘", "quotedblleft": "“",
	"quotedblright": "”", "fi": "fi", "fl": "fl", "ff": "ff", "ffi": "ffi", "ffl": "ffl",
	"H20849": "(", "H20850": ")", "H20851": "[", "H20852": "]", "H11001": "+", "H11002": "−", "H11005": "=",
	"space": " ", "exclam": "!", "quotedbl": "\"", "numbersign": "#", "dollar": "$", "ampersand": "&",
	"quotesingle": "'", "asterisk": "*", "question": "?", "at": "@", "backslash": "\\", "asciicircum": "^",
	"underscore": "_", "grave": "`", "bar": "|", "asciitilde": "~",
	// TeX's math fonts' names that the Adobe glyph list has not, and their glyphs without text of their own
	"prime": "′", "epsilon1": "ε", "theta1": "ϑ", "pi1": "ϖ", "rho1": "ϱ", "sigma1": "ς", "phi1": "φ",
	"lscript": "ℓ", "dotlessj": "ȷ", "lessorsimilar": "≲", "greaterorsimilar": "≳", "lessorequalslant": "⩽",
	"greaterorequalslant": "⩾", "negationslash": "\u0338", "mapsto": "", "vector": "", "tie": ""}

// glyphText is the text of a glyph name: a known name or a letter, with a variant suffix dropped, or uniXXXX.
func glyphText(name string) (string, bool) {
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	if t, ok := glyphNames[name]; ok {
		return t, true
	}
	if len(name) == 1 && (name[0] >= 'a' && name[0] <= 'z' || name[0] >= 'A' && name[0] <= 'Z') {
		return name, true
	}
	if hex, ok := strings.CutPrefix(name, "uni"); ok && len(hex) == 4 {
		if n, err := strconv.ParseUint(hex, 16, 32); err == nil && n >= ' ' && utf8.ValidRune(rune(n)) {
			return string(rune(n)), true
		}
	}
	return "", false
}

type identity struct{}

func (identity) Decode(raw string) string { return raw }

// width is the advance of code in thousandths of the font size; a font without widths (the standard 14)
// gets an average one, good enough to tell word gaps from letters.
func (f *font) width(code int) float64 {
	if f.twoB {
		if w, ok := f.cid[code]; ok {
			return w
		}
		return f.dw
	}
	if i := code - f.first; i >= 0 && i < len(f.widths) {
		return f.widths[i]
	}
	if code == ' ' {
		return 250
	}
	return 500
}

type matrix [6]float64 // a b c d e f, as in PDF: [x y 1] × M

var ident = matrix{1, 0, 0, 1, 0, 0}

func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

type gstate struct {
	ctm, tm, tlm               matrix
	font                       *font
	tfs, tc, tw, th, tl, trise float64
}

// Limits that keep a hostile page from running long: glyphs read, operators run, form nesting.
const (
	maxGlyphs    = 100_000
	maxOps       = 2_000_000
	maxFormDepth = 6
)

// walker runs a page's content stream and collects its glyphs and, per text operator, the text it shows
// (the text of rotated stamps such as arXiv's side line survives there, in drawing order).
type walker struct {
	glyphs []glyph
	ops    []string
	nops   int
	fonts  map[string]*font
}

func matrixOf(args []pdf.Value) (matrix, bool) {
	if len(args) != 6 {
		return matrix{}, false
	}
	var m matrix
	for i, a := range args {
		m[i] = a.Float64()
	}
	return m, true
}

// walk interprets one content stream with its resources. It never panics: the PDF library reports malformed
// input by panicking, and what was read before that is kept.
func (w *walker) walk(content, res pdf.Value, ctm matrix, depth int, scope string) {
	defer func() { _ = recover() }()
	g := gstate{ctm: ctm, tm: ident, tlm: ident, th: 1}
	var stack []gstate
	var op strings.Builder
	show := func(s string) {
		f := g.font
		if f == nil {
			return
		}
		step := 1
		if f.twoB {
			step = 2
		}
		for i := 0; i+step <= len(s); i += step {
			code := int(s[i])
			if step == 2 {
				code = code<<8 | int(s[i+1])
			}
			text := f.dec.Decode(s[i : i+step])
			if f.tex != nil {
				text = f.texText(code, text)
			} else if f.names != nil && unreadable(text) {
				if t, ok := glyphText(f.names[code]); ok {
					text = t
				}
			}
			if strings.ContainsFunc(text, privateUse) {
				text = publicText(text, f.symbol)
			}
			if strings.ContainsFunc(text, unknownRune) {
				text = strings.Map(func(r rune) rune { // nothing is better than a U+FFFD or a control code
					if unknownRune(r) {
						return -1
					}
					return r
				}, text)
			}
			w0 := f.width(code) / 1000
			trm := matrix{g.tfs * g.th, 0, 0, g.tfs, 0, g.trise}.mul(g.tm).mul(g.ctm)
			tx := (w0*g.tfs + g.tc) * g.th
			if step == 1 && code == ' ' {
				tx += g.tw * g.th
			}
			g.tm = matrix{1, 0, 0, 1, tx, 0}.mul(g.tm)
			end := matrix{1, 0, 0, 1, 0, g.trise}.mul(g.tm).mul(g.ctm)
			size := g.tfs * math.Hypot(g.tm.mul(g.ctm)[2], g.tm.mul(g.ctm)[3])
			op.WriteString(text)
			if len(w.glyphs) < maxGlyphs {
				w.glyphs = append(w.glyphs, glyph{
					x: trm[4], y: trm[5], x1: end[4], size: size, font: f, text: text,
					rotated: math.Abs(trm[1]) > math.Abs(trm[0])/10 || trm[0] < 0,
				})
			}
		}
	}
	flush := func() {
		if op.Len() > 0 {
			w.ops = append(w.ops, op.String())
			op.Reset()
		}
	}
	pdf.Interpret(content, func(stk *pdf.Stack, name string) {
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		w.nops++
		if w.nops > maxOps {
			panic("too many operators")
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch name {
		case "q":
			if len(stack) < 64 {
				stack = append(stack, g)
			}
		case "Q":
			if len(stack) > 0 {
				g, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "cm":
			if m, ok := matrixOf(args); ok {
				g.ctm = m.mul(g.ctm)
			}
		case "BT":
			g.tm, g.tlm = ident, ident
		case "ET":
			flush()
		case "Tf":
			if len(args) == 2 {
				key := scope + "/" + args[0].Name()
				f, ok := w.fonts[key]
				if !ok {
					f = newFont(res.Key("Font").Key(args[0].Name()))
					w.fonts[key] = f
				}
				g.font, g.tfs = f, num(1)
			}
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.trise = num(0)
		case "TD":
			g.tl = -num(1)
			fallthrough
		case "Td":
			g.tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(g.tlm)
			g.tm = g.tlm
			flush()
		case "Tm":
			if m, ok := matrixOf(args); ok {
				g.tm, g.tlm = m, m
			}
			flush()
		case "T*":
			g.tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(g.tlm)
			g.tm = g.tlm
			flush()
		case "Tj", "'", "\"":
			if name != "Tj" {
				if name == "\"" && len(args) == 3 {
					g.tw, g.tc = num(0), num(1)
				}
				g.tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(g.tlm)
				g.tm = g.tlm
				flush()
			}
			if len(args) > 0 {
				show(args[len(args)-1].RawString())
			}
		case "TJ":
			if len(args) != 1 {
				return
			}
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				x := a.Index(i)
				if x.Kind() == pdf.String {
					show(x.RawString())
					continue
				}
				adj := x.Float64()
				if adj < -200 { // a gap wider than a fifth of the font size: a space
					op.WriteByte(' ')
				}
				g.tm = matrix{1, 0, 0, 1, -adj / 1000 * g.tfs * g.th, 0}.mul(g.tm)
			}
		case "Do":
			if len(args) != 1 || depth >= maxFormDepth {
				return
			}
			x := res.Key("XObject").Key(args[0].Name())
			if x.Key("Subtype").Name() != "Form" {
				return
			}
			m := ident
			if mm := x.Key("Matrix"); mm.Len() == 6 {
				for i := range 6 {
					m[i] = mm.Index(i).Float64()
				}
			}
			r := x.Key("Resources")
			if r.IsNull() {
				r = res
			}
			flush()
			w.walk(x, r, m.mul(g.ctm), depth+1, scope+"/"+args[0].Name())
		}
	})
	flush()
}

// line is text on one baseline within one column, in page space.
type line struct {
	x0, x1, y float64
	size      float64 // the most common glyph size
	bold      bool    // most glyphs bold
	text      string
	// unmarked is text without the raised footnote and affiliation marks after its words ("Smith¹", "Title∗"),
	// for titles; empty when it is text
	unmarked string
	// names is text without any short raised run after a word, whatever it holds ("Smith¹⁻³", "Smith^(A,B)",
	// "Smith^([1])"), for lines of names, where a raised run is never part of a name; empty when it is text
	names string
	// the line's glyphs are row[from:to] of the row lines made it from
	from, to int
}

func (l line) letters() int {
	n := 0
	for _, r := range l.text {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// lines groups upright glyphs into lines: glyphs on one baseline (within a third of their size) join, with
// a space where the gap between them is wider than a sixth of the size, and a gap wider than twice the size
// (a column gutter, or the space between author blocks) starts another line. Text on a raised or lowered
// baseline of its own is attached to the line it belongs to as its superscripts and subscripts (attachScripts).
func lines(glyphs []glyph) []line {
	ls, _ := rowLines(glyphs)
	return ls
}

// rowLines is lines, and how many rows attachScripts looked at for hosts (its cost, which tests bound).
func rowLines(glyphs []glyph) ([]line, int) {
	var gs []*glyph // pointers: sorting moves 8 bytes a glyph, not the glyph (a visible cost in wasm)
	for i := range glyphs {
		if g := &glyphs[i]; !g.rotated && g.size >= 1 && strings.TrimSpace(g.text) != "" {
			g.script = 0
			gs = append(gs, g)
		}
	}
	if len(gs) == 0 {
		return nil, 0
	}
	// Baselines: glyphs sorted top to bottom, a new row when y drops by more than a third of the size.
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].y > gs[j].y })
	var rows [][]*glyph
	var ls [][]line   // each row's lines
	var top []float64 // each row's highest baseline
	for start := 0; start < len(gs); {
		end := start + 1
		for end < len(gs) && gs[start].y-gs[end].y < math.Min(gs[start].size, gs[end].size)/3 {
			end++
		}
		row := gs[start:end:end]
		top = append(top, row[0].y)
		sort.SliceStable(row, func(i, j int) bool { return row[i].x < row[j].x })
		rows = append(rows, row)
		ls = append(ls, splitRow(row))
		start = end
	}
	looked := attachScripts(rows, ls, top)
	var out []line
	for _, l := range ls {
		out = append(out, l...)
	}
	return out, looked
}

// maxScript is the most characters a line can have and be another line's superscript or subscript.
const maxScript = 8

// attachScripts moves the lines that are another line's superscripts or subscripts into that line's row, at
// their x, and splits the rows they leave and join into lines again. A script is a short line in a font at most
// 0.85 of the line's size whose baseline is raised by at most 0.75 of the line's size (the next line up is a
// line height away) or lowered by at most half of it, and that overlaps the line horizontally, give or take a
// third of its size; of several such lines, the one whose baseline is nearest. A host is at most hostRatio times
// the script's size, so it is at most 0.75 × hostRatio of that size away: that bounds the rows looked at, which
// attachScripts returns. rows run top to bottom (top is each one's highest baseline); a row that gains or loses a
// script is replaced by its new glyphs, which its lines' from and to index.
func attachScripts(rows [][]*glyph, ls [][]line, top []float64) int {
	looked := 0
	type at struct{ row, line int }
	var hostOf map[at]at // each script line's host line
	var scripts []at     // the script lines, in order
	for r, rowLines := range ls {
		for i, s := range rowLines {
			if s.to-s.from > maxScript || utf8.RuneCountInString(s.text) > maxScript {
				continue
			}
			size := 0.0
			for _, g := range rows[r][s.from:s.to] {
				size = math.Max(size, g.size)
			}
			host, dist := at{-1, -1}, math.Inf(1)
			reach := 0.75 * hostRatio * size
			// rows above have higher baselines: s may be a subscript of their lines; rows below, a superscript
			for r2 := r - 1; r2 >= 0 && top[r2+1]-s.y <= reach; r2-- {
				looked++
				if d, h := scriptHost(s, rows[r2], ls[r2], size, 0.5, false); d < dist {
					host, dist = at{r2, h}, d
				}
			}
			for r2 := r + 1; r2 < len(rows) && s.y-top[r2] <= reach; r2++ {
				looked++
				if d, h := scriptHost(s, rows[r2], ls[r2], size, 0.75, true); d < dist {
					host, dist = at{r2, h}, d
				}
			}
			if host.row < 0 {
				continue
			}
			if hostOf == nil {
				hostOf = map[at]at{}
			}
			hostOf[at{r, i}] = host
			scripts = append(scripts, at{r, i})
		}
	}
	var moved map[int][]*glyph // row → the script glyphs it gets
	var left map[int]bool      // rows that lose a script
	for _, sc := range scripts {
		// a script's own script (the 2 of e^{x^2}) goes with it to the line it is the script of: its host is
		// larger than it, so the chain ends, in at most a few steps
		host := hostOf[sc]
		for k := 0; k < 4; k++ {
			next, ok := hostOf[host]
			if !ok {
				break
			}
			host = next
		}
		s := ls[sc.row][sc.line]
		var script int8 = 1
		if s.y < ls[host.row][host.line].y {
			script = -1
		}
		if moved == nil {
			moved, left = map[int][]*glyph{}, map[int]bool{}
		}
		for _, g := range rows[sc.row][s.from:s.to] {
			g.script = script
			moved[host.row] = append(moved[host.row], g)
		}
		left[sc.row] = true
	}
	for r := range rows {
		if len(moved[r]) == 0 && !left[r] {
			continue
		}
		var row []*glyph
		for _, g := range rows[r] {
			if g.script == 0 {
				row = append(row, g)
			}
		}
		row = append(row, moved[r]...)
		sort.SliceStable(row, func(i, j int) bool { return row[i].x < row[j].x })
		rows[r], ls[r] = row, splitRow(row)
	}
	return looked
}

// hostRatio is the most a script's host can be larger than it (TeX's second-level scripts are half the size).
const hostRatio = 3

// scriptHost is the distance between the baseline of line s (whose largest glyph is size) and that of the
// nearest of hosts (the lines of row) whose script s is, raised (up) or lowered by at most limit of the host's
// size, and that host's index; +Inf and -1 if none. A script sits beside the host's glyphs, not over them: a row
// of marks drawn across a line of names, or an accent, is no script.
func scriptHost(s line, row []*glyph, hosts []line, size, limit float64, up bool) (float64, int) {
	dist, host := math.Inf(1), -1
	for i, h := range hosts {
		d := h.y - s.y
		if up {
			d = -d
		}
		if d <= 0 || d > limit*h.size || d >= dist || size > 0.85*h.size || h.size > hostRatio*size || s.x1 < h.x0-h.size/3 || s.x0 > h.x1+h.size/3 {
			continue
		}
		over := false
		for _, g := range row[h.from:h.to] {
			if math.Min(g.x1, s.x1)-math.Max(g.x, s.x0) > 0.3*size {
				over = true
				break
			}
		}
		if !over {
			dist, host = d, i
		}
	}
	return dist, host
}

// scriptCaret stands for the ^ before a superscript that Script writes (x^a, q^(vol)) in a line's text, until tidy
// has put the TeX accents on their letters: a ^ the font drew is an accent ("Beno^ıt"), this one is not.
const scriptCaret = "\ue05e"

func noteMark(s string) bool {
	return s != "" && strings.Trim(s, "0123456789,*∗†‡§¶⋆♯♭♮‖") == ""
}

func endsLower(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLower(r)
}

func splitRow(row []*glyph) []line {
	var out []line
	var b, bare strings.Builder // the text, and the text without marks after words (line.unmarked)
	var run strings.Builder     // a superscript or subscript being read
	var names strings.Builder   // the text without raised runs after words (line.names)
	var cur []*glyph
	from, runScript := 0, int8(0)
	var inner strings.Builder // the run's own script being read (the ² of e^(x²))
	var runBase *glyph        // the run's last glyph on its own baseline
	innerScript := int8(0)
	endInner := func() { // the run's own script, written after its base in the run by the one rule
		if inner.Len() == 0 {
			return
		}
		t := paper.ScriptAfter(run.String(), inner.String(), innerScript > 0)
		if strings.HasPrefix(t, "^") {
			t = scriptCaret + t[1:]
		}
		run.WriteString(t)
		inner.Reset()
	}
	marked, named := false, false
	pending, pendingAt, pendingComma := "", 0, false // a script that is a mark if it ends the line (titleMark)
	endRun := func() {
		endInner()
		runBase = nil
		if run.Len() == 0 {
			return
		}
		t := paper.ScriptAfter(b.String(), run.String(), runScript > 0)
		last, _ := utf8.DecodeLastRuneInString(b.String())
		if runScript > 0 && unicode.IsDigit(last) && (run.String() == "o" || run.String() == "º") {
			t = "°" // Word's degree sign: a raised o after a number ("4°C")
		} else if strings.HasPrefix(t, "^") {
			t = scriptCaret + t[1:] // not an accent for tidy to put on the letter after it (x^a is no xâ)
		}
		if runScript > 0 && ordinal(last, run.String()) {
			t = run.String()
		}
		// dropMarkInto leaves the run out of w but for a comma raised with it, the comma between two names
		// ("Muller,¹,*" reads "Muller,")
		dropMarkInto := func(w *strings.Builder) {
			if markComma(run.String()) && !strings.HasSuffix(strings.TrimRight(w.String(), " "), ",") {
				w.WriteByte(',')
			}
		}
		b.WriteString(t)
		if runScript > 0 && strings.TrimSpace(names.String()) != "" && utf8.RuneCountInString(run.String()) <= maxScript {
			named = true
			dropMarkInto(&names)
		} else {
			names.WriteString(t)
		}
		switch m := titleMark(bare.String(), run.String()); {
		case runScript < 0 || m == keepMark:
			bare.WriteString(t)
		case m == endMark: // a mark only if nothing follows it on the line: emit decides
			pending, pendingAt, pendingComma = t, bare.Len(), markComma(run.String())
			bare.WriteString(t)
		default:
			marked = true
			dropMarkInto(&bare)
		}
		run.Reset()
	}
	emit := func(to int) {
		endRun()
		if len(cur) == 0 {
			return
		}
		sizes := map[float64]int{}
		bold, n, y := 0, 0, cur[0].y
		for k := len(cur) - 1; k >= 0; k-- {
			g := cur[k]
			if g.script != 0 {
				continue // a script says nothing of the line's size or baseline
			}
			sizes[math.Round(g.size*2)/2] += len([]rune(g.text))
			if g.font.bold {
				bold++
			}
			n++
			y = g.y
		}
		if n == 0 { // a script alone, far from the text it was attached to
			for _, g := range cur {
				sizes[math.Round(g.size*2)/2]++
			}
		}
		best, most := 0.0, -1
		for s, c := range sizes {
			if c > most || (c == most && s > best) {
				best, most = s, c
			}
		}
		l := line{
			x0: cur[0].x, x1: cur[len(cur)-1].x1, y: y, size: best, bold: bold*2 > n,
			text: strings.TrimSpace(b.String()), from: from, to: to,
		}
		if pending != "" && strings.TrimSpace(bare.String()[pendingAt+len(pending):]) == "" {
			marked = true // the line's last word's mark: "Keys Track at CLEF 2008¹", "Vapour∗"
			s := bare.String()[:pendingAt]
			bare.Reset()
			bare.WriteString(s)
			if pendingComma {
				bare.WriteByte(',')
			}
		}
		if t, ok := cutRefMark(bare.String(), cur); ok {
			marked = true // the line's last word's reference: "… hydrogencarbonat [1]"
			bare.Reset()
			bare.WriteString(t)
		}
		if marked {
			l.unmarked = strings.TrimSpace(bare.String())
		}
		if named {
			l.names = strings.TrimSpace(names.String())
		}
		out = append(out, l)
		b.Reset()
		bare.Reset()
		names.Reset()
		cur = cur[:0]
		marked, named, pending = false, false, ""
	}
	var prev, base *glyph // the glyph before, and the last one on the line's baseline
	prevScript := int8(0)
	mark := false
	for i, g := range row {
		script := g.script
		// a script on the line's own row: smaller, on a baseline a tenth of the size or more off its base's,
		// right after it or after another script ("QW₀", "l_B", "QW₋₁")
		if script == 0 && base != nil && g.size <= 0.85*base.size && math.Abs(g.y-base.y) >= 0.1*base.size &&
			g.x-prev.x1 < base.size/6 && (prev == base || prevScript != 0) {
			script = 1
			if g.y < base.y {
				script = -1
			}
		}
		// a footnote mark raised right after a word ("Wikipedia¹", "Title*") on the word's own row is not part
		// of the text
		if script == 0 && prev != nil && g.y-prev.y >= 0.2*prev.size && noteMark(g.text) &&
			(mark || g.x-prev.x1 < prev.size/6 && endsLower(prev.text)) {
			mark = true
			continue
		}
		mark = false
		// a script's own script, smaller and off its baseline as a script is off its base's (e^{x^2}, e^{x_i})
		// (a star, dagger or other mark set smaller among marks, "¹,∗", "¹,‖", is one more mark, not a
		// script of one)
		nested := int8(0)
		if script != 0 && script == runScript && runBase != nil && g.size <= 0.85*runBase.size &&
			math.Abs(g.y-runBase.y) >= 0.1*runBase.size && strings.Trim(g.text, markSymbols) != "" {
			nested = 1
			if g.y < runBase.y {
				nested = -1
			}
		}
		if nested != innerScript {
			endInner()
		}
		innerScript = nested
		if prev != nil {
			gap := g.x - prev.x1
			size := math.Max(g.size, prev.size)
			if script != 0 && prevScript == script {
				size = math.Min(g.size, prev.size) // within a script
			}
			if gap > 1.2*size {
				emit(i)
				from, base = i, nil
				nested, innerScript = 0, 0 // a new line: its script has no base in it
			} else if gap > size/6 && len(cur) > 0 {
				if nested != 0 {
					if inner.Len() > 0 { // a gap before the nested script's first glyph is no part of it: e^(x_i)
						inner.WriteByte(' ')
					}
				} else if script != 0 && script == runScript {
					run.WriteByte(' ')
				} else {
					endRun()
					b.WriteByte(' ')
					bare.WriteByte(' ')
					names.WriteByte(' ')
				}
			}
		}
		if script != runScript {
			endRun()
		}
		runScript = script
		cur = append(cur, g)
		if nested != 0 {
			inner.WriteString(g.text)
		} else if script != 0 {
			run.WriteString(g.text)
			runBase = g
		} else {
			b.WriteString(g.text)
			bare.WriteString(g.text)
			names.WriteString(g.text)
			base = g
		}
		prev, prevScript = g, script
	}
	emit(len(row))
	return out
}

// cutRefMark is text, a line's text without marks so far, without the reference's number that ends the line
// (refMark), on its baseline ("… hydrogencarbonat [1]") or raised as a script ("…at^([1])"); false when the line
// ends in none. The number's opening bracket is text's last: only digits, commas, dashes and "]" follow it.
func cutRefMark(text string, cur []*glyph) (string, bool) {
	i := strings.LastIndexByte(text, '[')
	if i < 0 || refMark(cur) == 0 {
		return text, false
	}
	return strings.TrimSuffix(text[:i], scriptCaret+"("), true
}

// refMark is how many of a line's last glyphs are a reference's number in square brackets ("[1]", "[1,2]",
// "[3–5]") set apart from the word before it, as a mark is and the title's own words are not: in another weight
// (Wiley's regular "[1]" after a bold title, citing the paper's earlier part), smaller, or raised by a fifth of
// the word's size or more. Brackets in the line's weight and size on its baseline are text ("Vol. [2]"), and so
// are brackets holding letters ("[sic]"); 0 when the line has no such mark.
func refMark(cur []*glyph) int {
	n := len(cur)
	if n < 4 || cur[n-1].text != "]" {
		return 0
	}
	k := n - 2
	for k > 0 && n-k <= 12 && strings.Trim(cur[k].text, "0123456789,–- ") == "" {
		k--
	}
	if cur[k].text != "[" || k == n-2 || k == 0 || strings.IndexAny(cur[k+1].text, "0123456789") != 0 {
		return 0
	}
	word := cur[k-1]
	for _, g := range cur[k:] {
		if g.font.bold == word.font.bold && g.size > 0.85*word.size && g.y-word.y < 0.2*word.size {
			return 0
		}
	}
	return n - k
}

// markChars are the characters of affiliation and footnote marks, but for letters, and markSymbols those but
// for digits. "+" is not one: Ca²⁺, H⁺.
const (
	markSymbols = "*∗†‡§¶⋆♯♭♮‖#$"
	markChars   = "0123456789" + markSymbols
)

// How a superscript after a title's word reads: as text, as a footnote mark, or as a mark only if it ends the line.
const (
	keepMark = iota
	dropMark
	endMark
)

// markComma: the raised run s starts or ends in a comma, the comma between two names, which stays on the line
// when the mark goes ("Lovelace¹," and "Lovelace^(,1)" both read "Lovelace,").
func markComma(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ",") || strings.HasPrefix(s, ",")
}

// starRun: s is only stars, daggers and the like (with commas and spaces), never an exponent after a number.
func starRun(s string) bool {
	return strings.Trim(s, "*∗†‡§¶⋆ ,") == "" && strings.Trim(s, " ,") != ""
}

// titleMark says how the superscript s after text (a title line so far) reads. Marks are dropped only where they
// are marks: a star run after a number ("Challenge 2019∗"), after a word of two or more letters, or a mark at the
// end of the line after such a word (digits only after a capitalised one of three letters or more, and not a
// lone 1: "Networks²"), after a year ("CLEF 2008¹") or after another mark. An exponent stays: after a one-letter
// word or a bracket (O(n²), R², x^a, SU(2)²), after a number that is no year (10⁹, 2¹⁰), after a lower-case or a
// two-letter word (per km², SO³), a lone 1 after a capitalised word (Ext¹), and in a formula (E = mc²); of these,
// titleNote drops a ¹ at the title's end when the page has its footnote.
func titleMark(text, s string) int {
	if !affiliationMark(s) {
		return keepMark
	}
	text = strings.TrimRight(text, " ")
	r, _ := utf8.DecodeLastRuneInString(text)
	switch {
	case unicode.IsDigit(r):
		if starRun(s) {
			return dropMark
		}
		digits := text[len(strings.TrimRightFunc(text, unicode.IsDigit)):]
		before, _ := utf8.DecodeLastRuneInString(text[:len(text)-len(digits)])
		if len(digits) == 4 && (digits[:2] == "19" || digits[:2] == "20") && !unicode.IsLetter(before) &&
			strings.Trim(s, "0123456789, ") == "" {
			return endMark
		}
		return keepMark
	case r == '.' || r == ',' || strings.ContainsRune(markChars, r):
		return endMark
	case !unicode.IsLetter(r):
		return keepMark
	}
	word := []rune(text[len(strings.TrimRightFunc(text, unicode.IsLetter)):])
	if len(word) < 2 {
		return keepMark
	}
	if starRun(s) && footnoteStar(text, s) {
		return dropMark
	}
	if strings.Contains(text, "=") {
		return keepMark // E = mc²
	}
	if (unicode.IsLower(word[0]) || len(word) == 2) && strings.Trim(s, "0123456789") == "" || s == "1" {
		// a unit's or a group's exponent (per km², SO³, Ext¹); a footnote's digits follow a capitalised word
		// (Networks²), and a 1 there, or any digits after the other words, go only when the page has the
		// footnote (titleNote)
		return keepMark
	}
	return endMark
}

// footnoteStar: s, raised after text, is a star or dagger run after an all-lower-case word of two letters or more,
// as a footnote's mark is ("fund∗"); after a symbol or a name it may be part of it (x^*, Ax^*, IDA^*, AW^*-algebras),
// and after an operator it is one (log* n, opt*).
func footnoteStar(text, s string) bool {
	if !starRun(s) {
		return false
	}
	word := text[strings.LastIndexByte(text, ' ')+1:]
	switch strings.TrimLeft(word, "(") {
	case "log", "lg", "ln", "exp", "sup", "inf", "min", "max", "opt", "arg", "argmin", "argmax":
		return false
	}
	letters := 0
	for _, r := range word {
		if !unicode.IsLower(r) {
			return false
		}
		letters++
	}
	return letters >= 2
}

// ordinal: s raised after the digits last is an ordinal's ending, written on the line ("11th", "2nd").
func ordinal(last rune, s string) bool {
	return unicode.IsDigit(last) && (s == "st" || s == "nd" || s == "rd" || s == "th")
}

// affiliationMark: a superscript after a name or a title's last word that marks an affiliation or a footnote
// ("Smith¹,²", "Dutot∗", "Abu-Rayyan^a", "Turing^(2,a)", AIP's "Rodary^(a))"), not text: digits, stars, daggers
// and the like, and at most three lower-case letters, with commas between and brackets around.
func affiliationMark(s string) bool {
	marks, letters := 0, 0
	for _, r := range s {
		switch {
		case r == ',' || r == ' ' || r == '(' || r == ')':
		case 'a' <= r && r <= 'z':
			letters++
		case strings.ContainsRune(markChars, r):
			marks++
		default:
			return false
		}
	}
	return marks+letters > 0 && letters <= 3
}
