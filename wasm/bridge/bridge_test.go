package bridge_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/bridge"
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

func TestExtract(t *testing.T) {
	tests := []struct {
		name    string
		page    string
		url     string
		wantOK  bool
		wantErr string
	}{
		{name: "page with no paper", page: "<html><body><p>hello</p></body></html>", url: "https://example.org/", wantOK: true},
		{name: "relative url", page: "<html></html>", url: "/list", wantErr: "absolute http(s) URL"},
		{name: "empty page", page: "  ", url: "https://arxiv.org/list/cs.CL/recent", wantErr: "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := decode(t, bridge.Extract(tt.page, tt.url))
			assert.Equal(t, tt.wantOK, e.OK)
			if tt.wantErr != "" {
				assert.Contains(t, e.Error, tt.wantErr)
				return
			}
			var res struct {
				URL    string            `json:"url"`
				Papers []json.RawMessage `json:"papers"`
			}
			require.NoError(t, json.Unmarshal(e.Data, &res))
			assert.Equal(t, tt.url, res.URL)
			assert.NotNil(t, res.Papers)
		})
	}
}

func TestSummarize(t *testing.T) {
	e := decode(t, bridge.Summarize(`[{"id":"arxiv:1706.03762","title":"Attention Is All You Need",
		"abstract":"We propose the Transformer, based solely on attention. It is fast."},
		{"id":"doi:10.1/x","title":"Only a title","abstract":""}]`))
	require.True(t, e.OK, e.Error)
	var got []bridge.SummaryResult
	require.NoError(t, json.Unmarshal(e.Data, &got))
	require.Len(t, got, 2)
	assert.Equal(t, "arxiv:1706.03762", got[0].ID)
	assert.Equal(t, "doi:10.1/x", got[1].ID)
	for _, s := range got {
		assert.NotEmpty(t, s.TLDR, "every paper gets a TL;DR, even without an abstract")
		assert.NotNil(t, s.KeyPhrases)
	}
}

func TestBadJSON(t *testing.T) {
	for name, f := range map[string]func(string) string{"summarize": bridge.Summarize, "digest": bridge.Digest} {
		t.Run(name, func(t *testing.T) {
			e := decode(t, f(`{"not":"an array"`))
			assert.False(t, e.OK)
			assert.Contains(t, e.Error, "bad request")
		})
	}
}

func TestDigest(t *testing.T) {
	e := decode(t, bridge.Digest(`[{"id":"arxiv:1706.03762","title":"Attention Is All You Need","authors":[],"url":"https://arxiv.org/abs/1706.03762","locator":{}}]`))
	require.True(t, e.OK, e.Error)
	var topics []struct {
		Label    string   `json:"label"`
		PaperIDs []string `json:"paper_ids"`
	}
	require.NoError(t, json.Unmarshal(e.Data, &topics))
	assert.NotNil(t, topics)
}
