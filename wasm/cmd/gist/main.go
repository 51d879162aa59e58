// Command gist runs papergist's extractor and summarizer natively, for scripts and for testing pages.
//
//	gist extract --url URL [FILE]   papers on a page as JSON (standard input when no FILE)
//	gist tldr [FILE]                JSON lines {paper_id, title, abstract} → {paper_id, tldr, keyphrases}
//	gist digest [--json] [FILE]     the topics of the papers that gist extract printed
//	gist rank --library LIB [FILE]  JSON lines {paper_id, title, abstract?} → {paper_id, score}, best first
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// command is one subcommand: it reads its flags from args and returns an error to print.
type command struct {
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) error
}

var commands = map[string]command{
	"extract": {"print the papers on a page as JSON", runExtract},
	"tldr":    {"write a TL;DR and key phrases for each paper of a JSON-lines file", runTLDR},
	"digest":  {"group the papers that 'gist extract' found into topics", runDigest},
	"rank":    {"order a listing's papers by closeness to a library of saved papers", runRank},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// usageError marks a mistake in the command line: exit status 2 instead of 1.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "gist: unknown command %q\n", args[0])
		usage(stderr)
		return 2
	}
	if err := cmd.run(args[1:], stdin, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "gist %s: %v\n", args[0], err)
		if _, ok := err.(usageError); ok {
			return 2
		}
		return 1
	}
	return 0
}

// parseFlags parses a subcommand's flags: help is true when -h was asked for (the usage is already printed),
// and a bad flag is a usageError.
func parseFlags(fs *flag.FlagSet, args []string) (help bool, err error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return true, nil
		}
		return false, usageError{err.Error()}
	}
	return false, nil
}

func usage(w io.Writer) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("usage: gist <command> [flags]\n\ncommands:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %-9s %s\n", n, commands[n].summary)
	}
	b.WriteString("\nRun 'gist <command> -h' for a command's flags.\n")
	io.WriteString(w, b.String())
}
