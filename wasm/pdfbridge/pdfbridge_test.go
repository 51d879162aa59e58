package pdfbridge_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/pdfbridge"
	"github.com/papergist/papergist/wasm/pdfmeta/pdftest"
)

type envelope struct {
	OK    bool            `json:"ok"`
	Data  json.RawMessage `json:"data"`
	Error string          `json:"error"`
}

func decode(t *testing.T, s string) envelope {
	t.Helper()
	var e envelope
	require.NoError(t, json.Unmarshal([]byte(s), &e), s)
	return e
}

func TestResolve(t *testing.T) {
	e := decode(t, pdfbridge.Resolve("https://openreview.net/pdf?id=YicbFdNTTy"))
	require.True(t, e.OK)
	assert.JSONEq(t, `{"id":"openreview:YicbFdNTTy","site":"openreview","pdf":true,"source":"openreview-api",
		"metadata_url":"https://api2.openreview.net/notes?id=YicbFdNTTy","landing_url":"https://openreview.net/forum?id=YicbFdNTTy"}`, string(e.Data))
	e = decode(t, pdfbridge.Resolve("https://example.org/a.pdf"))
	assert.True(t, e.OK)
	assert.Empty(t, e.Data, "no data: the URL names no paper")
}

func TestReadPDF(t *testing.T) {
	data := pdftest.Paper(pdftest.Page{Header: "DOI: 10.1000/xyz123", Title: []string{"A Generated Paper"}, Authors: "Ada Lovelace"})
	e := decode(t, pdfbridge.ReadPDF(data, "https://example.org/a.pdf"))
	require.True(t, e.OK, e.Error)
	var r pdfbridge.Read
	require.NoError(t, json.Unmarshal(e.Data, &r))
	require.NotNil(t, r.Paper)
	assert.Equal(t, "doi:10.1000/xyz123", r.Paper.ID)
	assert.Equal(t, "A Generated Paper", r.Paper.Title)
	require.NotNil(t, r.Resolved)
	assert.Equal(t, "https://api.crossref.org/works/10.1000/xyz123", r.Resolved.MetadataURL)

	e = decode(t, pdfbridge.ReadPDF([]byte("<html>"), "https://example.org/a.pdf"))
	assert.False(t, e.OK)
	assert.Equal(t, "this file is not a PDF", e.Error)
}

func TestMetadata(t *testing.T) {
	e := decode(t, pdfbridge.Metadata("crossref", `{"message":{"DOI":"10.1000/x","title":["T"]}}`, ""))
	require.True(t, e.OK, e.Error)
	assert.Contains(t, string(e.Data), `"id":"doi:10.1000/x"`)
	e = decode(t, pdfbridge.Metadata("nope", "{}", ""))
	assert.False(t, e.OK)
	assert.Contains(t, e.Error, "unknown metadata source")
	e = decode(t, pdfbridge.SameTitle("Deep Residual Learning", "deep residual learning."))
	assert.Equal(t, "true", string(e.Data))
}
