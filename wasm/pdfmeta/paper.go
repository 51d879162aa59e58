package pdfmeta

import (
	"errors"
	"regexp"
	"strings"

	"github.com/papergist/papergist/shared/paper"
)

// ErrNoTitle is returned by Paper for a first page on which no title could be found.
var ErrNoTitle = errors.New("no title found on the first page of this PDF")

// fileNameRe matches document titles that are file names ("OECS12_abstract_Muller1", "paper.dvi").
var fileNameRe = regexp.MustCompile(`(?i)\.(pdf|docx?|dvi|tex|ps)$|^[^ ]*_[^ ]*$|^[^ ]+$`)

// Paper is the paper a PDF at pdfURL is, from its URL and first page, without any network: the canonical
// ID is the arXiv ID where the URL or the page names one (it wins over a DOI, as everywhere), else the ID the
// URL names (OpenReview, ACL, a DOI in the path), else the DOI printed on the page, else the ID of the landing
// page the URL maps to (CVF, PMLR, NeurIPS), else url: of the PDF itself.
func Paper(h Header, pdfURL string) (paper.Paper, error) {
	res, resolved := paper.Resolve(pdfURL)
	p := paper.Paper{
		Title: h.Title, Authors: append([]string{}, h.Authors...), Abstract: h.Abstract,
		URL: pdfURL, PDFURL: pdfURL, ArxivID: h.ArxivID, Version: h.Version, DOI: h.DOI,
	}
	if p.Title == "" && !fileNameRe.MatchString(strings.TrimSpace(h.MetaTitle)) {
		p.Title = h.MetaTitle
	}
	if resolved && res.Landing != "" {
		p.URL = res.Landing
	}
	switch {
	case p.ArxivID != "":
		p.ID = paper.ArxivPrefix + p.ArxivID
		if res.ID != p.ID {
			p.URL = "https://arxiv.org/abs/" + p.ArxivID
		} else if p.Version == "" {
			p.Version = res.Version
		}
	case resolved && res.ID != "":
		p.ID = res.ID
		if a, ok := strings.CutPrefix(res.ID, paper.ArxivPrefix); ok {
			p.ArxivID, p.Version = a, res.Version
		}
	case p.DOI != "":
		p.ID = paper.IDFromDOI(p.DOI)
	case resolved && res.Landing != "":
		p.ID = paper.IDFromURL(res.Landing)
	default:
		p.ID = paper.IDFromURL(pdfURL)
	}
	p.Normalize()
	if strings.TrimSpace(p.Title) == "" {
		return p, ErrNoTitle
	}
	return p, p.Validate()
}
