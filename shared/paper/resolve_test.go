package paper_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/shared/paper"
)

func TestResolve(t *testing.T) {
	arxiv := func(id, version string, pdf bool) paper.Resolved { return paper.ArxivResolved(id, version, pdf) }
	site := func(site string, r paper.Resolved) paper.Resolved {
		r.Site = site
		return r
	}
	crossref := func(doi string, pdf bool) paper.Resolved { return site("biorxiv", paper.DOIResolved(doi, pdf)) }
	page := func(site, landing string, pdf bool) paper.Resolved {
		return paper.Resolved{Site: site, PDF: pdf, Source: paper.SourcePage, MetadataURL: landing, Landing: landing}
	}
	acl := func(id string, pdf bool) paper.Resolved {
		r := page("acl", "https://aclanthology.org/"+id+"/", pdf)
		r.ID = "acl:" + id
		return r
	}
	openreview := func(id string, pdf bool) paper.Resolved {
		return paper.Resolved{
			ID: "openreview:" + id, Site: "openreview", PDF: pdf, Source: paper.SourceOpenReviewAPI,
			MetadataURL: "https://api2.openreview.net/notes?id=" + id, Landing: "https://openreview.net/forum?id=" + id,
		}
	}
	doiRes := func(doi string, pdf bool) paper.Resolved {
		return paper.Resolved{
			ID: "doi:" + doi, Site: "doi", PDF: pdf, Source: paper.SourceCrossref,
			MetadataURL: "https://api.crossref.org/works/" + doi, Landing: "https://doi.org/" + doi,
		}
	}
	tests := []struct {
		url  string
		want paper.Resolved
	}{
		// arXiv: abs, pdf with and without version and .pdf, the HTML view, export, old-style IDs, mirrors
		{"https://arxiv.org/abs/1706.03762", arxiv("1706.03762", "", false)},
		{"https://arxiv.org/abs/1706.03762v7", arxiv("1706.03762", "v7", false)},
		{"https://arxiv.org/pdf/1706.03762v7", arxiv("1706.03762", "v7", true)},
		{"https://arxiv.org/pdf/1706.03762", arxiv("1706.03762", "", true)},
		{"https://arxiv.org/pdf/1706.03762v5.pdf", arxiv("1706.03762", "v5", true)},
		{"https://arxiv.org/pdf/1706.03762.pdf", arxiv("1706.03762", "", true)},
		{"https://arxiv.org/html/2402.17764v1", arxiv("2402.17764", "v1", false)},
		{"https://arxiv.org/html/2402.17764v1/#S3", arxiv("2402.17764", "v1", false)},
		{"http://export.arxiv.org/abs/2402.17764", arxiv("2402.17764", "", false)},
		{"https://export.arxiv.org/pdf/2402.17764v2", arxiv("2402.17764", "v2", true)},
		{"https://www.arxiv.org/abs/2402.17764", arxiv("2402.17764", "", false)},
		{"https://arxiv.org/abs/hep-th/9711200", arxiv("hep-th/9711200", "", false)},
		{"https://arxiv.org/pdf/hep-th/9711200v3", arxiv("hep-th/9711200", "v3", true)},
		{"https://arxiv.org/abs/math.GT/0309136", arxiv("math/0309136", "", false)},
		{"https://arxiv.org/abs/0704.0001", arxiv("0704.0001", "", false)},
		{"https://www.alphaxiv.org/abs/2402.17764", arxiv("2402.17764", "", false)},
		{"https://www.alphaxiv.org/overview/2402.17764v2", arxiv("2402.17764", "v2", false)},
		{"https://huggingface.co/papers/2402.17764", arxiv("2402.17764", "", false)},
		// OpenReview
		{"https://openreview.net/forum?id=YicbFdNTTy", openreview("YicbFdNTTy", false)},
		{"https://openreview.net/pdf?id=YicbFdNTTy", openreview("YicbFdNTTy", true)},
		// ACL Anthology: ID.pdf and ID/, new and old IDs, the old aclweb.org paths
		{"https://aclanthology.org/2023.acl-long.1.pdf", acl("2023.acl-long.1", true)},
		{"https://aclanthology.org/2023.acl-long.1/", acl("2023.acl-long.1", false)},
		{"https://aclanthology.org/N19-1423.pdf", acl("N19-1423", true)},
		{"https://aclanthology.org/N19-1423/", acl("N19-1423", false)},
		{"https://www.aclweb.org/anthology/P19-1001.pdf", acl("P19-1001", true)},
		// CVF open access: the PDF's HTML page is its sibling
		{"https://openaccess.thecvf.com/content/CVPR2023/papers/Kirillov_Segment_Anything_ICCV_2023_paper.pdf",
			page("cvf", "https://openaccess.thecvf.com/content/CVPR2023/html/Kirillov_Segment_Anything_ICCV_2023_paper.html", true)},
		{"https://openaccess.thecvf.com/content_cvpr_2016/papers/He_Deep_Residual_Learning_CVPR_2016_paper.pdf",
			page("cvf", "https://openaccess.thecvf.com/content_cvpr_2016/html/He_Deep_Residual_Learning_CVPR_2016_paper.html", true)},
		{"https://openaccess.thecvf.com/content/ICCV2023/html/Kirillov_Segment_Anything_ICCV_2023_paper.html",
			page("cvf", "https://openaccess.thecvf.com/content/ICCV2023/html/Kirillov_Segment_Anything_ICCV_2023_paper.html", false)},
		// PMLR
		{"https://proceedings.mlr.press/v202/kirchenbauer23a/kirchenbauer23a.pdf",
			page("pmlr", "https://proceedings.mlr.press/v202/kirchenbauer23a.html", true)},
		{"http://proceedings.mlr.press/v37/ioffe15.pdf", paper.Resolved{}},
		{"http://proceedings.mlr.press/v37/ioffe15/ioffe15.pdf", page("pmlr", "https://proceedings.mlr.press/v37/ioffe15.html", true)},
		{"https://proceedings.mlr.press/v202/kirchenbauer23a.html",
			page("pmlr", "https://proceedings.mlr.press/v202/kirchenbauer23a.html", false)},
		// NeurIPS: …-Paper(-Conference).pdf ↔ …-Abstract(-Conference).html
		{"https://proceedings.neurips.cc/paper_files/paper/2017/file/3f5ee243547dee91fbd053c1c4a845aa-Paper.pdf",
			page("neurips", "https://proceedings.neurips.cc/paper_files/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html", true)},
		{"https://proceedings.neurips.cc/paper_files/paper/2023/file/91f18a1287b398d378ef22505bf41832-Paper-Conference.pdf",
			page("neurips", "https://proceedings.neurips.cc/paper_files/paper/2023/hash/91f18a1287b398d378ef22505bf41832-Abstract-Conference.html", true)},
		{"https://papers.nips.cc/paper/2017/file/3f5ee243547dee91fbd053c1c4a845aa-Paper.pdf",
			page("neurips", "https://papers.nips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html", true)},
		{"https://papers.nips.cc/paper_files/paper/2022/file/b1efde53be364a73914f58805a001731-Paper-Datasets_and_Benchmarks.pdf",
			page("neurips", "https://papers.nips.cc/paper_files/paper/2022/hash/b1efde53be364a73914f58805a001731-Abstract-Datasets_and_Benchmarks.html", true)},
		// bioRxiv / medRxiv
		{"https://www.biorxiv.org/content/10.1101/2023.01.02.522501v1.full.pdf", crossref("10.1101/2023.01.02.522501", true)},
		{"https://www.biorxiv.org/content/10.1101/2023.01.02.522501v2", crossref("10.1101/2023.01.02.522501", false)},
		{"https://www.medrxiv.org/content/10.1101/2020.03.17.20037713v1.full.pdf", crossref("10.1101/2020.03.17.20037713", true)},
		// DOIs in paths and queries
		{"https://dl.acm.org/doi/pdf/10.1145/3580305.3599256", doiRes("10.1145/3580305.3599256", true)},
		{"https://dl.acm.org/doi/10.1145/3580305.3599256", doiRes("10.1145/3580305.3599256", false)},
		{"https://link.springer.com/content/pdf/10.1007/978-3-031-19775-8_1.pdf", doiRes("10.1007/978-3-031-19775-8_1", true)},
		{"https://link.springer.com/article/10.1007/s11263-015-0816-y", doiRes("10.1007/s11263-015-0816-y", false)},
		{"https://onlinelibrary.wiley.com/doi/pdf/10.1002/zaac.200700576", doiRes("10.1002/zaac.200700576", true)},
		{"https://onlinelibrary.wiley.com/doi/epdf/10.1002/zaac.200700576", doiRes("10.1002/zaac.200700576", true)},
		{"https://www.nature.com/articles/s41586-021-03819-2.pdf", site("nature", doiRes("10.1038/s41586-021-03819-2", true))},
		{"https://www.nature.com/articles/s41586-021-03819-2", site("nature", doiRes("10.1038/s41586-021-03819-2", false))},
		{"https://www.frontiersin.org/articles/10.3389/fpsyg.2013.00479/pdf", doiRes("10.3389/fpsyg.2013.00479", true)},
		{"https://www.frontiersin.org/journals/psychology/articles/10.3389/fpsyg.2013.00479/full", doiRes("10.3389/fpsyg.2013.00479", false)},
		{"https://journals.plos.org/plosone/article/file?id=10.1371/journal.pone.0000001&type=printable", doiRes("10.1371/journal.pone.0000001", true)},
		{"https://pubs.aip.org/aip/apl/article-pdf/doi/10.1063/1.3558920/14444561/082505_1_online.pdf", site("aip", doiRes("10.1063/1.3558920", true))},
		{"https://pubs.aip.org/aip/apl/article/98/8/082505/340311/Atomic-structure", paper.Resolved{}},
		{"https://www.science.org/doi/pdf/10.1126/science.aar6404", doiRes("10.1126/science.aar6404", true)},
		{"https://doi.org/10.1109/DSDE.2010.49", doiRes("10.1109/dsde.2010.49", false)},
		// DOIs of arXiv and ACL papers resolve to those IDs and sources
		{"https://doi.org/10.48550/arXiv.1706.03762", site("doi", arxiv("1706.03762", "", false))},
		{"https://doi.org/10.18653/v1/N19-1423", site("doi", acl("N19-1423", false))},
		// no paper in the URL
		{"https://arxiv.org/list/cs.CL/new", paper.Resolved{}},
		{"https://huggingface.co/papers", paper.Resolved{}},
		{"https://openreview.net/group?id=ICLR.cc/2024/Conference", paper.Resolved{}},
		{"https://example.org/files/paper.pdf", paper.Resolved{}},
		{"ftp://arxiv.org/pdf/1706.03762", paper.Resolved{}},
		{"not a url", paper.Resolved{}},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			got, ok := paper.Resolve(tt.url)
			assert.Equal(t, tt.want != paper.Resolved{}, ok)
			assert.Equal(t, tt.want, got)
			if got.ID != "" {
				_, err := paper.ParseID(got.ID)
				assert.NoError(t, err, "a resolved ID is canonical")
			}
		})
	}
}
