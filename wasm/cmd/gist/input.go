package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/papergist/papergist/wasm/extract"
)

// openInput opens FILE, or standard input for "" or "-"; the returned func closes what was opened.
func openInput(name string, stdin io.Reader) (io.Reader, func(), error) {
	if name == "" || name == "-" {
		return stdin, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

// readInput reads FILE, or standard input for "" or "-", up to one byte more than extract.MaxPageSize: enough
// for Extract to refuse an oversized page without reading all of it.
func readInput(name string, stdin io.Reader) ([]byte, error) {
	r, closeIn, err := openInput(name, stdin)
	if err != nil {
		return nil, err
	}
	defer closeIn()
	data, err := io.ReadAll(io.LimitReader(r, extract.MaxPageSize+1))
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return nil, err // already names the file: "read /tmp: is a directory"
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", displayName(name), err)
	}
	return data, nil
}

func displayName(name string) string {
	if name == "" || name == "-" {
		return "standard input"
	}
	return name
}
