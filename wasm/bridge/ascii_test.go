package bridge_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/bridge"
)

func TestAnalyzeAnswersInASCIIWhatNFCLeavesAlone(t *testing.T) {
	const title, abstract = "Graphs’ “limits” in ℝ²", "We bound the error — by ε — of α-nets. It is tight for every graph."
	page := arxivListing(listed{id: "2501.00001", title: title, author: "Zoë Ångström", abstract: abstract})
	a := bridge.NewAnalyzer(clock())
	for _, call := range []string{"fresh", "cached"} {
		out := a.Analyze(bridge.AnalyzeRequest{HTML: page, URL: "https://arxiv.org/list/cs.CL/new"})
		for i := range len(out) {
			require.Less(t, out[i], byte(0x80), "%s: not ASCII at %d: %s", call, i, out)
		}
		e := decode(t, out)
		require.True(t, e.OK, "%+v", e.Error)
		require.Len(t, e.Data.Entries, 1)
		assert.Equal(t, title, e.Data.Entries[0].Paper.Title, call)
		assert.Equal(t, abstract, e.Data.Entries[0].Paper.Abstract, call)
		assert.Equal(t, []string{"Zoë Ångström"}, e.Data.Entries[0].Paper.Authors, call)
	}
}
