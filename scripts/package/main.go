// Command package writes the release archives of the extension, byte for byte the same from the same commit:
//
//	dist/papergist-chrome-<version>.zip    dist/chrome, for the Chrome Web Store (and Edge Add-ons)
//	dist/papergist-firefox-<version>.zip   dist/firefox, for addons.mozilla.org
//	dist/papergist-sources-<version>.zip   the commit's tracked files, which AMO asks for since the code is built
//
// The version is extension/manifest.json's. Entries are sorted by path, dated with the commit's time
// (SOURCE_DATE_EPOCH when set), with fixed modes and no directory entries. Before writing, it checks the Chrome
// manifest against what the Chrome Web Store accepts (see checkChrome).
package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "package:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("package", flag.ContinueOnError)
	dist := fl.String("dist", "dist", "folder with the chrome and firefox builds; the archives go here")
	readme := fl.String("readme", "README.md", "the README whose permissions section the Chrome check reads")
	if err := fl.Parse(args); err != nil {
		return err
	}
	m, err := readManifest(filepath.Join(*dist, "chrome", "manifest.json"))
	if err != nil {
		return err
	}
	readmeText, err := os.ReadFile(*readme)
	if err != nil {
		return err
	}
	if err := checkChrome(m, filepath.Join(*dist, "chrome"), string(readmeText)); err != nil {
		return fmt.Errorf("the Chrome Web Store would refuse dist/chrome: %w", err)
	}
	when, err := sourceDate()
	if err != nil {
		return err
	}
	for _, browser := range []string{"chrome", "firefox"} {
		dir := filepath.Join(*dist, browser)
		files, err := filesUnder(dir)
		if err != nil {
			return err
		}
		if extra := testOnly(files); len(extra) > 0 {
			return fmt.Errorf("%s holds test files, which users need not download: %s", dir, strings.Join(extra, ", "))
		}
		out := filepath.Join(*dist, fmt.Sprintf("papergist-%s-%s.zip", browser, m.Version))
		if err := writeZip(out, dir, files, when); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "package: %s (%d files)\n", out, len(files))
	}
	tracked, err := trackedFiles()
	if err != nil {
		return err
	}
	out := filepath.Join(*dist, fmt.Sprintf("papergist-sources-%s.zip", m.Version))
	if err := writeZip(out, ".", tracked, when); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "package: %s (%d files; build with `make extension`, see README.md)\n", out, len(tracked))
	return nil
}

// manifest holds the keys of manifest.json that packaging reads.
type manifest struct {
	Version                 string            `json:"version"`
	Key                     *string           `json:"key"`
	Icons                   map[string]string `json:"icons"`
	Permissions             []string          `json:"permissions"`
	HostPermissions         []string          `json:"host_permissions"`
	OptionalHostPermissions []string          `json:"optional_host_permissions"`
}

func readManifest(file string) (manifest, error) {
	var m manifest
	b, err := os.ReadFile(file)
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("%s: %w", file, err)
	}
	if m.Version == "" {
		return m, fmt.Errorf("%s: no version", file)
	}
	return m, nil
}

// checkChrome holds a Chrome build to what the Chrome Web Store accepts and asks of a listing: no "key" (the
// store assigns the ID), a 128 px PNG icon and the 16 and 48 px ones, every icon present, and every permission
// and host permission justified in the README's "Permissions" section (the store's form asks for each).
func checkChrome(m manifest, dir, readme string) error {
	var problems []string
	if m.Key != nil {
		problems = append(problems, `the manifest has a "key"`)
	}
	for _, size := range []string{"16", "48", "128"} {
		file, ok := m.Icons[size]
		if !ok {
			problems = append(problems, fmt.Sprintf("no %s px icon", size))
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
		if err != nil {
			problems = append(problems, fmt.Sprintf("icon %s: %v", file, err))
			continue
		}
		if w, h, err := pngSize(b); err != nil || strconv.Itoa(w) != size || w != h {
			problems = append(problems, fmt.Sprintf("icon %s is not a %s×%s PNG", file, size, size))
		}
	}
	section := permissionsSection(readme)
	if section == "" {
		problems = append(problems, `README.md has no "Permissions" section`)
	}
	asked := append(append(append([]string{}, m.Permissions...), m.HostPermissions...), m.OptionalHostPermissions...)
	for _, p := range asked {
		if !strings.Contains(section, "`"+p+"`") {
			problems = append(problems, fmt.Sprintf("permission `%s` is not justified in README.md's Permissions section", p))
		}
	}
	return errors.Join(stringsToErrors(problems)...)
}

func stringsToErrors(s []string) []error {
	errs := make([]error, len(s))
	for i, p := range s {
		errs[i] = errors.New(p)
	}
	return errs
}

// permissionsSection returns the README's "## Permissions" or "### Permissions" section, up to the next heading of
// the same or a higher level.
func permissionsSection(readme string) string {
	lines := strings.Split(readme, "\n")
	for i, l := range lines {
		level := len(l) - len(strings.TrimLeft(l, "#"))
		if level < 2 || strings.TrimSpace(l[level:]) != "Permissions" {
			continue
		}
		end := len(lines)
		for j := i + 1; j < len(lines); j++ {
			if n := len(lines[j]) - len(strings.TrimLeft(lines[j], "#")); n > 0 && n <= level && strings.HasPrefix(lines[j][n:], " ") {
				end = j
				break
			}
		}
		return strings.Join(lines[i+1:end], "\n")
	}
	return ""
}

// pngSize reads a PNG's width and height from its IHDR chunk.
func pngSize(b []byte) (int, int, error) {
	if len(b) < 24 || !bytes.Equal(b[:8], []byte("\x89PNG\r\n\x1a\n")) || string(b[12:16]) != "IHDR" {
		return 0, 0, errors.New("not a PNG")
	}
	be := func(p []byte) int { return int(p[0])<<24 | int(p[1])<<16 | int(p[2])<<8 | int(p[3]) }
	return be(b[16:20]), be(b[20:24]), nil
}

// sourceDate is the time every entry carries: SOURCE_DATE_EPOCH, else the commit's time.
func sourceDate() (time.Time, error) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		out, err := exec.Command("git", "log", "-1", "--format=%ct").Output()
		if err != nil {
			return time.Time{}, fmt.Errorf("the commit's time (git log; or set SOURCE_DATE_EPOCH): %w", err)
		}
		s = strings.TrimSpace(string(out))
	}
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("source date %q: %w", s, err)
	}
	// zip stores local times from 1980 on, in 2 s steps
	t := time.Unix(sec, 0).UTC().Truncate(2 * time.Second)
	if t.Year() < 1980 {
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t, nil
}

// filesUnder lists the regular files under dir as slash paths relative to it.
func filesUnder(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s: not a regular file", p)
		}
		rel, err := filepath.Rel(dir, p)
		files = append(files, filepath.ToSlash(rel))
		return err
	})
	return files, err
}

// testOnly returns the files of a build that only the tests use: unit tests (*.test.js), their data (testdata/)
// and fakes (testing/), which live beside the extension's sources.
func testOnly(files []string) []string {
	var extra []string
	for _, f := range files {
		dirs := strings.Split(path.Dir(f), "/")
		if strings.HasSuffix(f, ".test.js") || slices.Contains(dirs, "testing") || slices.Contains(dirs, "testdata") {
			extra = append(extra, f)
		}
	}
	return extra
}

// trackedFiles lists the files of the commit's tree (git ls-files), as they are in the work tree.
func trackedFiles() ([]string, error) {
	out, err := exec.Command("git", "ls-files", "-z").Output()
	if err != nil {
		return nil, fmt.Errorf("git ls-files: %w", err)
	}
	var files []string
	for _, f := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		if fi, err := os.Lstat(f); err == nil && fi.Mode().IsRegular() { // skips files deleted in the work tree
			files = append(files, f)
		}
	}
	return files, nil
}

// writeZip writes the files (slash paths under dir) to out: sorted, deflated, dated when, mode 0644 or 0755.
func writeZip(out, dir string, files []string, when time.Time) error {
	files = append([]string(nil), files...)
	sort.Strings(files)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		src := filepath.Join(dir, filepath.FromSlash(f))
		fi, err := os.Stat(src)
		if err != nil {
			return err
		}
		mode := fs.FileMode(0o644)
		if fi.Mode()&0o111 != 0 {
			mode = 0o755
		}
		h := &zip.FileHeader{Name: path.Clean(f), Method: zip.Deflate, Modified: when}
		h.SetMode(mode)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}
