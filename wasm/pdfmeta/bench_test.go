package pdfmeta_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/papergist/papergist/wasm/pdfmeta"
)

// BenchmarkRead reads the first page of each real PDF (skipped without ../shared).
func BenchmarkRead(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(sharedPDFs, "*.pdf"))
	if len(files) == 0 {
		b.Skip("no real PDFs: ../shared is not beside the repository")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := pdfmeta.Read(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
