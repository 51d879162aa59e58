package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/extract"
)

// aclPage is a small ACL Anthology paper page: enough for the acl adapter to find one paper.
const aclPage = `<!doctype html><html><head>
<meta content="How many data points is a prompt worth?" name=citation_title>
<meta content="Teven Le Scao" name=citation_author>
<meta content="10.18653/v1/2021.naacl-main.208" name=citation_doi>
</head><body><h2 id=title><a href=/2021.naacl-main.208.pdf>How many data points is a prompt worth?</a></h2>
<p class=lead><a href=/people/teven-le-scao/>Teven Le Scao</a>, <a href=/people/alexander-m-rush/>Alexander Rush</a></p>
<div class="acl-abstract"><span>Prompts are worth 100s of data points.</span></div></body></html>`

const aclURL = "https://aclanthology.org/2021.naacl-main.208/"

// gist runs the command line as main does, with stdin and captured output.
func gist(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

// decode checks the output is exactly one JSON object with the documented shape and returns it.
func decode(t *testing.T, stdout string) extract.Result {
	t.Helper()
	var raw map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(stdout), &raw), stdout)
	assert.ElementsMatch(t, []string{"url", "site", "papers"}, keys(raw))
	var res extract.Result
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&res))
	return res
}

func keys(m map[string]json.RawMessage) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestExtractFromFileAndStdin(t *testing.T) {
	file := writeFile(t, "page.html", aclPage)
	tests := []struct {
		name  string
		stdin string
		args  []string
	}{
		{"file", "", []string{"extract", "--url", aclURL, file}},
		{"stdin", aclPage, []string{"extract", "--url", aclURL}},
		{"stdin as -", aclPage, []string{"extract", "-url=" + aclURL, "-"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := gist(t, tt.stdin, tt.args...)
			require.Equal(t, 0, code, stderr)
			assert.Empty(t, stderr)
			res := decode(t, stdout)
			assert.Equal(t, aclURL, res.URL)
			assert.Equal(t, "acl", res.Site)
			require.Len(t, res.Papers, 1)
			p := res.Papers[0]
			assert.Equal(t, "acl:2021.naacl-main.208", p.ID)
			assert.Equal(t, "How many data points is a prompt worth?", p.Title)
			assert.Equal(t, []string{"Teven Le Scao", "Alexander Rush"}, p.Authors)
			assert.Equal(t, "Prompts are worth 100s of data points.", p.Abstract)
			assert.Equal(t, "https://aclanthology.org/2021.naacl-main.208.pdf", p.PDFURL)
			assert.NoError(t, p.Validate())
		})
	}
}

func TestExtractOutputIsNotHTMLEscaped(t *testing.T) {
	page := strings.Replace(aclPage, "How many data points is a prompt worth?</a></h2>", "Prompts &amp; &lt;data&gt;</a></h2>", 1)
	code, stdout, stderr := gist(t, page, "extract", "--url", aclURL)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, `"title": "Prompts & <data>"`)
}

func TestExtractPageWithoutPapers(t *testing.T) {
	code, stdout, stderr := gist(t, "<html><body><p>Nothing to see.</p></body></html>", "extract", "--url", "https://example.org/blog")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, `"papers": []`)
	res := decode(t, stdout)
	assert.Equal(t, "generic", res.Site)
	assert.Empty(t, res.Papers)
}

func TestExitCodesAndMessages(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such-page.html")
	tests := []struct {
		name    string
		stdin   string
		args    []string
		code    int
		message string
	}{
		{"no command", "", nil, 2, "usage: gist <command>"},
		{"unknown command", "", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"help", "", []string{"help"}, 0, "extract"},
		{"extract help", "", []string{"extract", "-h"}, 0, "--url"},
		{"missing --url", aclPage, []string{"extract"}, 2, "--url is required"},
		{"relative --url", aclPage, []string{"extract", "--url", "/2021.naacl-main.208/"}, 2, "absolute http(s) URL"},
		{"unknown flag", "", []string{"extract", "--nope"}, 2, "flag provided but not defined"},
		{"two files", "", []string{"extract", "--url", aclURL, "a", "b"}, 2, "at most one FILE"},
		{"unreadable file", "", []string{"extract", "--url", aclURL, missing}, 1, missing + ": no such file or directory"},
		{"directory", "", []string{"extract", "--url", aclURL, dir}, 1, "is a directory"},
		{"empty stdin", "", []string{"extract", "--url", aclURL}, 1, "standard input: the page is empty"},
		{"blank file", "", []string{"extract", "--url", aclURL, writeFile(t, "blank.html", " \n\t ")}, 1, "the page is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := gist(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.code, code, stderr)
			assert.Contains(t, stderr, tt.message)
			if code != 0 {
				assert.Empty(t, stdout)
			}
		})
	}
}

func TestExtractRefusesOversizedInput(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a page larger than extract.MaxPageSize")
	}
	big := strings.Repeat("a", extract.MaxPageSize+1)
	code, stdout, stderr := gist(t, big, "extract", "--url", aclURL)
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "larger than")
}
