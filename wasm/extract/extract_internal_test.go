package extract

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
)

// abs takes a shortcut for plain root-relative links; it must give what url.ResolveReference gives.
func TestAbsShortcutMatchesResolveReference(t *testing.T) {
	bases := []string{
		"https://arxiv.org/list/cs.LG/new",
		"http://user:pw@Example.ORG:8080/a/b?q=1#f",
		"https://[::1]:8443/x",
	}
	hrefs := []string{
		"/abs/2401.12345v2", "/pdf/2401.12345", "/", "/a/", "/a/b~c_d-e.f", "/a/../b", "/a/./b", "/.x", "//host/p",
		"/a//b", "/a b", "/a%20b", "/a?x=1", "/a#f", "/é", "abs/1", "/a:b", "/a+b", "/x/..", "/.",
	}
	for _, base := range bases {
		u, err := url.Parse(base)
		require.NoError(t, err)
		fast, err := newDocument([]byte("<p>"), u)
		require.NoError(t, err)
		require.NotEmpty(t, fast.origin)
		slow := *fast
		slow.origin = "" // no shortcut
		for _, href := range hrefs {
			assert.Equal(t, slow.abs(href), fast.abs(href), "%s + %s", base, href)
		}
	}
	assert.True(t, plainRootPath("/abs/2401.12345v2"))
	assert.False(t, plainRootPath("/a/../b"))
}

func TestDecodeWindows1252MatchesCharmap(t *testing.T) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	want, err := charmap.Windows1252.NewDecoder().Bytes(all)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(decodeWindows1252(all)))
}
