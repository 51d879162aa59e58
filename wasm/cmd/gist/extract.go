package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/papergist/papergist/wasm/extract"
)

func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gist extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pageURL := fs.String("url", "", "the page's URL (required): it picks the site adapter and resolves links")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gist extract --url URL [FILE]\n\nPrints {\"url\", \"site\", \"papers\": [...]} for the page in FILE, or standard input.")
		fs.PrintDefaults()
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if *pageURL == "" {
		return usageError{"--url is required"}
	}
	if fs.NArg() > 1 {
		return usageError{"at most one FILE"}
	}
	page, err := readInput(fs.Arg(0), stdin)
	if err != nil {
		return err
	}
	res, err := extract.Extract(page, *pageURL)
	if errors.Is(err, extract.ErrBadURL) {
		return usageError{"--url: " + err.Error()}
	}
	if err != nil {
		return fmt.Errorf("%s: %w", displayName(fs.Arg(0)), err)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(res)
}
