package dom

import (
	"errors"
	"strings"

	"golang.org/x/net/html"
)

// The CSS selectors the adapters write, matched as cascadia (goquery's engine) matches them: groups (a, b),
// the descendant and child combinators, and compounds of a tag or *, #id, .class, [attr], [attr=v],
// [attr~=v], [attr|=v], [attr^=v], [attr$=v], [attr*=v] and :contains("text") (case-insensitive, over the
// text below the element). Anything else (other combinators and pseudo-classes, CSS escapes) does not
// compile, and a selector that does not compile selects nothing. Written here because cascadia and the
// regexp package it links cost the listing wasm about 30 KB gzipped for the dozen forms the adapters use.

// matcher reports whether an element matches a compiled selector.
type matcher interface{ Match(n *html.Node) bool }

// selectorGroup matches when any of its selectors does.
type selectorGroup []complexSelector

func (g selectorGroup) Match(n *html.Node) bool {
	for _, c := range g {
		if c.match(n, len(c)-1) {
			return true
		}
	}
	return false
}

// complexSelector is its compounds left to right; each compound after the first says how it relates to the
// one before (child or descendant).
type complexSelector []compound

// match reports whether n matches c[:i+1], with c[i] as n's own compound, checking right to left.
func (c complexSelector) match(n *html.Node, i int) bool {
	if !c[i].match(n) {
		return false
	}
	if i == 0 {
		return true
	}
	if c[i].child {
		return n.Parent != nil && c.match(n.Parent, i-1)
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if c.match(p, i-1) {
			return true
		}
	}
	return false
}

type compound struct {
	tag      string // "" for any element
	child    bool   // related to the previous compound by ">" rather than by descent
	attrs    []attrTest
	contains []string // lower-cased texts for :contains
}

type attrTest struct {
	key, op, val string // op is "" when the attribute only has to be there
}

func (c *compound) match(n *html.Node) bool {
	if n.Type != html.ElementNode || (c.tag != "" && n.Data != c.tag) {
		return false
	}
	for _, t := range c.attrs {
		if !t.match(n) {
			return false
		}
	}
	if len(c.contains) > 0 {
		var b strings.Builder
		writeText(&b, n)
		text := strings.ToLower(b.String())
		for _, s := range c.contains {
			if !strings.Contains(text, s) {
				return false
			}
		}
	}
	return true
}

func (t attrTest) match(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == t.key && t.matchValue(a.Val) {
			return true
		}
	}
	return false
}

func (t attrTest) matchValue(v string) bool {
	switch t.op {
	case "":
		return true
	case "=":
		return v == t.val
	case "~=":
		return hasField(v, t.val)
	case "|=":
		return v == t.val || strings.HasPrefix(v, t.val+"-")
	}
	if strings.TrimSpace(v) == "" {
		return false
	}
	switch t.op {
	case "^=":
		return strings.HasPrefix(v, t.val)
	case "$=":
		return strings.HasSuffix(v, t.val)
	}
	return strings.Contains(v, t.val) // "*="
}

var errSelector = errors.New("dom: unsupported or invalid selector")

// compileSelector parses a selector group.
func compileSelector(s string) (selectorGroup, error) {
	p := selectorParser{s: s}
	var g selectorGroup
	for {
		c, err := p.complex()
		if err != nil {
			return nil, err
		}
		g = append(g, c)
		if p.i == len(p.s) {
			return g, nil
		}
		p.i++ // the comma complex stopped at
	}
}

type selectorParser struct {
	s string
	i int
}

func (p *selectorParser) skipSpace() bool {
	start := p.i
	for p.i < len(p.s) && strings.IndexByte(" \t\n\r\f", p.s[p.i]) >= 0 {
		p.i++
	}
	return p.i > start
}

// complex parses compounds and combinators up to a comma or the end.
func (p *selectorParser) complex() (complexSelector, error) {
	var c complexSelector
	p.skipSpace()
	child := false
	for {
		comp, err := p.compound()
		if err != nil {
			return nil, err
		}
		comp.child = child
		c = append(c, comp)
		space := p.skipSpace()
		if p.i == len(p.s) || p.s[p.i] == ',' {
			return c, nil
		}
		child = p.s[p.i] == '>'
		if child {
			p.i++
			p.skipSpace()
		} else if !space {
			return nil, errSelector
		}
	}
}

func (p *selectorParser) compound() (compound, error) {
	var c compound
	start := p.i
	if p.i < len(p.s) && p.s[p.i] == '*' {
		p.i++
	} else {
		c.tag = strings.ToLower(p.ident(false))
	}
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case '#', '.':
			key := "id"
			op := "="
			if p.s[p.i] == '.' {
				key, op = "class", "~="
			}
			p.i++
			name := p.ident(key == "id")
			if name == "" {
				return c, errSelector
			}
			c.attrs = append(c.attrs, attrTest{key: key, op: op, val: name})
		case '[':
			t, err := p.attr()
			if err != nil {
				return c, err
			}
			c.attrs = append(c.attrs, t)
		case ':':
			p.i++
			if name := p.ident(false); strings.ToLower(name) != "contains" || p.i == len(p.s) || p.s[p.i] != '(' {
				return c, errSelector
			}
			p.i++
			p.skipSpace()
			text, err := p.value()
			if err != nil {
				return c, err
			}
			p.skipSpace()
			if p.i == len(p.s) || p.s[p.i] != ')' {
				return c, errSelector
			}
			p.i++
			c.contains = append(c.contains, strings.ToLower(text))
		default:
			return c, p.nonEmpty(start)
		}
	}
	return c, p.nonEmpty(start)
}

// attr parses [key], [key op value].
func (p *selectorParser) attr() (attrTest, error) {
	p.i++ // [
	p.skipSpace()
	t := attrTest{key: strings.ToLower(p.ident(false))}
	if t.key == "" {
		return t, errSelector
	}
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return t, nil
	}
	if p.i < len(p.s) && p.s[p.i] == '=' {
		t.op = "="
	} else if p.i+1 < len(p.s) && p.s[p.i+1] == '=' && strings.IndexByte("~|^$*", p.s[p.i]) >= 0 {
		t.op = p.s[p.i : p.i+2]
	} else {
		return t, errSelector
	}
	p.i += len(t.op)
	p.skipSpace()
	v, err := p.value()
	if err != nil {
		return t, err
	}
	t.val = v
	p.skipSpace()
	if p.i == len(p.s) || p.s[p.i] != ']' {
		return t, errSelector
	}
	p.i++
	return t, nil
}

// value parses a quoted string (a backslash takes the next byte as it is) or an identifier.
func (p *selectorParser) value() (string, error) {
	if p.i == len(p.s) {
		return "", errSelector
	}
	q := p.s[p.i]
	if q != '"' && q != '\'' {
		if v := p.ident(false); v != "" {
			return v, nil
		}
		return "", errSelector
	}
	var b strings.Builder
	for p.i++; p.i < len(p.s); p.i++ {
		switch ch := p.s[p.i]; {
		case ch == q:
			p.i++
			return b.String(), nil
		case ch == '\\' && p.i+1 < len(p.s):
			p.i++
			b.WriteByte(p.s[p.i])
		case ch == '\n':
			return "", errSelector
		default:
			b.WriteByte(ch)
		}
	}
	return "", errSelector
}

// nonEmpty is an error when the compound that started at start is empty.
func (p *selectorParser) nonEmpty(start int) error {
	if p.i == start {
		return errSelector
	}
	return nil
}

// ident reads a CSS identifier (letters, digits, - and _, and any non-ASCII byte; escapes are not
// supported), which cannot start with a digit nor with a hyphen and a digit, or with name set (after #)
// any run of those characters.
func (p *selectorParser) ident(name bool) string {
	start := p.i
	for p.i < len(p.s) {
		ch := p.s[p.i]
		if ch == '-' || ch == '_' || ch >= 0x80 || ch|0x20 >= 'a' && ch|0x20 <= 'z' || ch >= '0' && ch <= '9' {
			p.i++
			continue
		}
		break
	}
	id := p.s[start:p.i]
	first := strings.TrimPrefix(id, "-")
	if !name && (id == "-" || first != "" && first[0] >= '0' && first[0] <= '9') {
		p.i = start
		return ""
	}
	return id
}
