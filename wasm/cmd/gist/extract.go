package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/extract"
	"github.com/papergist/papergist/wasm/pdfmeta"
)

func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gist extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pageURL := fs.String("url", "", "the page's URL (required): it picks the site adapter and resolves links")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gist extract --url URL [FILE]\n\nPrints {\"url\", \"site\", \"papers\": [...]} for the page in FILE, or standard input:\n"+
			"an HTML page, or a paper's PDF (its first page and URL give the paper; site \"pdf\").")
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
	var res extract.Result
	if pdfmeta.IsPDF(page) {
		res, err = extractPDF(page, *pageURL)
	} else {
		res, err = extract.Extract(page, *pageURL)
	}
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

// extractPDF is extract.Extract for a PDF: the paper its URL and first page give, with no network.
func extractPDF(data []byte, pageURL string) (extract.Result, error) {
	res := extract.Result{URL: pageURL, Site: "pdf", Papers: []paper.Paper{}}
	if paper.IDFromURL(pageURL) == "" {
		return res, fmt.Errorf("%w: %q", extract.ErrBadURL, pageURL)
	}
	h, err := pdfmeta.Read(data)
	if err != nil {
		return res, err
	}
	p, err := pdfmeta.Paper(h, pageURL)
	if errors.Is(err, pdfmeta.ErrNoTitle) {
		return res, nil // like an HTML page with no paper
	}
	if err != nil {
		return res, err
	}
	res.Papers = append(res.Papers, p)
	return res, nil
}
