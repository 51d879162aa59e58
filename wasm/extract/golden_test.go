package extract_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata from the current output")

// fixtureURLRe reads the page URL a committed fixture declares on its first line:
// <!-- papergist-fixture-url: https://arxiv.org/list/cs.CL/new -->
var fixtureURLRe = regexp.MustCompile(`papergist-fixture-url:\s*(\S+)`)

// TestGolden runs Extract on every fixture under testdata/<site>/ (.html and .xml) and compares the
// whole result with <name>.golden.json beside it. `go test ./wasm/extract -run TestGolden -update`
// rewrites the golden files; review their diff before committing.
func TestGolden(t *testing.T) {
	pages, err := filepath.Glob("testdata/*/*.*ml")
	require.NoError(t, err)
	require.NotEmpty(t, pages, "no fixtures under testdata")
	for _, page := range pages {
		t.Run(strings.TrimPrefix(page, "testdata/"), func(t *testing.T) {
			data, err := os.ReadFile(page)
			require.NoError(t, err)
			pageURL := fixtureURL(t, data)
			res, err := extractReadOnly(t, data, pageURL)
			require.NoError(t, err)
			got, err := json.MarshalIndent(res, "", "  ")
			require.NoError(t, err)
			golden := strings.TrimSuffix(page, filepath.Ext(page)) + ".golden.json"
			if *update {
				require.NoError(t, os.WriteFile(golden, append(got, '\n'), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "no golden file: run go test -run TestGolden -update and review it")
			assert.JSONEq(t, string(want), string(got))
			assert.NotEmpty(t, res.Papers, "a committed fixture should hold at least one paper")
		})
	}
}

func fixtureURL(t *testing.T, data []byte) string {
	t.Helper()
	line, _ := bufio.NewReader(bytes.NewReader(data)).ReadString('\n')
	m := fixtureURLRe.FindStringSubmatch(line)
	require.NotNil(t, m, "the fixture's first line must be <!-- papergist-fixture-url: URL -->")
	return m[1]
}
