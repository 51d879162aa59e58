package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/papergist/papergist/wasm/summarize"
)

// tldrInput is one line of `gist tldr` input.
type tldrInput struct {
	PaperID  string `json:"paper_id"`
	Title    string `json:"title"`
	Abstract string `json:"abstract"`
}

// tldrOutput is one line of `gist tldr` output.
type tldrOutput struct {
	PaperID    string   `json:"paper_id"`
	TLDR       string   `json:"tldr"`
	KeyPhrases []string `json:"keyphrases"`
}

// maxLine bounds one input line: an abstract is a few kilobytes.
const maxLine = 4 << 20

func runTLDR(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gist tldr", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gist tldr [FILE]\n\nReads JSON lines {\"paper_id\", \"title\", \"abstract\"} from FILE or standard input and\nwrites JSON lines {\"paper_id\", \"tldr\", \"keyphrases\"}.")
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usageError{"at most one FILE"}
	}
	in, closeIn, err := openInput(fs.Arg(0), stdin)
	if err != nil {
		return err
	}
	defer closeIn()
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var p tldrInput
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return fmt.Errorf("%s line %d: want {\"paper_id\", \"title\", \"abstract\"} with string values: %w", displayName(fs.Arg(0)), line, err)
		}
		s := summarize.Summarize(p.Title, p.Abstract)
		if err := enc.Encode(tldrOutput{PaperID: p.PaperID, TLDR: s.TLDR, KeyPhrases: s.KeyPhrases}); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", displayName(fs.Arg(0)), err)
	}
	return w.Flush()
}
