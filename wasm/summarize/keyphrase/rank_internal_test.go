package keyphrase

import (
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/papergist/papergist/wasm/summarize/internal/scorer"
)

// shippedModel parses the summarizer's embedded key-phrase model, whose lexicon makes common words common.
func shippedModel(t *testing.T) *Model {
	t.Helper()
	data, err := os.ReadFile("../keyphrase.model")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// rankTexts are titles and abstracts of our own with bare common words, acronyms, capitals, plurals and
// phrases of one to six words.
var rankTexts = [][2]string{
	{"A Model of Learning for Data", "We propose a model. The model learns from data and DATA sets with a method, and the Method " +
		"beats CNN, RNNs and Transformer networks on image classification tasks. Results show the approach " +
		"and the framework generalize: a deep convolutional neural network language model training method."},
	{"NETWORK DESIGN FOR GRAPH DATA", "Graph neural networks (GNNs) learn representations. Our design uses " +
		"Gaussian noise, Model averaging and a learning rate schedule for the training of large language models."},
	{"", "Performance of the algorithm: the algorithm, algorithms and an Algorithm; analysis of performance."},
}

// eachCandidate calls f with every candidate of the titles and abstracts texts under m, and its features.
func eachCandidate(texts [][2]string, m *Model, f func(d *doc, c *cand, features *[NumFeatures]float64)) {
	for _, tt := range texts {
		d := scan(tt[0], tt[1], m)
		for i := range d.cands {
			var features [NumFeatures]float64
			d.features(&d.cands[i], &features)
			f(d, &d.cands[i], &features)
		}
		docs.Put(d)
	}
}

// TestBareCommonIsTheSingleCommonFeature checks doc.bareCommon, which RankDetailed asks before rating a
// candidate, against what it stands for: the fSingleCommon feature set by doc.features, and m.common of the
// word, on every candidate of rankTexts.
func TestBareCommonIsTheSingleCommonFeature(t *testing.T) {
	m := shippedModel(t)
	var yes, no int
	eachCandidate(rankTexts, m, func(d *doc, c *cand, f *[NumFeatures]float64) {
		want := f[fSingleCommon] == 1 && m.common(d.words[c.ids[0]].lex)
		if got := d.bareCommon(c, m); got != want {
			t.Errorf("bareCommon of %q = %v, the feature and m.common: %v", d.span(c.start, c.end), got, want)
		}
		if want {
			yes++
		} else {
			no++
		}
	})
	if yes < 5 || no < 20 {
		t.Fatalf("%d bare common candidates and %d others: too few to tell", yes, no)
	}
}

// TestFeaturesSetsEveryFeature checks that doc.features writes every feature, as RankDetailed reuses one
// array from candidate to candidate without clearing it: an array full of NaNs must come out as a cleared
// one does, after candidates of every length.
func TestFeaturesSetsEveryFeature(t *testing.T) {
	m := shippedModel(t)
	lengths := map[int]bool{}
	for _, tt := range rankTexts {
		d := scan(tt[0], tt[1], m)
		var reused [NumFeatures]float64
		for i := range d.cands {
			c := &d.cands[i]
			var fresh, dirty [NumFeatures]float64
			for k := range dirty {
				dirty[k] = math.NaN()
			}
			d.features(c, &fresh)
			d.features(c, &dirty)
			d.features(c, &reused)
			for k := range fresh {
				if math.Float64bits(dirty[k]) != math.Float64bits(fresh[k]) || math.Float64bits(reused[k]) != math.Float64bits(fresh[k]) {
					t.Fatalf("feature %s of %q: %v on a cleared array, %v on one of NaNs, %v reused", FeatureNames[k],
						d.span(c.start, c.end), fresh[k], dirty[k], reused[k])
				}
			}
			lengths[c.n] = true
		}
		docs.Put(d)
	}
	if len(lengths) < maxWords {
		t.Fatalf("candidates of %d lengths, want all %d", len(lengths), maxWords)
	}
}

// TestFormOf checks Model.formOf, which skips the lexicon for a word starting with an ASCII capital, against
// the lookup it stands for, on lower-case, capitalized, mixed-case, non-ASCII and empty words, with a
// lexicon that holds words beyond ASCII and one with a capital.
func TestFormOf(t *testing.T) {
	m := shippedModel(t)
	m.Lex["élan"] = &Word{DF: 3}
	m.Lex["über"] = &Word{DF: 3}
	m.Lex["Zeta"] = &Word{DF: 3} // no hasForm: lower-casing changes it
	m.Prepare()
	lookup := func(w string) *entry {
		if e := m.lexicon.get(w, scorer.WordHash(w)); e != nil && e.hasForm {
			return e
		}
		return nil
	}
	found := 0
	for _, w := range []string{"", "the", "The", "THE", "tHe", "model", "Model", "MODEL", "mODEL", "zzqxw", "Zzqxw",
		"élan", "Élan", "ÉLAN", "über", "Über", "Zeta", "zeta", "ZETA", "3d", "3D", "@", "[", "a", "A", "Z", "z"} {
		got, want := m.formOf(w, scorer.WordHash(w)), lookup(w)
		if got != want {
			t.Errorf("formOf(%q) = %p, the lexicon's form: %p", w, got, want)
		}
		if got != nil {
			found++
		}
	}
	if found < 4 { // the, model, élan, über, a
		t.Fatalf("formOf found %d words, want the lexicon's lower-case ones", found)
	}
}

// TestLowerAllocatesOnlyForAnUnknownWord checks Model.lower: a capitalized word of the model ("The",
// "Model") is looked up from a buffer on the stack and shares the model's string, no allocation; one the
// model does not know ("Zzqxw") costs one, for its lower-cased copy.
func TestLowerAllocatesOnlyForAnUnknownWord(t *testing.T) {
	m := shippedModel(t)
	for _, tc := range []struct {
		w      string
		allocs float64
	}{{"The", 0}, {"Model", 0}, {"MODEL", 0}, {"the", 0}, {"Zzqxw", 1}} {
		var lw string
		var e *entry
		if n := testing.AllocsPerRun(20, func() { lw, e = m.lower(tc.w) }); n != tc.allocs {
			t.Errorf("lower(%q) allocates %v times, want %v", tc.w, n, tc.allocs)
		}
		if want := m.entry(lw); tc.w != "the" && e != want {
			t.Errorf("lower(%q) = %q, %p; the model's entry of %[2]q is %p", tc.w, lw, e, want)
		}
	}
}

// TestScoreIsRateOfFeatures checks doc.score, which RankDetailed rates candidates with, against what it
// stands for: rate of the features doc.features sets, bit for bit, on every candidate of rankTexts and of a
// text with digits, hyphens and acronyms defined in brackets, under the shipped model and under random
// weights of both signs (so that no feature's weight is 0), with every feature set on some candidate.
func TestScoreIsRateOfFeatures(t *testing.T) {
	texts := append(rankTexts[:len(rankTexts):len(rankTexts)], [2]string{"Fine-Tuning BERT-Large on CIFAR-10",
		"We fine-tune BERT-Large and ResNet-50 on CIFAR-10. The fine-tuned models (FTMs) beat ResNet-50 models, " +
			"while 3D point clouds and multi-task learning methods that help remain hard."})
	shipped := shippedModel(t)
	random := shippedModel(t)
	rng := rand.New(rand.NewPCG(3, 4))
	for k := range random.Dense {
		random.Dense[k] = rng.NormFloat64()
	}
	var set [NumFeatures]bool
	checked := 0
	for _, m := range []*Model{shipped, random} {
		eachCandidate(texts, m, func(d *doc, c *cand, f *[NumFeatures]float64) {
			for k, x := range f {
				set[k] = set[k] || x != 0
			}
			if got, want := d.score(c, m), d.rate(c, f, m); math.Float64bits(got) != math.Float64bits(want) {
				t.Errorf("score of %q = %v, rate of its features %v", d.span(c.start, c.end), got, want)
			}
			checked++
		})
	}
	for k, ok := range set {
		if !ok {
			t.Errorf("feature %s is 0 on every candidate: its weight goes unchecked", FeatureNames[k])
		}
	}
	if checked < 100 {
		t.Fatalf("%d candidates checked, want 100 or more", checked)
	}
}
