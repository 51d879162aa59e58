package dom_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/extract/internal/dom"
)

const page = `<!doctype html><html><head><title>T</title></head><body>
<div id="a" class="box  outer">
  <p class="x">one <b>bold</b><!-- note --> two</p>
  <div id="b" class="box">
    <p class="x">three</p>
    <p class="y" data-k="">four</p>
  </div>
</div>
<dl>
  <dt id="t1">first</dt><dd>d1</dd><dd>d2</dd>
  <dt id="t2">second</dt><dd>d3</dd>
</dl>
<ul><li>l1</li><li class="readers
	r">l2</li></ul>
<script>var s = "<p>";</script>
</body></html>`

func mustParse(t *testing.T) *dom.Document {
	t.Helper()
	d, err := dom.Parse(strings.NewReader(page))
	require.NoError(t, err)
	return d
}

// texts is each selected node's text, to compare selections by content and order.
func texts(s *dom.Selection) []string {
	var out []string
	s.Each(func(_ int, e *dom.Selection) { out = append(out, e.Text()) })
	return out
}

func TestFind(t *testing.T) {
	d := mustParse(t)
	tests := []struct {
		name string
		sel  *dom.Selection
		want []string
	}{
		{"document order", d.Find("p"), []string{"one bold two", "three", "four"}},
		{"group keeps document order", d.Find("p.y, p.x"), []string{"one bold two", "three", "four"}},
		{"descendants only, not the node itself", d.Find("div#b").Find("div, p.y"), []string{"four"}},
		{"combinators see ancestors above the selection, as in jQuery", d.Find("div#b").Find("div#a p"), []string{"three", "four"}},
		{"nested nodes give each match once", d.Find("div.box").Find("p"), []string{"one bold two", "three", "four"}},
		{"child combinator", d.Find("dl > dt"), []string{"first", "second"}},
		{"attribute present but empty", d.Find("[data-k]"), []string{"four"}},
		{":contains", d.Find(`p:contains("thr")`), []string{"three"}},
		{"invalid selector selects nothing", d.Find("p[["), nil},
		{"empty selection finds nothing", d.Find("nav").Find("p"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, texts(tt.sel))
		})
	}
}

func TestTraversal(t *testing.T) {
	d := mustParse(t)
	tests := []struct {
		name string
		sel  *dom.Selection
		want []string
	}{
		{"ChildrenFiltered", d.Find("div#a").ChildrenFiltered("p, div"), []string{"one bold two", "\n    three\n    four\n  "}},
		{"ChildrenFiltered skips grandchildren", d.Find("div#a").ChildrenFiltered("p.y"), nil},
		{"Parent deduplicates", d.Find("div#b p").Parent().ChildrenFiltered("p.y"), []string{"four"}},
		{"Parent of the html element is not the document", d.Find("html").Parent(), nil},
		{"NextUntil", d.Find("dt#t1").NextUntil("dt"), []string{"d1", "d2"}},
		{"NextUntil to the end", d.Find("dt#t2").NextUntil("dt"), []string{"d3"}},
		{"NextUntil of several nodes", d.Find("dt").NextUntil("dt"), []string{"d1", "d2", "d3"}},
		{"NextAllFiltered", d.Find("dt#t1").NextAllFiltered("dd"), []string{"d1", "d2", "d3"}},
		{"FilterFunction", d.Find("p").FilterFunction(func(i int, s *dom.Selection) bool { return i > 0 && s.Text() != "three" }), []string{"four"}},
		{"Eq", d.Find("dd").Eq(1), []string{"d2"}},
		{"Eq negative", d.Find("dd").Eq(-1), []string{"d3"}},
		{"Eq out of range", d.Find("dd").Eq(3), nil},
		{"First", d.Find("dd").First(), []string{"d1"}},
		{"Last", d.Find("dd").Last(), []string{"d3"}},
		{"First of nothing", d.Find("nav").First(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, texts(tt.sel))
		})
	}
}

func TestProperties(t *testing.T) {
	d := mustParse(t)

	v, ok := d.Find("p.y").Attr("data-k")
	assert.True(t, ok)
	assert.Equal(t, "", v)
	_, ok = d.Find("p.x").Attr("data-k")
	assert.False(t, ok)
	_, ok = d.Find("nav").Attr("id")
	assert.False(t, ok)
	assert.Equal(t, "", d.Find("p.y").AttrOr("data-k", "def"), "a present empty attribute is not the default")
	assert.Equal(t, "def", d.Find("p.x").AttrOr("data-k", "def"))
	assert.Equal(t, "b", d.Find("div").Eq(1).AttrOr("id", ""), "Attr reads the first node")

	assert.True(t, d.Find("div#a").HasClass("outer"))
	assert.True(t, d.Find("li").HasClass("readers"), "any node, classes split at newlines and tabs")
	assert.False(t, d.Find("div#a").HasClass("out"))

	assert.Equal(t, "one bold two", d.Find("p.x").First().Text(), "comments are not text")
	assert.Equal(t, "l1l2", d.Find("li").Text(), "the nodes' texts are concatenated")
	assert.Equal(t, `var s = "<p>";`, d.Find("script").Text())
	assert.Equal(t, 3, d.Find("p").Length())

	assert.Equal(t, "dt", dom.NodeName(d.Find("dt")))
	assert.Equal(t, "#document", dom.NodeName(d.Selection))
	assert.Equal(t, "", dom.NodeName(d.Find("nav")))

	assert.Same(t, d.Find("dd").Nodes[2], d.Find("dd").Get(-1))
	assert.Same(t, d.Find("p").Nodes[1].Parent, d.Find("p").Eq(1).Parent().Get(0))

	var seen []int
	d.Find("dd").EachWithBreak(func(i int, _ *dom.Selection) bool {
		seen = append(seen, i)
		return i < 1
	})
	assert.Equal(t, []int{0, 1}, seen)
}

func TestCloneAndRemove(t *testing.T) {
	d := mustParse(t)
	orig := d.Find("div#a")
	c := orig.Clone()
	c.Find("b, div").Remove()
	assert.Equal(t, "one  two", strings.TrimSpace(c.Find("p").Text()), "the clone lost its b and div")
	assert.Equal(t, []string{"one bold two", "three", "four"}, texts(d.Find("p")), "the page is untouched")
	assert.Nil(t, c.Nodes[0].Parent, "a clone is detached")
	assert.Equal(t, "box  outer", c.AttrOr("class", ""))

	removed := d.Find("dd").Remove()
	assert.Equal(t, 3, removed.Length(), "Remove keeps the nodes selected")
	assert.Equal(t, 0, d.Find("dd").Length())
	assert.Equal(t, []string{"first", "second"}, texts(d.Find("dt")))
}

// TestSelectors covers each form of selector.go, on a page with links as the adapters see them.
func TestSelectors(t *testing.T) {
	d, err := dom.Parse(strings.NewReader(`<div class="gs_r" data-test-id="r1">
<h3 class="gs_rt"><a id="1a" href="https://arxiv.org/abs/2101.00001">Abs</a></h3>
<a href="/papers/x.pdf" lang="en-US">PDF</a><a href="  ">blank</a><span class="tag is-small" data-tooltip>T</span>
<p>Bold <b>Abstract</b> here</p></div>`))
	require.NoError(t, err)
	tests := []struct {
		sel  string
		want []string
	}{
		{`a[href*="arxiv.org/abs/"]`, []string{"Abs"}},
		{`a[href^='/papers/'][href$=".pdf"]`, []string{"PDF"}},
		{`a[href*=" "]`, nil}, // blank values match no substring, as in cascadia
		{`a[lang|=en]`, []string{"PDF"}},
		{`span[class~="is-small"]`, []string{"T"}},
		{`span.tag[data-tooltip]`, []string{"T"}},
		{`#1a`, []string{"Abs"}}, // an id may start with a digit
		{`DIV > H3.gs_rt > A`, []string{"Abs"}},
		{`div>a`, []string{"PDF", "blank"}},
		{`div > a[href$='.pdf'], h3 a`, []string{"Abs", "PDF"}},
		{`[data-test-id='r1'] b`, []string{"Abstract"}},
		{`* b`, []string{"Abstract"}},
		{`p:contains("ABSTRACT")`, []string{"Bold Abstract here"}},
		{`p:contains('nothing')`, nil},
		{`div + a`, nil}, // sibling combinators are not supported
		{`a:first-child`, nil},
		{`a[href`, nil},
		{`a[href="x]`, nil},
		{`.`, nil},
		{`a,`, nil},
		{``, nil},
	}
	for _, tt := range tests {
		t.Run(tt.sel, func(t *testing.T) {
			assert.Equal(t, tt.want, texts(d.Find(tt.sel)))
		})
	}
}
