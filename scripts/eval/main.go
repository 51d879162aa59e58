// Command eval scores papergist's TL;DRs on SciTLDR-A the way the SciTLDR paper did (see
// ../../../shared/eval/scitldr/README.md), next to Lead-1, the single-sentence oracle and the LexRank
// peer github.com/didasy/tldr. It is a module of its own so that the product never depends on the
// peer or on the stemmer. Run it with `make eval`.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/didasy/tldr"

	"github.com/papergist/papergist/scripts/eval/rouge"
	"github.com/papergist/papergist/wasm/summarize"
	"github.com/papergist/papergist/wasm/summarize/scitldr"
)

// record is one SciTLDR-A line.
type record = scitldr.Record

// system writes one TL;DR for a record.
type system struct {
	name string
	run  func(r record) string
}

func main() {
	data := flag.String("data", "../../../shared/eval/scitldr/dev.jsonl", "SciTLDR-A split to score")
	dump := flag.String("dump", "", "write papergist's TL;DRs with their ROUGE-1 to this JSON-lines file")
	inspecPath := flag.String("inspec", "", "also score key phrases on this Inspec split (JSON lines)")
	flag.Parse()
	err := run(*data, *dump, os.Stdout)
	if err == nil && *inspecPath != "" {
		fmt.Println()
		err = runInspec(*inspecPath, os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(1)
	}
}

func run(dataPath, dumpPath string, out io.Writer) error {
	recs, err := scitldr.Load(dataPath)
	if err != nil {
		return err
	}
	systems := []system{
		{"papergist", func(r record) string { return summarize.TLDR(r.Title, abstract(r)) }},
		{"Lead-1", func(r record) string { return r.Source[0] }},
		{"LexRank (didasy/tldr v0.7.0)", lexRank},
		{"oracle sentence (upper bound)", oracle},
	}
	fmt.Fprintf(out, "SciTLDR-A %s: %d papers, %d references; ROUGE F1 x100, max over references by ROUGE-1\n\n",
		dataPath, len(recs), countRefs(recs))
	fmt.Fprintf(out, "%-32s %6s %6s %6s %7s\n", "system", "R1", "R2", "RL", "words")
	for _, sys := range systems {
		var sum rouge.Scores
		words := 0
		var dump []map[string]any
		for _, r := range recs {
			pred := sys.run(r)
			s := rouge.Best(r.Target, pred)
			sum.R1.F1 += s.R1.F1
			sum.R2.F1 += s.R2.F1
			sum.RL.F1 += s.RL.F1
			words += len(strings.Fields(pred))
			if sys.name == "papergist" && dumpPath != "" {
				dump = append(dump, map[string]any{"paper_id": r.PaperID, "r1": s.R1.F1, "tldr": pred, "target": r.Target})
			}
		}
		n := float64(len(recs))
		fmt.Fprintf(out, "%-32s %6.2f %6.2f %6.2f %7.1f\n", sys.name, 100*sum.R1.F1/n, 100*sum.R2.F1/n, 100*sum.RL.F1/n, float64(words)/n)
		if dump != nil {
			if err := writeDump(dumpPath, dump); err != nil {
				return err
			}
		}
	}
	return nil
}

func abstract(r record) string { return r.Abstract() }

func lexRank(r record) string {
	out, err := tldr.New().Summarize(abstract(r), 1)
	if err != nil || len(out) == 0 {
		return ""
	}
	return out[0]
}

func oracle(r record) string {
	best, bestF := "", -1.0
	for _, s := range r.Source {
		if f := rouge.Best(r.Target, s).R1.F1; f > bestF {
			best, bestF = s, f
		}
	}
	return best
}

func countRefs(recs []record) int {
	n := 0
	for _, r := range recs {
		n += len(r.Target)
	}
	return n
}

func writeDump(path string, rows []map[string]any) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for _, row := range rows {
		if err := enc.Encode(row); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}
