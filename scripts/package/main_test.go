package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteZipIsTheSameWhateverTheFilesTimesAndOrder(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"manifest.json": `{"version":"1.2.3"}`, "b/x.js": "x", "a/y.js": "y", "run.sh": "#!/bin/sh\n"}
	for f, body := range files {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), []byte(body), 0o600))
	}
	require.NoError(t, os.Chmod(filepath.Join(dir, "run.sh"), 0o700))
	when := time.Date(2026, 12, 4, 8, 0, 0, 0, time.UTC)
	out1, out2 := filepath.Join(t.TempDir(), "1.zip"), filepath.Join(t.TempDir(), "2.zip")

	listed, err := filesUnder(dir)
	require.NoError(t, err)
	require.NoError(t, writeZip(out1, dir, listed, when))
	// other times and a reversed listing
	for f := range files {
		require.NoError(t, os.Chtimes(filepath.Join(dir, f), time.Now(), time.Now().Add(-time.Hour)))
	}
	reversed := append([]string(nil), listed...)
	for i, j := 0, len(reversed)-1; i < j; i, j = i+1, j-1 {
		reversed[i], reversed[j] = reversed[j], reversed[i]
	}
	require.NoError(t, writeZip(out2, dir, reversed, when))

	b1, err := os.ReadFile(out1)
	require.NoError(t, err)
	b2, err := os.ReadFile(out2)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(b1, b2), "the two archives differ")

	zr, err := zip.NewReader(bytes.NewReader(b1), int64(len(b1)))
	require.NoError(t, err)
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		assert.True(t, f.Modified.Equal(when), "%s dated %v", f.Name, f.Modified)
		want := os.FileMode(0o644)
		if f.Name == "run.sh" {
			want = 0o755
		}
		assert.Equal(t, want, f.Mode().Perm(), f.Name)
		rc, err := f.Open()
		require.NoError(t, err)
		var body bytes.Buffer
		_, err = body.ReadFrom(rc)
		require.NoError(t, err)
		assert.Equal(t, files[f.Name], body.String())
	}
	assert.Equal(t, []string{"a/y.js", "b/x.js", "manifest.json", "run.sh"}, names)
}

func TestCheckChromeAcceptsTheExtensionAsCommitted(t *testing.T) {
	root := filepath.Join("..", "..")
	m, err := readManifest(filepath.Join(root, "extension", "manifest.json"))
	require.NoError(t, err)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	assert.NoError(t, checkChrome(m, filepath.Join(root, "extension"), string(readme)))
}

func TestCheckChromeRefusesKeyMissingIconsAndUnjustifiedPermissions(t *testing.T) {
	root := filepath.Join("..", "..")
	readme := "# x\n\n## Permissions\n\n- `storage`: saved papers.\n\n## Other\n\n- `tabs` is mentioned here only\n"
	key := "MIIB..."
	m := manifest{
		Version: "1.0.0", Key: &key,
		Icons:       map[string]string{"16": "icons/icon16.png", "48": "icons/icon16.png"},
		Permissions: []string{"storage", "tabs"},
	}
	err := checkChrome(m, filepath.Join(root, "extension"), readme)
	require.Error(t, err)
	msg := err.Error()
	for _, want := range []string{`has a "key"`, "icon icons/icon16.png is not a 48×48 PNG", "no 128 px icon", "`tabs` is not justified"} {
		assert.Contains(t, msg, want)
	}
	assert.NotContains(t, msg, "`storage`")
	assert.Equal(t, 4, strings.Count(msg, "\n")+1, msg)
}

func TestTestOnlyNamesTheFilesOnlyTestsUse(t *testing.T) {
	files := []string{"manifest.json", "background/sync.js", "background/sync.test.js", "background/testing/fake-chrome.js",
		"lib/testdata/bibtex.json", "lib/testing.js", "lib/attesting/x.js", "popup/popup.js"}
	assert.Equal(t, []string{"background/sync.test.js", "background/testing/fake-chrome.js", "lib/testdata/bibtex.json"},
		testOnly(files))
	assert.Empty(t, testOnly([]string{"manifest.json", "content/content.js"}))
}
