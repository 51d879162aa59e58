package syncproto_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/shared/syncproto"
)

// pullVectors is testdata/pull-items.json, which the extension's pull validation runs too
// (extension/background/pull-validate.test.js): the client stores only what these rules accept.
type pullVectors struct {
	Limits  map[string]int `json:"limits"`
	Vectors []struct {
		Name       string                     `json:"name"`
		OK         bool                       `json:"ok"`
		Item       map[string]any             `json:"item"`
		Fill       map[string][3]any          `json:"fill"`
		FillList   map[string][2]any          `json:"fill_list"`
		Normalized map[string]json.RawMessage `json:"normalized"`
	} `json:"vectors"`
}

func readPullVectors(t *testing.T) pullVectors {
	t.Helper()
	raw, err := os.ReadFile("testdata/pull-items.json")
	require.NoError(t, err)
	var v pullVectors
	require.NoError(t, json.Unmarshal(raw, &v))
	require.NotEmpty(t, v.Vectors)
	return v
}

func TestFieldLimitsAreTheSharedOnes(t *testing.T) {
	assert.Equal(t, map[string]int{
		"title": syncproto.MaxTitle, "authors": syncproto.MaxAuthors, "author": syncproto.MaxAuthor,
		"abstract": syncproto.MaxAbstract, "url": syncproto.MaxURL, "tldr": syncproto.MaxTLDR,
		"keyphrases": syncproto.MaxKeyphrases, "keyphrase": syncproto.MaxKeyphrase, "tags": syncproto.MaxTags,
		"tag": syncproto.MaxTag, "note": syncproto.MaxNote, "venue": syncproto.MaxVenue,
	}, readPullVectors(t).Limits)
}

// TestPullItemVectors holds the server's rules for an item (a change setting every field, and a title) to the
// vectors' verdicts.
func TestPullItemVectors(t *testing.T) {
	for _, v := range readPullVectors(t).Vectors {
		t.Run(v.Name, func(t *testing.T) {
			item := map[string]any{}
			for k, x := range v.Item {
				item[k] = x
			}
			for k, f := range v.Fill {
				item[k] = f[0].(string) + strings.Repeat(f[1].(string), int(f[2].(float64)))
			}
			for k, f := range v.FillList {
				list := make([]string, int(f[1].(float64)))
				for i := range list {
					list[i] = f[0].(string)
				}
				item[k] = list
			}
			delete(item, "version") // an item's, not a change's
			delete(item, "updated_at")
			raw, err := json.Marshal(item)
			require.NoError(t, err)
			var c syncproto.Change
			err = json.Unmarshal(raw, &c)
			if err == nil {
				err = c.Normalize()
			}
			if err == nil && (c.Title == nil || *c.Title == "") {
				err = syncproto.Errorf(syncproto.CodeInvalid, "title: a saved item needs a title")
			}
			if !v.OK {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			got := map[string]any{"title": c.Title, "tags": orEmpty(c.Tags), "authors": orEmpty(c.Authors),
				"published": textOrEmpty(c.Published), "venue": textOrEmpty(c.Venue)}
			for field, want := range v.Normalized {
				gotJSON, err := json.Marshal(got[field])
				require.NoError(t, err)
				assert.JSONEq(t, string(want), string(gotJSON), field)
			}
		})
	}
}

func orEmpty(xs *[]string) []string {
	if xs == nil || *xs == nil {
		return []string{}
	}
	return *xs
}

func textOrEmpty(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
