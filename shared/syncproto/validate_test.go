package syncproto_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/shared/syncproto"
)

func TestSavedAtIsCheckedInUTC(t *testing.T) {
	at := func(s string) *time.Time {
		v, err := time.Parse(time.RFC3339, s)
		require.NoError(t, err)
		return &v
	}
	for _, tc := range []struct {
		savedAt string
		ok      bool
		utc     string
	}{
		{"2024-05-01T10:00:00+02:00", true, "2024-05-01T08:00:00Z"},
		{"9999-12-31T22:30:00-01:00", true, "9999-12-31T23:30:00Z"},
		{"9999-12-31T23:30:00-01:00", false, ""}, // year 10000 in UTC: no JSON time carries it
		{"1990-01-01T00:30:00+01:00", false, ""}, // 1989 in UTC
		{"1990-01-01T00:30:00-01:00", true, "1990-01-01T01:30:00Z"},
	} {
		c := syncproto.Change{ID: "arxiv:2401.00001", SavedAt: at(tc.savedAt)}
		err := c.Normalize()
		if !tc.ok {
			assert.ErrorContains(t, err, "saved_at", tc.savedAt)
			continue
		}
		require.NoError(t, err, tc.savedAt)
		assert.Equal(t, tc.utc, c.SavedAt.Format(time.RFC3339), tc.savedAt)
		_, err = c.SavedAt.MarshalJSON()
		assert.NoError(t, err, "stored as it is sent back")
	}
}

func TestBaseVersionIsAVersionNumber(t *testing.T) {
	for _, v := range []int64{0, 1, syncproto.MaxVersion} {
		c := syncproto.Change{ID: "arxiv:2401.00001", BaseVersion: v}
		assert.NoError(t, c.Normalize(), v)
		d := syncproto.Deletion{ID: "arxiv:2401.00001", BaseVersion: v}
		assert.NoError(t, d.Normalize(), v)
	}
	for _, v := range []int64{-1, syncproto.MaxVersion + 1, 1<<63 - 1} {
		c := syncproto.Change{ID: "arxiv:2401.00001", BaseVersion: v}
		assert.ErrorContains(t, c.Normalize(), "base_version", v)
		d := syncproto.Deletion{ID: "arxiv:2401.00001", BaseVersion: v}
		assert.ErrorContains(t, d.Normalize(), "base_version", v)
	}
}

func TestPublishedIsADate(t *testing.T) {
	for s, ok := range map[string]bool{
		"2019": true, "2019-06": true, "2019-06-02": true, " 2019-06 ": true, "": true, "2024-02-29": true, "2000-02-29": true,
		"1900-02-29": false, "2023-02-29": false, "2019-04-31": false, "2019-00": false, "2019-13": false, "2019-06-00": false,
		"2019-6": false, "2019-06-2": false, "19": false, "20190602": false, "2019/06/02": false, "June 2019": false,
		"2019-06-02T00:00:00Z": false, "２０１９": false, "2019-": false,
	} {
		c := syncproto.Change{ID: "arxiv:2401.00001", Published: &s}
		err := c.Normalize()
		if ok {
			assert.NoError(t, err, s)
		} else {
			assert.ErrorContains(t, err, "published: ", s)
		}
	}
}
