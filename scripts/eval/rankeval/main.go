// Command rankeval scores the For-you ranker (wasm/rank) on the CiteULike cases in
// ../shared/eval/citeulike: for each user, 80% of their library is saved, and the other 20% hide among about
// 200 random papers of the listing. It prints nDCG@10 and MAP averaged over users, for papergist and for two
// peers run in the same harness on the same titles: the TF-IDF centroid of the library, and
// arxiv-sanity-lite's method (one linear SVM, library positive, listing negative, TF-IDF of unigrams and
// bigrams). CiteULike-a (Wang & Blei 2011; Wang, Chen & Li 2013) is used for evaluation only and is never
// copied into the repository.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"

	"github.com/papergist/papergist/wasm/rank"
)

func main() {
	dir := flag.String("data", "../../../shared/eval/citeulike", "folder with items.jsonl and cases.jsonl")
	flag.Parse()
	if err := run(*dir, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "rankeval:", err)
		os.Exit(1)
	}
}

// Case is one user: the saved papers, the listing to rank, and which listing papers are the user's own.
type Case struct {
	User     int      `json:"user"`
	Library  []string `json:"library"`
	Listing  []string `json:"listing"`
	Relevant []string `json:"relevant"`
}

// Ranker orders a listing (IDs best first) given the library; titles maps IDs to titles.
type Ranker struct {
	Name string
	Rank func(library, listing []string, titles map[string]string) []string
}

func run(dir string, out io.Writer) error {
	titles, err := loadTitles(filepath.Join(dir, "items.jsonl"))
	if err != nil {
		return err
	}
	cases, err := loadCases(filepath.Join(dir, "cases.jsonl"))
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "CiteULike (titles only): %d users, %d papers; nDCG@10 and MAP averaged over users\n\n", len(cases), len(titles))
	fmt.Fprintf(out, "%-46s %8s %8s\n", "system", "nDCG@10", "MAP")
	for _, r := range Rankers() {
		ndcg, ap := Evaluate(r, cases, titles)
		fmt.Fprintf(out, "%-46s %8.3f %8.3f\n", r.Name, ndcg, ap)
	}
	// Settings are chosen on the even-numbered cases (half A); the odd ones (half B) check them.
	var half [2][]Case
	for i, c := range cases {
		half[i%2] = append(half[i%2], c)
	}
	for i, name := range []string{"papergist, half A (even cases: tuning)", "papergist, half B (odd cases: check)"} {
		ndcg, ap := Evaluate(Rankers()[0], half[i], titles)
		fmt.Fprintf(out, "%-46s %8.3f %8.3f\n", name, ndcg, ap)
	}
	return nil
}

// Rankers are papergist and its two peers.
func Rankers() []Ranker {
	return []Ranker{
		{"papergist (wasm/rank)", papergist},
		{"TF-IDF centroid", centroid},
		{"arxiv-sanity-lite (linear SVM, TF-IDF 1-2 grams)", svmRank},
	}
}

// Evaluate averages nDCG@10 and average precision over the cases.
func Evaluate(r Ranker, cases []Case, titles map[string]string) (ndcg, ap float64) {
	for _, c := range cases {
		got := r.Rank(c.Library, c.Listing, titles)
		rel := map[string]bool{}
		for _, id := range c.Relevant {
			rel[id] = true
		}
		ndcg += NDCG(got, rel, 10)
		ap += AveragePrecision(got, rel)
	}
	n := float64(len(cases))
	return ndcg / n, ap / n
}

// NDCG is binary-relevance nDCG at k: DCG of the ranking over the DCG of the ideal one.
func NDCG(ranked []string, rel map[string]bool, k int) float64 {
	dcg, ideal := 0.0, 0.0
	for i := 0; i < k && i < len(ranked); i++ {
		if rel[ranked[i]] {
			dcg += 1 / math.Log2(float64(i+2))
		}
	}
	for i := 0; i < k && i < len(rel); i++ {
		ideal += 1 / math.Log2(float64(i+2))
	}
	if ideal == 0 {
		return 0
	}
	return dcg / ideal
}

// AveragePrecision is the mean of the precision at the rank of each relevant paper (0 for one never ranked).
func AveragePrecision(ranked []string, rel map[string]bool) float64 {
	if len(rel) == 0 {
		return 0
	}
	hits, sum := 0, 0.0
	for i, id := range ranked {
		if rel[id] {
			hits++
			sum += float64(hits) / float64(i+1)
		}
	}
	return sum / float64(len(rel))
}

func papergist(library, listing []string, titles map[string]string) []string {
	ix := rank.NewIndex()
	for _, id := range library {
		ix.Add(rank.Paper{ID: id, Title: titles[id]})
	}
	ps := make([]rank.Paper, len(listing))
	for i, id := range listing {
		ps[i] = rank.Paper{ID: id, Title: titles[id]}
	}
	var ids []string
	for _, s := range ix.Rank(ps) {
		ids = append(ids, s.ID)
	}
	return ids
}

// byScore returns the listing ordered by score, best first, ties in listing order.
func byScore(listing []string, score []float64) []string {
	idx := make([]int, len(listing))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return score[idx[a]] > score[idx[b]] })
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = listing[j]
	}
	return out
}

func loadTitles(path string) (map[string]string, error) {
	titles := map[string]string{}
	err := readLines(path, func(line []byte) error {
		var it struct {
			ID    string `json:"paper_id"`
			Title string `json:"title"`
		}
		if err := json.Unmarshal(line, &it); err != nil {
			return err
		}
		titles[it.ID] = it.Title
		return nil
	})
	return titles, err
}

func loadCases(path string) ([]Case, error) {
	var cases []Case
	err := readLines(path, func(line []byte) error {
		var c Case
		if err := json.Unmarshal(line, &c); err != nil {
			return err
		}
		cases = append(cases, c)
		return nil
	})
	return cases, err
}

func readLines(path string, each func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open CiteULike data (the team folder ../shared beside the repository): %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		if err := each(sc.Bytes()); err != nil {
			return fmt.Errorf("%s line %d: %w", path, n, err)
		}
	}
	return sc.Err()
}
