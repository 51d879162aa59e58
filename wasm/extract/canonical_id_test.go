package extract_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/extract"
)

// TestOnePaperOneIDAcrossSites shows one paper as each site shows it: every page must give it the same
// canonical ID, or saving it from two sites would store it twice.
func TestOnePaperOneIDAcrossSites(t *testing.T) {
	const title = "A Shared Paper"
	hfCard := `<html><body><main><article><h3><a href="/papers/%s">` + title + `</a></h3></article></main></body></html>`
	hfPage := `<html><head><title>Paper page - ` + title + `</title></head><body><main><section><div class="container">
		<h1>` + title + `</h1><a href="https://arxiv.org/abs/%s" class="btn">View arXiv page</a></div></section></main></body></html>`
	arxivList := `<html><body><dl id="articles"><dt><a name="item1">[1]</a>
		<a href="/abs/%s" title="Abstract" id="x">arXiv:%s</a></dt>
		<dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> ` + title + `</div>
		<div class="list-authors"><a href="/a/ada_l_1">Ada Lovelace</a></div></div></dd></dl></body></html>`
	absMeta := `<html><head><meta name="citation_title" content="` + title + `"><meta name="citation_arxiv_id" content="%s">
		</head><body></body></html>`
	publisher := `<html><head><meta name="citation_title" content="` + title + `">
		<meta name="citation_doi" content="%s"></head><body><h1>` + title + `</h1></body></html>`

	tests := []struct {
		name, url, page, want string
	}{
		{"HF listing card", "https://huggingface.co/papers/week/2025-W03", fmt.Sprintf(hfCard, "2501.10120"), "arxiv:2501.10120"},
		{"HF listing card, versioned", "https://huggingface.co/papers/week/2025-W03", fmt.Sprintf(hfCard, "2501.10120v2"), "arxiv:2501.10120"},
		{"HF paper page", "https://huggingface.co/papers/2501.10120", fmt.Sprintf(hfPage, "2501.10120"), "arxiv:2501.10120"},
		{"arXiv listing", "https://arxiv.org/list/cs.LG/new", fmt.Sprintf(arxivList, "2501.10120", "2501.10120"), "arxiv:2501.10120"},
		{"arXiv abs page", "https://arxiv.org/abs/2501.10120v3", fmt.Sprintf(absMeta, "2501.10120v3"), "arxiv:2501.10120"},
		{"arXiv DOI on a publisher page", "https://example.org/article/1", fmt.Sprintf(publisher, "10.48550/arXiv.2501.10120"), "arxiv:2501.10120"},
		{"old-style arXiv listing", "https://arxiv.org/list/hep-th/recent", fmt.Sprintf(arxivList, "hep-th/9901001", "hep-th/9901001"), "arxiv:hep-th/9901001"},
		{"old-style abs page with subject class", "https://arxiv.org/abs/math.GT/0309136v2", fmt.Sprintf(absMeta, "math.GT/0309136v2"), "arxiv:math/0309136"},
		{"old-style arXiv DOI", "https://example.org/article/2", fmt.Sprintf(publisher, "10.48550/arXiv.hep-th/9901001"), "arxiv:hep-th/9901001"},
		{"DOI lower-cased", "https://example.org/article/3", fmt.Sprintf(publisher, "10.1371/journal.PONE.0000001"), "doi:10.1371/journal.pone.0000001"},
		{"ACL DOI", "https://example.org/article/4", fmt.Sprintf(publisher, "10.18653/v1/2021.naacl-main.208"), "acl:2021.naacl-main.208"},
		{"2014 ACL DOI", "https://example.org/article/5", fmt.Sprintf(publisher, "10.3115/v1/P14-1001"), "acl:P14-1001"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := extract.Extract([]byte(tt.page), tt.url)
			require.NoError(t, err)
			require.Len(t, res.Papers, 1, "site %s", res.Site)
			assert.Equal(t, tt.want, res.Papers[0].ID, "site %s", res.Site)
		})
	}
}
