package bridge

import (
	"encoding/json"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"
)

func TestNFCInertRangesAreWhatNFCLeavesAlone(t *testing.T) {
	blocks := [][2]rune{{0x0370, 0x03ff}, {0x0400, 0x04ff}, {0x2000, 0x22ff}}
	var want [][2]uint16
	for _, blk := range blocks {
		for r := blk[0]; r <= blk[1]; r++ {
			s := string(r)
			p := norm.NFC.PropertiesString(s)
			if !(unicode.IsGraphic(r) || unicode.Is(unicode.Cf, r)) || p.CCC() != 0 || !p.BoundaryBefore() || norm.NFC.String(s) != s {
				continue
			}
			if n := len(want); n > 0 && rune(want[n-1][1]) == r-1 {
				want[n-1][1] = uint16(r)
			} else {
				want = append(want, [2]uint16{uint16(r), uint16(r)})
			}
		}
	}
	assert.Equal(t, want, nfcInertRanges[:])
	for _, r := range []rune{'α', '’', '–', '∈', 'ℝ', '₁', 'Ж'} {
		assert.True(t, nfcInert(r), "%U", r)
	}
	for _, r := range []rune{0x0300, 0x0301, 0x0338, 0x2000, 0x2126, 0x212a, 0x0387, 0x1d465, 0x3042} {
		assert.False(t, nfcInert(r), "%U", r)
	}
}

func TestAsciiJSONWritesWhatNFCKeepsInASCII(t *testing.T) {
	v := map[string]string{"abstract": "We show “α-β” ∈ ℝ² — é, ö, ’s <b> \u2028 \"q\""}
	raw, err := json.Marshal(v)
	require.NoError(t, err)
	out := asciiJSON(raw)
	for i := range len(out) {
		require.Less(t, out[i], byte(0x80), "not ASCII at %d: %s", i, out)
	}
	var back map[string]string
	require.NoError(t, json.Unmarshal([]byte(out), &back))
	assert.Equal(t, v, back)
	assert.Contains(t, out, `\u201c`)
}

func TestAsciiJSONLeavesTextNFCMayChange(t *testing.T) {
	for _, s := range []string{
		"cafe\u0301 ’",         // a combining mark: the host composes it
		"\u2000 quad",          // a singleton: NFC writes U+2002
		"x \U0001d465 outside", // not in the table
		"plain ASCII",
	} {
		raw, err := json.Marshal(s)
		require.NoError(t, err)
		assert.Equal(t, string(raw), asciiJSON(raw), "%q", s)
	}
}

// A For-you pick whose liked title has a curly quote keeps the answer ASCII: the picks go through asciiJSON as
// the envelope does, or one title would make the whole answer a two-byte string again.
func TestWithForYouAnswersInASCII(t *testing.T) {
	answer := withForYou(`{"papers":[],"timing":{"total_ms":1}}`, []Pick{{PaperID: "arxiv:1706.03762", Like: "Attention’s “all” you need"}}, false)
	for i := range len(answer) {
		require.Less(t, answer[i], byte(0x80), "not ASCII at %d: %s", i, answer)
	}
	var back struct {
		ForYou []Pick `json:"for_you"`
	}
	require.NoError(t, json.Unmarshal([]byte(answer), &back))
	assert.Equal(t, []Pick{{PaperID: "arxiv:1706.03762", Like: "Attention’s “all” you need"}}, back.ForYou)
}
