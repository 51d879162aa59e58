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

// lastWord takes letters, digits and inner periods back from the end, ASCII or not, and stops at anything else.
func TestLastWord(t *testing.T) {
	for before, want := range map[string]string{
		"trained in the U.S": "U.S", "of size N": "N", "in Zürich": "Zürich", "on GPT-4": "4", "et al": "al",
		"(ours": "ours", "": "", "see Fig": "Fig", "the model x2": "x2", "über": "über", "a_b": "b", "Ω": "Ω",
		"at 5": "5", "end ": "", "we use e.g": "e.g", "the Kelvin 5\u212a": "5\u212a", "a\xffb": "b",
	} {
		assert.Equal(t, want, lastWord(before), "%q", before)
	}
}
