package paper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/shared/paper"
)

func TestParseArxiv(t *testing.T) {
	tests := []struct {
		in, id, version string
		ok              bool
	}{
		{"2401.12345", "2401.12345", "", true},
		{"2401.12345v3", "2401.12345", "v3", true},
		{"arXiv:1706.03762v7", "1706.03762", "v7", true},
		{"0704.0001", "0704.0001", "", true},
		{"hep-th/9901001", "hep-th/9901001", "", true},
		{"math.GT/0309136v2", "math/0309136", "v2", true},
		{"https://arxiv.org/abs/1706.03762v7", "1706.03762", "v7", true},
		{"https://arxiv.org/pdf/1706.03762", "1706.03762", "", true},
		{"https://arxiv.org/pdf/1706.03762v2.pdf", "1706.03762", "v2", true},
		{"http://export.arxiv.org/abs/hep-th/9901001v1", "hep-th/9901001", "v1", true},
		{"https://arxiv.org/html/1706.03762v7", "1706.03762", "v7", true},
		{"https://doi.org/10.48550/arXiv.1706.03762", "1706.03762", "", true},
		{"10.48550/ARXIV.2401.12345", "2401.12345", "", true},
		{"https://example.org/abs/1706.03762", "", "", false},
		{"1706.0376", "", "", false},
		{"", "", "", false},
		{"10.1063/1.4944470", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			id, v, ok := paper.ParseArxiv(tt.in)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.id, id)
			assert.Equal(t, tt.version, v)
		})
	}
}

func TestNormalizeDOI(t *testing.T) {
	for _, in := range []string{
		"10.1371/journal.pone.0000001",
		"doi:10.1371/journal.PONE.0000001",
		"https://doi.org/10.1371/journal.pone.0000001",
		"http://dx.doi.org/10.1371/journal.pone.0000001",
		"https://doi.org/10.1371%2Fjournal.pone.0000001",
		"info:doi/10.1371/journal.pone.0000001.",
		"  DOI:10.1371/JOURNAL.PONE.0000001 ",
	} {
		got, err := paper.NormalizeDOI(in)
		require.NoError(t, err, in)
		assert.Equal(t, "10.1371/journal.pone.0000001", got, in)
	}
	_, err := paper.NormalizeDOI("11.1234/x")
	assert.Error(t, err)
	_, err = paper.NormalizeDOI("10.12/x")
	assert.Error(t, err)
}

func TestIDFromURL(t *testing.T) {
	tests := []struct{ url, id string }{
		{"https://arxiv.org/abs/2401.12345v2", "arxiv:2401.12345"},
		{"https://huggingface.co/papers/2407.21783", "arxiv:2407.21783"},
		{"https://doi.org/10.48550/arXiv.1706.03762", "arxiv:1706.03762"},
		{"https://doi.org/10.18653/v1/2021.naacl-main.208", "acl:2021.naacl-main.208"},
		{"https://doi.org/10.3115/v1/P14-1001", "acl:P14-1001"},
		{"https://doi.org/10.3115/1073083.1073135", "doi:10.3115/1073083.1073135"},
		{"https://arxiv.org/abs/hep-th/9901001v2", "arxiv:hep-th/9901001"},
		{"https://arxiv.org/abs/math.GT/0309136", "arxiv:math/0309136"},
		{"https://doi.org/10.48550/arXiv.hep-th/9901001", "arxiv:hep-th/9901001"},
		{"https://arxiv.org/list/cs.LG/new", "url:https://arxiv.org/list/cs.LG/new"},
		{"https://aclanthology.org/2021.naacl-main.208/", "acl:2021.naacl-main.208"},
		{"https://aclanthology.org/2021.naacl-main.208.pdf", "acl:2021.naacl-main.208"},
		{"https://aclanthology.org/W19-4201/", "acl:W19-4201"},
		{"https://www.aclweb.org/anthology/P19-1001.pdf", "acl:P19-1001"},
		{"https://openreview.net/forum?id=rJ4km2R5t7", "openreview:rJ4km2R5t7"},
		{"https://openreview.net/pdf?id=rJ4km2R5t7", "openreview:rJ4km2R5t7"},
		{"https://www.semanticscholar.org/paper/What-s-in-a-Meow/d1de4343d4076843583ca5826f345be6cb5cd75c", "s2:d1de4343d4076843583ca5826f345be6cb5cd75c"},
		{"https://www.semanticscholar.org/CorpusID:229301837", "s2:229301837"},
		{"https://doi.org/10.1371/journal.pone.0000001", "doi:10.1371/journal.pone.0000001"},
		{"HTTPS://Journals.Example.COM:443/article/5?utm_source=x&b=2#top", "url:https://journals.example.com/article/5?b=2"},
		{"ftp://example.com/x", ""},
		{"/abs/1706.03762", ""},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			assert.Equal(t, tt.id, paper.IDFromURL(tt.url))
			if tt.id != "" {
				_, err := paper.ParseID(tt.id)
				assert.NoError(t, err)
			}
		})
	}
}

func TestParseIDRejects(t *testing.T) {
	for _, id := range []string{
		"", "arxiv:", "2401.12345", "arxiv:2401.12345v2", "arxiv:math.GT/0309136", "doi:10.1371/Journal",
		"acl:2021.NAACL-main.208", "openreview:a b", "s2:xyz", "url:https://EXAMPLE.com/", "url:/relative", "isbn:123",
		// A paper with a stronger ID never goes by a weaker one: these would be a second copy of it.
		"doi:10.48550/arxiv.1706.03762", "doi:10.18653/v1/2021.naacl-main.208", "doi:10.3115/v1/p14-1001",
		"url:https://arxiv.org/abs/1706.03762", "url:https://huggingface.co/papers/1706.03762",
		"url:https://aclanthology.org/2021.naacl-main.208/", "url:https://openreview.net/forum?id=rJ4km2R5t7",
	} {
		_, err := paper.ParseID(id)
		var perr *paper.Error
		assert.ErrorAs(t, err, &perr, id)
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Attention\n  Is All\tYou&nbsp;Need  ", "Attention Is All You Need"},
		{"Caf\\'e and Schr\\\"{o}dinger and {\\'E}cole", "Café and Schrödinger and École"},
		{"Gar\\c{c}on \\v{S}koda Ant\\'{\\i}a", "Garçon Škoda Antía"},
		{"\\emph{Fast} \\textbf{and} 50\\% cheaper: $O(n^2)$", "Fast and 50% cheaper: O(n²)"},
		{"What&#8217;s in a Meow?", "What’s in a Meow?"},
		{"zero\u200bwidth and soft\u00adhyphen", "zerowidth and softhyphen"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, paper.CleanText(tt.in), tt.in)
	}
	assert.Equal(t, "Skill Self-Play", paper.CleanTitle("Title:\n  Skill Self-Play"))
}

func TestDisplayName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Vaswani, Ashish", "Ashish Vaswani"},
		{"Le Scao, Teven", "Teven Le Scao"},
		{"King, Jr., Martin Luther", "Martin Luther King Jr."},
		{"John Jumper", "John Jumper"},
		{" Prato-Previde,  E. ", "E. Prato-Previde"},
		{"Smith, Jr.", "Smith Jr."},
		// A part is a suffix only as a whole: "Sr. II" is not one, so these read as before.
		{"Smith, Sr. II, John", "Smith, Sr. II, John"},
		{"Smith, Sr. II", "Sr. II Smith"},
		{"Smith, ii iii, John", "Smith, ii iii, John"},
		{",", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, paper.DisplayName(tt.in), tt.in)
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-08-01T00:00:00.000Z", "2024-08-01"},
		{"2017/06/12", "2017-06-12"},
		{"Mon, 27 Jul 2026", "2026-07-27"},
		{"12 Jun 2017", "2017-06-12"},
		{"June 2021", "2021-06"},
		{"2009", "2009"},
		{"sometime", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, paper.NormalizeDate(tt.in), tt.in)
	}
}

func TestNormalizeAndValidate(t *testing.T) {
	p := paper.Paper{
		Title:      "  Attention Is\nAll You Need ",
		Authors:    []string{"Vaswani, Ashish", " ", "Shazeer, Noam"},
		URL:        "https://arxiv.org/abs/1706.03762v7",
		DOI:        "https://doi.org/10.48550/arXiv.1706.03762",
		ArxivID:    "1706.03762v7",
		Abstract:   "The dominant   sequence transduction models",
		Published:  "12 Jun 2017",
		Categories: []string{"cs.CL", "cs.LG", "cs.CL", ""},
	}
	p.Normalize()
	require.NoError(t, p.Validate())
	assert.Equal(t, paper.Paper{
		ID:         "arxiv:1706.03762",
		Version:    "v7",
		Title:      "Attention Is All You Need",
		Authors:    []string{"Ashish Vaswani", "Noam Shazeer"},
		Abstract:   "The dominant sequence transduction models",
		URL:        "https://arxiv.org/abs/1706.03762v7",
		Published:  "2017-06-12",
		Categories: []string{"cs.CL", "cs.LG"},
		ArxivID:    "1706.03762",
		DOI:        "10.48550/arxiv.1706.03762",
	}, p)

	acl := paper.Paper{Title: "How many data points is a prompt worth?", DOI: "10.18653/v1/2021.naacl-main.208",
		URL: "https://aclanthology.org/2021.naacl-main.208/"}
	acl.Normalize()
	assert.Equal(t, "acl:2021.naacl-main.208", acl.ID)

	bad := []paper.Paper{
		{ID: "arxiv:1706.03762", URL: "https://arxiv.org/abs/1706.03762"},
		{ID: "arxiv:1706.03762", Title: "T", URL: "arxiv.org/abs/1706.03762"},
		{ID: "arxiv:1706.03762", Title: "T", URL: "https://arxiv.org/", PDFURL: "javascript:alert(1)"},
		{ID: "arxiv:1706.03762", Title: "T", URL: "https://arxiv.org/", Published: "2017-13-01"},
		{ID: "arxiv:1706.03762", Title: "T", URL: "https://arxiv.org/", Authors: []string{""}},
		{ID: "nope", Title: "T", URL: "https://arxiv.org/"},
	}
	for _, b := range bad {
		assert.Error(t, b.Validate(), "%+v", b)
	}
}

// TestParseIDCapsLengthAndQuotesShort: an ID over MaxIDLen is refused however well-formed, and no error message
// repeats a long input whole.
func TestParseIDCapsLengthAndQuotesShort(t *testing.T) {
	long := func(prefix string, n int) string { return prefix + strings.Repeat("a", n-len(prefix)) }
	ok := []string{long("openreview:", paper.MaxIDLen), long("url:https://example.org/", paper.MaxIDLen)}
	for _, id := range ok {
		got, err := paper.ParseID(id)
		require.NoError(t, err, "%d bytes", len(id))
		assert.Equal(t, id, got)
	}
	bad := []string{
		long("openreview:", paper.MaxIDLen+1), long("openreview:", 2<<20), long("url:https://example.org/", 1<<20),
		long("nonsense ", 1<<20), long("doi:10.1000/ ", 1<<20),
	}
	for _, id := range bad {
		_, err := paper.ParseID(id)
		require.Error(t, err, "%d bytes", len(id))
		assert.Less(t, len(err.Error()), 200, "the message names the input, cut: %.300s", err.Error())
	}
	assert.Equal(t, `"short"`, paper.Quote("short"))
	assert.Equal(t, `"`+strings.Repeat("é", 60)+`"… (1000 bytes)`, paper.Quote(strings.Repeat("é", 500)))
}
