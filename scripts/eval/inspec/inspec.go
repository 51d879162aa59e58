// Package inspec loads the Inspec keyphrase benchmark (Hulth 2003) and scores ranked key phrases with
// the protocol of the keyphrase literature: lower-case, Porter-stem every word of predicted and gold
// phrases, match exactly after stemming, drop predictions that repeat an earlier one after stemming;
// per document P@k = correct / min(k, returned) and R@k = correct / all gold phrases (those absent from
// the text included); F1 averaged over documents, and also from precision and recall pooled over the
// corpus (PromptRank's convention).
package inspec

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"unicode"

	"github.com/papergist/papergist/wasm/summarize/porter"
)

// Doc is one Inspec abstract with its gold key phrases (the uncontrolled, author-style set).
type Doc struct {
	ID         string   `json:"paper_id"`
	Title      string   `json:"title"`
	Abstract   string   `json:"abstract"`
	KeyPhrases []string `json:"keyphrases"`
}

// Load reads one JSON-lines split.
func Load(path string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []Doc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var d Doc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: no documents", path)
	}
	return docs, nil
}

// Normalize lower-cases a phrase, splits it into words at every character that is not a letter or
// digit, and Porter-stems each word: "Neural Networks" and "neural-network" both give "neural network".
func Normalize(phrase string) string {
	words := strings.FieldsFunc(strings.ToLower(phrase), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i, w := range words {
		words[i] = porter.Stem(w)
	}
	return strings.Join(words, " ")
}

// Result is the score of one system at one cut-off, ×100.
type Result struct {
	K                    int
	P, R, F1             float64 // per-document means (F1 is the mean of per-document F1)
	PooledP, PooledR     float64
	PooledF1             float64
	Docs, Returned, Gold int
}

// Score scores preds[i], the ranked phrases for docs[i], at cut-off k.
func Score(docs []Doc, preds [][]string, k int) Result {
	res := Result{K: k, Docs: len(docs)}
	var correctAll, returnedAll int
	for i, d := range docs {
		gold := map[string]bool{}
		for _, g := range d.KeyPhrases {
			if n := Normalize(g); n != "" {
				gold[n] = true
			}
		}
		top := Dedup(preds[i])
		if len(top) > k {
			top = top[:k]
		}
		correct := 0
		for _, p := range top {
			if gold[p] {
				correct++
			}
		}
		var p, r, f float64
		if len(top) > 0 {
			p = float64(correct) / float64(len(top))
		}
		if len(gold) > 0 {
			r = float64(correct) / float64(len(gold))
		}
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		res.P += p
		res.R += r
		res.F1 += f
		correctAll += correct
		returnedAll += len(top)
		res.Returned += len(top)
		res.Gold += len(gold)
	}
	n := float64(len(docs))
	res.P, res.R, res.F1 = 100*res.P/n, 100*res.R/n, 100*res.F1/n
	if returnedAll > 0 {
		res.PooledP = 100 * float64(correctAll) / float64(returnedAll)
	}
	if res.Gold > 0 {
		res.PooledR = 100 * float64(correctAll) / float64(res.Gold)
	}
	if res.PooledP+res.PooledR > 0 {
		res.PooledF1 = 2 * res.PooledP * res.PooledR / (res.PooledP + res.PooledR)
	}
	return res
}

// Dedup normalizes a ranked list and drops empty phrases and repeats after stemming, keeping the order.
func Dedup(phrases []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range phrases {
		n := Normalize(p)
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, n)
	}
	return out
}
