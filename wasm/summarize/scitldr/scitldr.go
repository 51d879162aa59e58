// Package scitldr reads SciTLDR-A (../shared/eval/scitldr): JSON lines of abstracts, as sentences, with
// their reference TL;DRs. The trainer learns the weights from its training split and the eval harness
// scores on its dev split; both read it here so that they agree on what a valid record is.
package scitldr

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Record is one paper of SciTLDR-A.
type Record struct {
	PaperID string   `json:"paper_id"`
	Title   string   `json:"title"`
	Source  []string `json:"source"` // the abstract's sentences
	Target  []string `json:"target"` // reference TL;DRs, one or more
}

// Abstract joins the sentences back into the single string a page shows: the summarizer segments it itself.
func (r Record) Abstract() string { return strings.Join(r.Source, " ") }

// Read decodes records from JSON lines. Every record needs a source and a target; name says where
// the data comes from in errors.
func Read(r io.Reader, name string) ([]Record, error) {
	var recs []Record
	dec := json.NewDecoder(bufio.NewReader(r))
	for {
		var rec Record
		if err := dec.Decode(&rec); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("%s record %d: %w", name, len(recs)+1, err)
		}
		if len(rec.Source) == 0 || len(rec.Target) == 0 {
			return nil, fmt.Errorf("%s record %d (%s): no source or no target", name, len(recs)+1, rec.PaperID)
		}
		recs = append(recs, rec)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: no records", name)
	}
	return recs, nil
}

// Load reads the records of a file.
func Load(path string) ([]Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open SciTLDR data (see ../shared/eval/scitldr/README.md): %w", err)
	}
	defer f.Close()
	return Read(f, path)
}
