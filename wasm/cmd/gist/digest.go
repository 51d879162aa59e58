package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/summarize"
)

func runDigest(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gist digest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the topics as JSON: [{\"label\", \"paper_ids\"}]")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gist digest [--json] [FILE]\n\nReads the output of 'gist extract' from FILE or standard input and prints the page's topics.")
		fs.PrintDefaults()
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usageError{"at most one FILE"}
	}
	data, err := readInput(fs.Arg(0), stdin)
	if err != nil {
		return err
	}
	var page struct {
		Papers []paper.Paper `json:"papers"`
	}
	if err := json.Unmarshal(data, &page); err != nil {
		return fmt.Errorf("%s: want the JSON that 'gist extract' prints: %w", displayName(fs.Arg(0)), err)
	}
	topics := summarize.Digest(page.Papers)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(topics)
	}
	titles := make(map[string]string, len(page.Papers))
	for _, p := range page.Papers {
		titles[p.ID] = p.Title
	}
	if len(topics) == 0 {
		_, err := fmt.Fprintln(stdout, "no papers")
		return err
	}
	for _, t := range topics {
		fmt.Fprintf(stdout, "%s (%d)\n", t.Label, len(t.PaperIDs))
		for _, id := range t.PaperIDs {
			fmt.Fprintf(stdout, "  - %s  [%s]\n", titles[id], id)
		}
	}
	return nil
}
