package jsontree_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// listingWasm is the listing wasm's main package; its own (non-standard) packages must not use encoding/json.
const listingWasm = "github.com/papergist/papergist/wasm"

// allowedJSON are the encoding/json names those packages may use: types that bring in none of its reflection.
// (shared/syncproto's Values is a map[string]json.RawMessage, a []byte.)
var allowedJSON = map[string]bool{"RawMessage": true}

// TestListingWasmDoesNotUseEncodingJSON reads every non-test Go file the listing wasm builds (from go list -deps
// for GOOS=js GOARCH=wasm) and fails on any use of the import "encoding/json" under any name (renamed, dot or
// blank import, a selector split over lines) other than allowedJSON: encoding/json's reflection would put back
// what jsontree saves.
func TestListingWasmDoesNotUseEncodingJSON(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "-f",
		`{{if not .Standard}}{{range .GoFiles}}{{$.Dir}}{{"\t"}}{{.}}{{"\n"}}{{end}}{{range .CgoFiles}}{{$.Dir}}{{"\t"}}{{.}}{{"\n"}}{{end}}{{end}}`,
		listingWasm)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", listingWasm, err)
	}
	var files []string
	for line := range strings.Lines(string(out)) {
		dir, name, _ := strings.Cut(strings.TrimSpace(line), "\t")
		files = append(files, filepath.Join(dir, name))
	}
	// The list must hold the packages that read and write JSON, or the test would pass on nothing.
	for _, want := range []string{"wasm/bridge/decode.go", "wasm/bridge/encode.go", "wasm/summarize/tldr.go", "shared/syncproto/syncproto.go"} {
		found := false
		for _, f := range files {
			found = found || strings.HasSuffix(filepath.ToSlash(f), want)
		}
		if !found {
			t.Fatalf("go list -deps %s does not list %s: %d files", listingWasm, want, len(files))
		}
	}
	fset := token.NewFileSet()
	for _, path := range files {
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, use := range encodingJSONUses(f) {
			t.Errorf("%s: the listing wasm uses encoding/json (%s): read and write JSON with wasm/internal/jsontree",
				fset.Position(use.Pos()), use.what)
		}
	}
}

type jsonUse struct {
	ast.Node
	what string
}

// encodingJSONUses returns the uses of encoding/json in f outside allowedJSON: a dot or blank import, or a
// selector on the name it is imported as.
func encodingJSONUses(f *ast.File) []jsonUse {
	var uses []jsonUse
	names := map[string]bool{}
	for _, spec := range f.Imports {
		if p, _ := strconv.Unquote(spec.Path.Value); p != "encoding/json" {
			continue
		}
		switch {
		case spec.Name == nil:
			names["json"] = true
		case spec.Name.Name == "." || spec.Name.Name == "_":
			uses = append(uses, jsonUse{spec, "imported as " + spec.Name.Name})
		default:
			names[spec.Name.Name] = true
		}
	}
	if len(names) == 0 {
		return uses
	}
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		// A local variable of the same name would shadow the package; none of these packages does that, and
		// reporting it is the safe side.
		if x, ok := sel.X.(*ast.Ident); ok && names[x.Name] && !allowedJSON[sel.Sel.Name] {
			uses = append(uses, jsonUse{sel, x.Name + "." + sel.Sel.Name})
		}
		return true
	})
	return uses
}
