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
	halves := flag.Bool("halves", false, "also score papergist on the even and the odd records (0-based) apart:\n"+
		"a change to the model should gain on both, not on one by chance")
	flag.Parse()
	err := run(*data, *dump, *halves, os.Stdout)
	if err == nil && *inspecPath != "" {
		fmt.Println()
		err = runInspec(*inspecPath, os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(1)
	}
}

func run(dataPath, dumpPath string, halves bool, out io.Writer) error {
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
		var all total
		var half [2]total // half[i%2] sums record i
		var dump []map[string]any
		for i, r := range recs {
			pred := sys.run(r)
			s := rouge.Best(r.Target, pred)
			words := len(strings.Fields(pred))
			all.add(s, words)
			half[i%2].add(s, words)
			if sys.name == "papergist" && dumpPath != "" {
				dump = append(dump, map[string]any{"paper_id": r.PaperID, "r1": s.R1.F1, "tldr": pred, "target": r.Target})
			}
		}
		all.print(out, sys.name)
		if halves && sys.name == "papergist" {
			half[0].print(out, "  even records")
			half[1].print(out, "  odd records")
		}
		if dump != nil {
			if err := writeDump(dumpPath, dump); err != nil {
				return err
			}
		}
	}
	return nil
}

// total sums the scores of several records.
type total struct {
	r1, r2, rl float64
	words, n   int
}

func (t *total) add(s rouge.Scores, words int) {
	t.r1, t.r2, t.rl = t.r1+s.R1.F1, t.r2+s.R2.F1, t.rl+s.RL.F1
	t.words += words
	t.n++
}

// print writes the row of the table: mean F1 x100 and mean words.
func (t *total) print(out io.Writer, name string) {
	n := float64(max(t.n, 1))
	fmt.Fprintf(out, "%-32s %6.2f %6.2f %6.2f %7.1f\n", name, 100*t.r1/n, 100*t.r2/n, 100*t.rl/n, float64(t.words)/n)
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
