package main

import (
	"fmt"
	"io"

	"github.com/papergist/papergist/scripts/eval/inspec"
	"github.com/papergist/papergist/scripts/eval/keypeers"
	"github.com/papergist/papergist/wasm/summarize"
)

// keySystem ranks up to ten key phrases for a title and abstract.
type keySystem struct {
	name string
	run  func(title, abstract string) []string
}

// runInspec scores papergist's key phrases and the peers' on one Inspec split (see package inspec).
func runInspec(path string, out io.Writer) error {
	docs, err := inspec.Load(path)
	if err != nil {
		return err
	}
	systems := []keySystem{
		{"papergist", summarize.KeyPhrases},
		{"SingleRank", func(t, a string) []string { return keypeers.SingleRank(t, a, 10) }},
		{"PositionRank", func(t, a string) []string { return keypeers.PositionRank(t, a, 10) }},
		{"YAKE", func(t, a string) []string { return keypeers.YAKE(t, a, 10) }},
	}
	fmt.Fprintf(out, "Inspec %s: %d abstracts; Porter-stemmed exact match, all gold phrases; x100\n", path, len(docs))
	fmt.Fprintf(out, "per document: P, R and F1 averaged over abstracts; pooled: P and R over the corpus, then F1\n\n")
	fmt.Fprintf(out, "%-14s %6s %6s %6s %6s %6s %6s %9s %9s %9s\n", "system", "P@5", "R@5", "F1@5", "P@10", "R@10", "F1@10", "pooledF@5", "pooledF@10", "returned")
	for _, sys := range systems {
		preds := make([][]string, len(docs))
		for i, d := range docs {
			preds[i] = sys.run(d.Title, d.Abstract)
		}
		r5, r10 := inspec.Score(docs, preds, 5), inspec.Score(docs, preds, 10)
		fmt.Fprintf(out, "%-14s %6.2f %6.2f %6.2f %6.2f %6.2f %6.2f %9.2f %9.2f %9.1f\n", sys.name,
			r5.P, r5.R, r5.F1, r10.P, r10.R, r10.F1, r5.PooledF1, r10.PooledF1, float64(r10.Returned)/float64(r10.Docs))
	}
	return nil
}
