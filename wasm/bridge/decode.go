package bridge

import (
	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/internal/jsontree"
	"github.com/papergist/papergist/wasm/rank"
)

// The host's JSON requests are read with jsontree rather than encoding/json: one json.Unmarshal call in the
// listing wasm adds about 110 KB gzipped (package jsontree). The readers follow the types' json tags with json.Unmarshal's rules (the
// tests decode the same documents both ways): keys in any case, null leaves a field, and a value of the wrong
// type is an error. A field added to paper.Paper, rank.Paper or LibraryRequest is not read until a case is
// added here: TestDecodeReadsEveryFieldMarshalWrites fills every field by reflection and fails on one missed.

// decodePapers reads a JSON array of papers into *papers, as json.Unmarshal(data, papers).
func decodePapers(data string, papers *[]paper.Paper) error {
	v, err := jsontree.ParseOrdered(data)
	if err != nil {
		return err
	}
	return jsontree.Slice(v, papers, readPaper)
}

func readPaper(v any, p *paper.Paper) error {
	return jsontree.Fields(v, func(k string, v any) error {
		switch jsontree.FoldKey(k) {
		case "ID":
			return jsontree.String(v, &p.ID)
		case "VERSION":
			return jsontree.String(v, &p.Version)
		case "TITLE":
			return jsontree.String(v, &p.Title)
		case "AUTHORS":
			return jsontree.Strings(v, &p.Authors)
		case "ABSTRACT":
			return jsontree.String(v, &p.Abstract)
		case "URL":
			return jsontree.String(v, &p.URL)
		case "PDF_URL":
			return jsontree.String(v, &p.PDFURL)
		case "PUBLISHED":
			return jsontree.String(v, &p.Published)
		case "VENUE":
			return jsontree.String(v, &p.Venue)
		case "CATEGORIES":
			return jsontree.Strings(v, &p.Categories)
		case "ARXIV_ID":
			return jsontree.String(v, &p.ArxivID)
		case "DOI":
			return jsontree.String(v, &p.DOI)
		case "LOCATOR":
			return jsontree.Fields(v, func(k string, v any) error {
				switch jsontree.FoldKey(k) {
				case "HREF":
					return jsontree.String(v, &p.Locator.Href)
				case "SELECTOR":
					return jsontree.String(v, &p.Locator.Selector)
				case "LINK":
					return jsontree.Int(v, &p.Locator.Link)
				}
				return nil
			})
		}
		return nil
	})
}

// decodeLibraryRequest reads a LibraryRequest into *req, as json.Unmarshal(data, req).
func decodeLibraryRequest(data string, req *LibraryRequest) error {
	v, err := jsontree.ParseOrdered(data)
	if err != nil {
		return err
	}
	return jsontree.Fields(v, func(k string, v any) error {
		switch jsontree.FoldKey(k) {
		case "RESET":
			return jsontree.Bool(v, &req.Reset)
		case "ADD":
			return jsontree.Slice(v, &req.Add, readRankPaper)
		case "REMOVE":
			return jsontree.Strings(v, &req.Remove)
		case "LOADED":
			return jsontree.Bool(v, &req.Loaded)
		}
		return nil
	})
}

func readRankPaper(v any, p *rank.Paper) error {
	return jsontree.Fields(v, func(k string, v any) error {
		switch jsontree.FoldKey(k) {
		case "PAPER_ID":
			return jsontree.String(v, &p.ID)
		case "TITLE":
			return jsontree.String(v, &p.Title)
		case "ABSTRACT":
			return jsontree.String(v, &p.Abstract)
		case "KEYPHRASES":
			return jsontree.Strings(v, &p.KeyPhrases)
		case "TAGS":
			return jsontree.Strings(v, &p.Tags)
		}
		return nil
	})
}
