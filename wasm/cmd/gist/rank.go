package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"

	"github.com/papergist/papergist/wasm/rank"
)

// rankOutput is one line of `gist rank` output.
type rankOutput struct {
	PaperID string  `json:"paper_id"`
	Score   float64 `json:"score"`
}

func runRank(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gist rank", flag.ContinueOnError)
	fs.SetOutput(stderr)
	library := fs.String("library", "", "JSON lines {\"paper_id\", \"title\", \"abstract\"?} of the saved papers (required)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gist rank --library LIB.jsonl [LISTING.jsonl]\n\nReads the listing as JSON lines {\"paper_id\", \"title\", \"abstract\"?} from LISTING or standard input and\nwrites one line {\"paper_id\", \"score\"} per listing paper, best first, scored against the library.")
		fs.PrintDefaults()
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if *library == "" {
		return usageError{"--library is required"}
	}
	if fs.NArg() > 1 {
		return usageError{"at most one LISTING file"}
	}
	lib, err := readPapers(*library, nil)
	if err != nil {
		return err
	}
	listing, err := readPapers(fs.Arg(0), stdin)
	if err != nil {
		return err
	}
	ix := rank.NewIndex()
	for _, p := range lib {
		ix.Add(p)
	}
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, s := range ix.Rank(listing) {
		// Six decimals are plenty to order by, and keep the output stable across platforms' last bits.
		if err := enc.Encode(rankOutput{PaperID: s.ID, Score: math.Round(s.Score*1e6) / 1e6}); err != nil {
			return err
		}
	}
	return w.Flush()
}

// readPapers reads JSON lines of papers from a file, or standard input for "" or "-". A line that is not such
// a paper is a usage error (exit 2), naming the file and line.
func readPapers(name string, stdin io.Reader) ([]rank.Paper, error) {
	in, closeIn, err := openInput(name, stdin)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	defer closeIn()
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	var out []rank.Paper
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var p rank.Paper
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, usageError{fmt.Sprintf("%s line %d: want {\"paper_id\", \"title\", \"abstract\"?} with string values: %v", displayName(name), line, err)}
		}
		if p.ID == "" {
			return nil, usageError{fmt.Sprintf("%s line %d: paper_id is missing or empty", displayName(name), line)}
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, usageError{fmt.Sprintf("read %s: %v", displayName(name), err)}
	}
	return out, nil
}
