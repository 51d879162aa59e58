package rank_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/papergist/papergist/wasm/rank"
)

// synthetic makes n papers shaped like the extension's: a title of 6–12 words and five key phrases, words
// drawn from a Zipf-like vocabulary of 20,000, from a fixed seed.
func synthetic(n int, seed uint64) []rank.Paper {
	r := rand.New(rand.NewPCG(seed, 7))
	z := rand.NewZipf(r, 1.1, 2, 19999)
	word := func() string { return fmt.Sprintf("w%dx", z.Uint64()) }
	phrase := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = word()
		}
		return strings.Join(ws, " ")
	}
	ps := make([]rank.Paper, n)
	for i := range ps {
		ps[i] = rank.Paper{ID: fmt.Sprintf("p%d-%d", seed, i), Title: phrase(6 + r.IntN(7))}
		for j := 0; j < 5; j++ {
			ps[i].KeyPhrases = append(ps[i].KeyPhrases, phrase(1+r.IntN(3)))
		}
	}
	return ps
}

// BenchmarkRank500Against5000 is the extension's case: a 500-paper listing and a 5,000-paper library
// (`make bench-rank` runs it natively and in wasm; goal ≤ 50 ms in wasm).
func BenchmarkRank500Against5000(b *testing.B) { benchRank(b, 5000, 500) }

// BenchmarkRank500Against30 ranks a 500-paper listing against a 30-paper library, small enough for the
// word-vector view (semanticMaxLib), which the 5,000-paper library leaves off.
func BenchmarkRank500Against30(b *testing.B) { benchRank(b, 30, 500) }

// libraryOf is an index of n synthetic saved papers.
func libraryOf(n int) *rank.Index {
	ix := rank.NewIndex()
	for _, p := range synthetic(n, 1) {
		ix.Add(p)
	}
	return ix
}

func benchRank(b *testing.B, library, listing int) {
	ix := libraryOf(library)
	papers := synthetic(listing, 2)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if got := ix.Rank(papers); len(got) != listing {
			b.Fatal(len(got))
		}
	}
}

// BenchmarkAddOne updates a 5,000-paper index with one saved paper (goal ≤ 5 ms in wasm).
func BenchmarkAddOne(b *testing.B) {
	ix := libraryOf(5000)
	extra := synthetic(1000, 3)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := extra[i%len(extra)]
		ix.Add(p)
		if i%len(extra) == len(extra)-1 {
			b.StopTimer()
			for _, q := range extra {
				ix.Remove(q.ID)
			}
			b.StartTimer()
		}
	}
}
