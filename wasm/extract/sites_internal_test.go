package extract

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The manifest's content-script matches are the site table's, in its order.
func TestManifestMatchesAreTheSiteTable(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "extension", "manifest.json"))
	require.NoError(t, err)
	var manifest struct {
		ContentScripts []struct {
			Matches []string `json:"matches"`
		} `json:"content_scripts"`
	}
	require.NoError(t, json.Unmarshal(b, &manifest))
	var got, want []string
	for _, cs := range manifest.ContentScripts {
		got = append(got, cs.Matches...)
	}
	for _, s := range Sites {
		want = append(want, s.Matches...)
	}
	assert.Equal(t, want, got, "extension/manifest.json content_scripts matches must list wasm/extract/sites.go's Sites")
}

// Every page the content script runs on is read by its site's adapter, and every host an adapter reads has a
// content-script match.
func TestSiteTableAgreesWithTheAdapters(t *testing.T) {
	byName := map[string]adapter{}
	for _, a := range adapters {
		byName[a.site] = a
	}
	var patternHosts []string
	for _, s := range Sites {
		a, ok := byName[s.Adapter]
		require.True(t, ok, "no adapter %q", s.Adapter)
		for _, m := range s.Matches {
			sample := strings.ReplaceAll(strings.Replace(m, "://*.", "://www.", 1), "*", "x")
			u, err := url.Parse(sample)
			require.NoError(t, err, m)
			assert.True(t, a.match(u), "%s: the %s adapter does not read %s", m, s.Adapter, sample)
			patternHosts = append(patternHosts, strings.TrimPrefix(strings.SplitN(strings.TrimPrefix(m, "https://"), "/", 2)[0], "*."))
		}
		for _, h := range s.Hosts {
			covered := false
			for _, p := range patternHosts {
				covered = covered || p == h || strings.HasSuffix(p, "."+h)
			}
			assert.True(t, covered, "%s reads %s, which no content-script match names", s.Adapter, h)
		}
	}
}
