// Package dom queries a parsed HTML page with CSS selectors: the few jQuery-like Selection methods the
// extract adapters use, with goquery's semantics (results in document order, no duplicates, Text is the
// concatenated text nodes), over golang.org/x/net/html and the subset of CSS selectors in selector.go.
//
// Why not goquery itself: goquery imports net/http (for NewDocument(url) and NewDocumentFromResponse),
// which links crypto/tls, x509, math/big, mime and net into the extension's wasm, about 600 KB gzipped of
// a download whose whole budget is 1.5 MB. goquery's selector engine, cascadia, is left out too (with the
// regexp package it links); this package covers what the adapters call, nothing more.
//
// A Document and its Selections are not safe for concurrent use: each Document caches its compiled
// selectors, so a selector used in a loop over 2000 listing entries is compiled once per page.
package dom

import (
	"io"
	"strings"

	"golang.org/x/net/html"
)

// Document is a parsed page; its Selection holds the root node.
type Document struct {
	*Selection
	sels map[string]matcher
}

// Selection is an ordered set of nodes without duplicates.
type Selection struct {
	Nodes []*html.Node
	doc   *Document
}

// Parse reads an HTML page, repairing bad markup the way browsers do.
func Parse(r io.Reader) (*Document, error) {
	root, err := html.Parse(r)
	if err != nil {
		return nil, err
	}
	return NewDocument(root), nil
}

// NewDocument wraps an already parsed tree.
func NewDocument(root *html.Node) *Document {
	d := &Document{sels: map[string]matcher{}}
	d.Selection = &Selection{Nodes: []*html.Node{root}, doc: d}
	return d
}

// neverMatch stands for a selector that does not compile: like goquery, it selects nothing.
type neverMatch struct{}

func (neverMatch) Match(*html.Node) bool { return false }

// matcher compiles selector once per document.
func (d *Document) matcher(selector string) matcher {
	if m, ok := d.sels[selector]; ok {
		return m
	}
	var m matcher = neverMatch{}
	if g, err := compileSelector(selector); err == nil {
		m = g
	}
	d.sels[selector] = m
	return m
}

func (s *Selection) with(nodes []*html.Node) *Selection { return &Selection{Nodes: nodes, doc: s.doc} }

// union concatenates the node lists that each source node gives, dropping nodes already taken.
func (s *Selection) union(each func(n *html.Node, out []*html.Node) []*html.Node) *Selection {
	if len(s.Nodes) == 1 {
		return s.with(each(s.Nodes[0], nil))
	}
	var out []*html.Node
	seen := map[*html.Node]bool{}
	for _, n := range s.Nodes {
		start := len(out)
		out = each(n, out)
		kept := out[:start]
		for _, m := range out[start:] {
			if !seen[m] {
				seen[m] = true
				kept = append(kept, m)
			}
		}
		out = kept
	}
	return s.with(out)
}

// Find selects the descendants of the selection's nodes that match selector (not the nodes themselves).
// An invalid selector selects nothing.
func (s *Selection) Find(selector string) *Selection {
	m := s.doc.matcher(selector)
	return s.union(func(n *html.Node, out []*html.Node) []*html.Node {
		return appendMatches(out, n, m)
	})
}

func appendMatches(out []*html.Node, n *html.Node, m matcher) []*html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if m.Match(c) {
			out = append(out, c)
		}
		out = appendMatches(out, c, m)
	}
	return out
}

// ChildrenFiltered selects the child elements of the selection's nodes that match selector.
func (s *Selection) ChildrenFiltered(selector string) *Selection {
	m := s.doc.matcher(selector)
	return s.union(func(n *html.Node, out []*html.Node) []*html.Node {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && m.Match(c) {
				out = append(out, c)
			}
		}
		return out
	})
}

// Parent selects the parent element of each node.
func (s *Selection) Parent() *Selection {
	return s.union(func(n *html.Node, out []*html.Node) []*html.Node {
		if p := n.Parent; p != nil && p.Type == html.ElementNode {
			out = append(out, p)
		}
		return out
	})
}

// NextUntil selects the element siblings after each node, up to and without the first that matches selector.
func (s *Selection) NextUntil(selector string) *Selection {
	m := s.doc.matcher(selector)
	return s.union(func(n *html.Node, out []*html.Node) []*html.Node {
		for c := n.NextSibling; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if m.Match(c) {
				break
			}
			out = append(out, c)
		}
		return out
	})
}

// NextAllFiltered selects the element siblings after each node that match selector.
func (s *Selection) NextAllFiltered(selector string) *Selection {
	m := s.doc.matcher(selector)
	return s.union(func(n *html.Node, out []*html.Node) []*html.Node {
		for c := n.NextSibling; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && m.Match(c) {
				out = append(out, c)
			}
		}
		return out
	})
}

// FilterFunction keeps the nodes for which keep returns true; i is the node's index in s.
func (s *Selection) FilterFunction(keep func(i int, s *Selection) bool) *Selection {
	var out []*html.Node
	for i, n := range s.Nodes {
		if keep(i, s.with([]*html.Node{n})) {
			out = append(out, n)
		}
	}
	return s.with(out)
}

// Each calls f with each node as a selection of its own.
func (s *Selection) Each(f func(i int, s *Selection)) *Selection {
	for i, n := range s.Nodes {
		f(i, s.with([]*html.Node{n}))
	}
	return s
}

// EachWithBreak is Each until f returns false.
func (s *Selection) EachWithBreak(f func(i int, s *Selection) bool) *Selection {
	for i, n := range s.Nodes {
		if !f(i, s.with([]*html.Node{n})) {
			break
		}
	}
	return s
}

// Length is the number of nodes.
func (s *Selection) Length() int { return len(s.Nodes) }

// Eq selects the node at index i, counting from the end when i is negative; out of range selects nothing.
// Eq, First, Attr and AttrOr are called from some 250 places in the adapters: kept out of line, they save the
// listing wasm about 12 KB gzipped and cost extraction nothing measurable (callgrind: within 0.15%).
//
//go:noinline
func (s *Selection) Eq(i int) *Selection {
	if i < 0 {
		i += len(s.Nodes)
	}
	if i < 0 || i >= len(s.Nodes) {
		return s.with(nil)
	}
	return s.with(s.Nodes[i : i+1 : i+1])
}

// First is Eq(0).
func (s *Selection) First() *Selection { return s.Eq(0) }

// Last is Eq(-1).
func (s *Selection) Last() *Selection { return s.Eq(-1) }

// Get is the node at index i, counting from the end when i is negative; it panics when out of range.
func (s *Selection) Get(i int) *html.Node {
	if i < 0 {
		i += len(s.Nodes)
	}
	return s.Nodes[i]
}

// Attr is the value of the first node's attribute, and whether it has one.
// Not inlined, as Eq.
//
//go:noinline
func (s *Selection) Attr(name string) (string, bool) {
	if len(s.Nodes) == 0 {
		return "", false
	}
	for _, a := range s.Nodes[0].Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

// AttrOr is the value of the first node's attribute, or def when the selection is empty or has none.
func (s *Selection) AttrOr(name, def string) string {
	if v, ok := s.Attr(name); ok {
		return v
	}
	return def
}

// HasClass reports whether any element in the selection has class among its classes.
func (s *Selection) HasClass(class string) bool {
	for _, n := range s.Nodes {
		if n.Type != html.ElementNode {
			continue
		}
		for _, a := range n.Attr {
			if a.Key == "class" && hasField(a.Val, class) {
				return true
			}
		}
	}
	return false
}

// hasField reports whether list, split at HTML white space, holds field.
func hasField(list, field string) bool {
	for list != "" {
		i := strings.IndexAny(list, " \t\n\r\f")
		if i < 0 {
			return list == field
		}
		if list[:i] == field {
			return true
		}
		list = list[i+1:]
	}
	return false
}

// Text is the text of every text node below the selection's nodes, concatenated as it stands (no
// white space added or removed); comments are left out, script and style contents are not.
func (s *Selection) Text() string {
	var b strings.Builder
	for _, n := range s.Nodes {
		writeText(&b, n)
	}
	return b.String()
}

func writeText(b *strings.Builder, n *html.Node) {
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeText(b, c)
	}
}

// Clone selects deep copies of the nodes, detached from the page, so they can be changed freely.
func (s *Selection) Clone() *Selection {
	out := make([]*html.Node, len(s.Nodes))
	for i, n := range s.Nodes {
		out[i] = cloneNode(n)
	}
	return s.with(out)
}

func cloneNode(n *html.Node) *html.Node {
	c := &html.Node{
		Type:      n.Type,
		DataAtom:  n.DataAtom,
		Data:      n.Data,
		Namespace: n.Namespace,
		Attr:      append([]html.Attribute(nil), n.Attr...),
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(cloneNode(k))
	}
	return c
}

// Remove takes the nodes out of the tree; the selection still holds them.
func (s *Selection) Remove() *Selection {
	for _, n := range s.Nodes {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	return s
}

// NodeName is the tag name of the selection's first node when it is an element (or doctype), "#text",
// "#comment" or "#document" for the other kinds, and "" for an empty selection.
func NodeName(s *Selection) string {
	if len(s.Nodes) == 0 {
		return ""
	}
	switch n := s.Nodes[0]; n.Type {
	case html.ElementNode, html.DoctypeNode:
		return n.Data
	case html.TextNode:
		return "#text"
	case html.CommentNode:
		return "#comment"
	case html.DocumentNode:
		return "#document"
	}
	return ""
}
