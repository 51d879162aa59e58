// Command extractwasm is the smallest program that links the whole extractor: `make bench-extract`
// builds it with GOOS=js GOARCH=wasm to report what wasm/extract alone costs in download size.
// It reads a page on standard input, its URL as the only argument, and prints the result as JSON.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/papergist/papergist/wasm/extract"
)

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "extractwasm:", err)
		os.Exit(1)
	}
}

func run(args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: extractwasm URL < page.html")
	}
	page, err := io.ReadAll(io.LimitReader(stdin, extract.MaxPageSize+1))
	if err != nil {
		return err
	}
	res, err := extract.Extract(page, args[0])
	if err != nil {
		return err
	}
	return json.NewEncoder(stdout).Encode(res)
}
