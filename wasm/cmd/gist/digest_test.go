package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/summarize"
)

// extractOutput is what `gist extract` prints for a page of four papers.
const extractOutput = `{"url": "https://arxiv.org/list/cs.LG/new", "site": "arxiv", "papers": [
 {"id": "arxiv:2401.00001", "title": "Graph Neural Networks for Molecules", "authors": [], "url": "https://arxiv.org/abs/2401.00001",
  "abstract": "We apply graph neural networks to molecules.", "locator": {}},
 {"id": "arxiv:2401.00002", "title": "Scalable Graph Neural Networks", "authors": [], "url": "https://arxiv.org/abs/2401.00002",
  "abstract": "We scale graph neural networks to billions of edges.", "locator": {}},
 {"id": "arxiv:2401.00003", "title": "Diffusion Models for Audio", "authors": [], "url": "https://arxiv.org/abs/2401.00003", "locator": {}},
 {"id": "arxiv:2401.00004", "title": "Faster Diffusion Models", "authors": [], "url": "https://arxiv.org/abs/2401.00004", "locator": {}}
]}`

func TestDigestCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"digest"}, strings.NewReader(extractOutput), &out, &errOut), errOut.String())
	assert.Equal(t, `graph neural networks (2)
  - Graph Neural Networks for Molecules  [arxiv:2401.00001]
  - Scalable Graph Neural Networks  [arxiv:2401.00002]
diffusion models (2)
  - Diffusion Models for Audio  [arxiv:2401.00003]
  - Faster Diffusion Models  [arxiv:2401.00004]
`, out.String())

	out.Reset()
	require.Equal(t, 0, run([]string{"digest", "--json"}, strings.NewReader(extractOutput), &out, &errOut), errOut.String())
	var topics []summarize.Topic
	require.NoError(t, json.Unmarshal(out.Bytes(), &topics))
	assert.Len(t, topics, 2)
}

func TestDigestCommandBadInput(t *testing.T) {
	var out, errOut bytes.Buffer
	assert.Equal(t, 1, run([]string{"digest"}, strings.NewReader("<html>"), &out, &errOut))
	assert.Contains(t, errOut.String(), "gist extract")

	errOut.Reset()
	assert.Equal(t, 0, run([]string{"digest"}, strings.NewReader(`{"papers": []}`), &out, &errOut))
	assert.Contains(t, out.String(), "no papers")
}
