package summarize

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestByteSeekerMatchesAScan checks byteSeeker.from against a scan of every byte, for the sets Sentences
// and nestedSpans seek, walking each text one byte at a time and jumping from one find to the next.
func TestByteSeekerMatchesAScan(t *testing.T) {
	texts := []string{"", ".", "a", "We study (X). It [works]! Why? ${a}$ \\$ 本文。全！吗？ é.", "((((", "..a..b",
		strings.Repeat("x", 70) + "?" + strings.Repeat("y", 40) + "}", "\xe3\xef\xff(", "no set bytes at all"}
	scan := func(text, set string, i int) int {
		for ; i < len(text); i++ {
			if strings.IndexByte(set, text[i]) >= 0 {
				return i
			}
		}
		return len(text)
	}
	for _, set := range []string{stopBytes, spanBytes, "x"} {
		for _, text := range texts {
			s := newByteSeeker(text, set)
			for i := 0; i <= len(text); i++ {
				assert.Equal(t, scan(text, set, i), s.from(i), "%q in %q from %d, one byte at a time", set, text, i)
			}
			s = newByteSeeker(text, set)
			for i := 0; i < len(text); i++ {
				want := scan(text, set, i)
				if i = s.from(i); !assert.Equal(t, want, i, "%q in %q, from find to find", set, text) {
					break
				}
			}
		}
	}
}
