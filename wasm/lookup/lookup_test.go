package lookup_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/wasm/lookup"
)

// A Crossref answer in the shape api.crossref.org/works/DOI gives (fields trimmed).
const crossrefWork = `{"status":"ok","message-type":"work","message":{"DOI":"10.3389/fpsyg.2013.00479",
"title":["The influence of catch trials on the consolidation of motor memory in force field adaptation tasks"],
"author":[{"given":"Anne","family":"Focke","sequence":"first"},{"given":"Christian","family":"Stockinger","sequence":"additional"}],
"abstract":"<jats:title>Abstract</jats:title><jats:p>In computational neuroscience it is generally accepted that human motor memory contains neural representations.</jats:p>",
"container-title":["Frontiers in Psychology"],"issued":{"date-parts":[[2013,7,25]]},"URL":"http://dx.doi.org/10.3389/fpsyg.2013.00479"}}`

func TestCrossref(t *testing.T) {
	p, err := lookup.Crossref([]byte(crossrefWork))
	require.NoError(t, err)
	assert.Equal(t, paper.Paper{
		ID: "doi:10.3389/fpsyg.2013.00479", DOI: "10.3389/fpsyg.2013.00479",
		Title:    "The influence of catch trials on the consolidation of motor memory in force field adaptation tasks",
		Authors:  []string{"Anne Focke", "Christian Stockinger"},
		Abstract: "In computational neuroscience it is generally accepted that human motor memory contains neural representations.",
		URL:      "https://doi.org/10.3389/fpsyg.2013.00479", Venue: "Frontiers in Psychology", Published: "2013-07-25",
	}, p)
	_, err = lookup.Crossref([]byte(`{"status":"ok","message":{}}`))
	assert.ErrorIs(t, err, lookup.ErrNotFound)
	_, err = lookup.Crossref([]byte(`Resource not found.`))
	assert.Error(t, err)
}

func TestCrossrefSearch(t *testing.T) {
	body := []byte(`{"message":{"items":[
		{"DOI":"10.1000/other","title":["Information Synthesis for Question Answering"]},
		{"DOI":"10.1000/right","title":["Information synthesis for answer validation"],"author":[{"given":"Rui","family":"Wang"}]}]}}`)
	p, err := lookup.CrossrefSearch(body, "Information Synthesis for Answer Validation")
	require.NoError(t, err)
	assert.Equal(t, "doi:10.1000/right", p.ID)
	_, err = lookup.CrossrefSearch(body, "Something Else Entirely")
	assert.ErrorIs(t, err, lookup.ErrNotFound)
}

func TestOpenReview(t *testing.T) {
	v2 := `{"notes":[{"id":"YicbFdNTTy","forum":"YicbFdNTTy","content":{"title":{"value":"An Image is Worth 16x16 Words"},
		"authors":{"value":["Alexey Dosovitskiy","Lucas Beyer"]},"abstract":{"value":"While the Transformer architecture has become the de-facto standard."},
		"venue":{"value":"ICLR 2021 Oral"}}}]}`
	p, err := lookup.OpenReview([]byte(v2))
	require.NoError(t, err)
	assert.Equal(t, paper.Paper{
		ID: "openreview:YicbFdNTTy", Title: "An Image is Worth 16x16 Words", Authors: []string{"Alexey Dosovitskiy", "Lucas Beyer"},
		Abstract: "While the Transformer architecture has become the de-facto standard.", Venue: "ICLR 2021 Oral",
		URL: "https://openreview.net/forum?id=YicbFdNTTy", PDFURL: "https://openreview.net/pdf?id=YicbFdNTTy",
	}, p)
	v1 := `{"notes":[{"id":"abcde12345","forum":"abcde12345","content":{"title":"Old Note","authors":["A B"],"abstract":"x"}}]}`
	p, err = lookup.OpenReview([]byte(v1))
	require.NoError(t, err)
	assert.Equal(t, "Old Note", p.Title)
	_, err = lookup.OpenReview([]byte(`{"notes":[]}`))
	assert.ErrorIs(t, err, lookup.ErrNotFound)
}

func TestSameTitle(t *testing.T) {
	assert.True(t, lookup.SameTitle("Attention Is All You Need", "Attention is all you need."))
	assert.True(t, lookup.SameTitle("Bi-criteria Algorithm for Scheduling Jobs on Cluster Platforms", "Bi-Criteria algorithm for scheduling jobs on cluster platforms"))
	assert.True(t, lookup.SameTitle("Deep Residual Learning for Image Recognition", "Deep Residual Learning for Image Recognition"))
	assert.False(t, lookup.SameTitle("Attention Is All You Need", "Attention Is Not All You Need"))
	assert.False(t, lookup.SameTitle("Deep Learning", "Deep Learning for Everyone"))
	assert.False(t, lookup.SameTitle("", "x"))
}
