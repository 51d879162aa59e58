package extract

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/wasm/internal/jsontree"
)

// s2ReadLD reads an Article as the extractor used to: json.Marshal of the decoded object, then Unmarshal.
func TestS2ReadLDReadsAsUnmarshal(t *testing.T) {
	for _, article := range []string{
		`{"@type": "Article", "name": "T", "abstract": "A", "about": "X", "sameAs": "https://doi.org/10.1/x",
		  "author": [{"@type": "Person", "name": "Ada"}, {"name": "Bo"}]}`,
		`{"Name": "upper first", "name": "lower wins", "NAME": 3, "sameas": "any case", "ABSTRACT": null}`,
		`{"name": ["not", "a", "string"], "abstract": {"text": "nested"}, "about": 4, "author": "Ada"}`,
		`{"author": [{"name": 1}, "Ada", null, [], {"NaMe": "Bo", "name": "Cy"}], "about": true}`,
		`{"author": null, "Author": [{"name": "later key"}]}`,
		`{"author": {"name": "one object"}, "name": "kept"}`,
		`{"author": [], "name": "\u00e9\u2028<&>"}`,
		`{"ſameAs": "long s folds with s", "\u212aey": 1}`,
	} {
		t.Run(article[:20], func(t *testing.T) {
			v, err := jsontree.Parse(article)
			require.NoError(t, err)
			raw, err := json.Marshal(v)
			require.NoError(t, err)
			var want s2LD
			_ = json.Unmarshal(raw, &want)
			assert.Equal(t, want, s2ReadLD(v.(map[string]any)))
		})
	}
}
