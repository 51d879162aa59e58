package sqlite

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/shared/syncproto"
)

func ptr[T any](v T) *T { return &v }

func TestTagHistory(t *testing.T) {
	var h []int64
	for _, v := range []int64{2, -3, 5, -7} {
		h = tagFlip(h, v)
	}
	tests := []struct {
		at             int64
		present, known bool
	}{{1, false, true}, {2, true, true}, {4, false, true}, {6, true, true}, {100, false, true}}
	for _, tt := range tests {
		p, k := tagAt(h, tt.at)
		assert.Equal(t, [2]bool{tt.present, tt.known}, [2]bool{p, k}, "at %d", tt.at)
	}
	for v := int64(10); v < 30; v++ { // long histories keep the newest entries and mark the cut
		h = tagFlip(h, v)
	}
	require.Len(t, h, maxTagHistory)
	assert.Equal(t, int64(0), h[0])
	_, known := tagAt(h, 5)
	assert.False(t, known, "before the kept history")
	p, known := tagAt(h, 29)
	assert.True(t, p && known)
}

// TestMergeChange walks one item through the cases of the field-level merge.
func TestMergeChange(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	created := mergeChange(nil, &syncproto.Change{ID: "arxiv:2401.00001", Title: ptr("T"), Tags: ptr([]string{"a", "b"})}, 1, now)
	require.True(t, created.write)
	rec := created.rec
	assert.Equal(t, map[string][]int64{"a": {1}, "b": {1}}, rec.Fields.T)

	note := mergeChange(rec, &syncproto.Change{ID: rec.Item.ID, BaseVersion: 1, Note: ptr("n"), Tags: ptr([]string{"a"})}, 2, now)
	require.True(t, note.write)
	rec = note.rec
	assert.Equal(t, []string{"a"}, rec.Item.Tags)

	tests := []struct {
		name   string
		change syncproto.Change
		status string
		write  bool
		tags   []string
	}{
		{"stale title edit: no overlap", syncproto.Change{BaseVersion: 1, Title: ptr("T2")}, syncproto.StatusApplied, true, []string{"a"}},
		{"stale note edit: overlap, recorded as the item's dispute", syncproto.Change{BaseVersion: 1, Note: ptr("other")}, syncproto.StatusConflict, true, nil},
		{"stale note edit to the same value", syncproto.Change{BaseVersion: 1, Note: ptr("n")}, syncproto.StatusApplied, false, []string{"a"}},
		{"stale tag set still holding b: b was removed after base, stays removed", syncproto.Change{BaseVersion: 1, Tags: ptr([]string{"a", "b", "c"})}, syncproto.StatusApplied, true, []string{"a", "c"}},
		{"stale tag set without a: the client removed a", syncproto.Change{BaseVersion: 1, Tags: ptr([]string{"b"})}, syncproto.StatusApplied, true, []string{}},
		{"current base overwrites", syncproto.Change{BaseVersion: 2, Note: ptr("x"), Tags: ptr([]string{"b"})}, syncproto.StatusApplied, true, []string{"b"}},
		{"emptying the title is invalid", syncproto.Change{BaseVersion: 2, Title: ptr("")}, syncproto.StatusInvalid, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := tt.change
			ch.ID = rec.Item.ID
			out := mergeChange(rec, &ch, 3, now)
			assert.Equal(t, tt.status, out.status, "%v", out.err)
			assert.Equal(t, tt.write, out.write)
			if tt.tags != nil {
				assert.Equal(t, tt.tags, out.rec.Item.Tags)
			}
			if out.write {
				assert.Equal(t, int64(3), out.rec.Item.Version)
			}
		})
	}
	assert.Equal(t, "n", rec.Item.Note, "merging never mutates the current record")

	gone := mergeDeletion(rec, &syncproto.Deletion{ID: rec.Item.ID, BaseVersion: 2}, 3)
	require.True(t, gone.write)
	edit := mergeChange(gone.rec, &syncproto.Change{ID: rec.Item.ID, BaseVersion: 2, Note: ptr("late")}, 4, now)
	assert.Equal(t, syncproto.StatusConflict, edit.status)
	assert.Equal(t, syncproto.CodeGone, edit.err.Code)
	again := mergeChange(gone.rec, &syncproto.Change{ID: rec.Item.ID, BaseVersion: 3, Title: ptr("Back")}, 4, now)
	require.True(t, again.write)
	assert.Equal(t, "", again.rec.Item.Note)
	assert.Equal(t, []string{}, again.rec.Item.Tags)
}

// TestMergePagePrecisionConflicts: the server cannot tell a record upgrade's value from a user's re-save, so a stale
// publication date or venue that differs from the server's only in precision is a conflict like any other stale
// difference (no fuller value wins: it could undo a device's later choice). A change on the current base sets what
// it says. The extension settles the upgrade's own values before pushing (background/sync.js merge).
func TestMergePagePrecisionConflicts(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	const id = "doi:10.1000/x"
	// The server's item: created at version 1, its date and venue written at version 2 by another device.
	server := func(published, venue string) *record {
		rec := mergeChange(nil, &syncproto.Change{ID: id, Title: ptr("T")}, 1, now).rec
		out := mergeChange(rec, &syncproto.Change{ID: id, BaseVersion: 1, Published: ptr(published), Venue: ptr(venue)}, 2, now)
		require.Equal(t, syncproto.StatusApplied, out.status)
		return out.rec
	}
	tests := []struct {
		name             string
		published, venue string // the server's, written at version 2
		change           syncproto.Change
		status           string
		fields           []string // conflicting
		wantPub, wantVen string
	}{
		// A device re-saved from a page giving only the year (version 2); a device offline since version 1 pushes
		// its page's day: that re-save must not be undone silently.
		{"a stale day against a year set later is a conflict", "2017", "Nature",
			syncproto.Change{BaseVersion: 1, Published: ptr("2017-06-12")}, syncproto.StatusConflict, []string{"published"}, "2017", "Nature"},
		{"a stale month against the server's day is a conflict", "2017-06-12", "Nature",
			syncproto.Change{BaseVersion: 1, Published: ptr("2017-06")}, syncproto.StatusConflict, []string{"published"}, "2017-06-12", "Nature"},
		{"a stale empty venue against the server's is a conflict", "2017-06", "Nature",
			syncproto.Change{BaseVersion: 1, Venue: ptr("")}, syncproto.StatusConflict, []string{"venue"}, "2017-06", "Nature"},
		{"another day is a conflict", "2017-06-12", "Nature",
			syncproto.Change{BaseVersion: 1, Published: ptr("2017-06-13")}, syncproto.StatusConflict, []string{"published"}, "2017-06-12", "Nature"},
		{"on the current base a day replaces the month", "2017-06", "",
			syncproto.Change{BaseVersion: 2, Published: ptr("2017-06-12"), Venue: ptr("Nature")}, syncproto.StatusApplied, nil, "2017-06-12", "Nature"},
		{"on the current base a year replaces the day", "2017-06-12", "Nature",
			syncproto.Change{BaseVersion: 2, Published: ptr("2017")}, syncproto.StatusApplied, nil, "2017", "Nature"},
		{"on the current base an empty venue clears it", "2017-06-12", "Nature",
			syncproto.Change{BaseVersion: 2, Venue: ptr("")}, syncproto.StatusApplied, nil, "2017-06-12", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cur := server(tt.published, tt.venue)
			ch := tt.change
			ch.ID = id
			out := mergeChange(cur, &ch, 3, now)
			assert.Equal(t, tt.status, out.status, out.err)
			assert.Equal(t, tt.fields, out.fields)
			require.NotNil(t, out.rec)
			assert.Equal(t, [2]string{tt.wantPub, tt.wantVen}, [2]string{out.rec.Item.Published, out.rec.Item.Venue})
		})
	}
}

func TestMergeLiftedPrecision(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	const id = "doi:10.1000/x"
	lifted := []string{"published"}
	// The server's item: created at version 1 without a date; at version 2 another device wrote the date, as a
	// record upgrade's lift or as a save; version 3 is an optional later write.
	tests := []struct {
		name   string
		writes []syncproto.Change // at versions 2, 3, … each on the version before it
		change syncproto.Change   // on base 1, at the next version
		status string
		want   string
	}{
		{"a fuller lift replaces a shorter lift", []syncproto.Change{{Published: ptr("2017-06"), Lifted: lifted}},
			syncproto.Change{Published: ptr("2017-06-12"), Lifted: lifted}, syncproto.StatusApplied, "2017-06-12"},
		{"a year lift gives way to a day lift", []syncproto.Change{{Published: ptr("2017-06-12"), Lifted: lifted}},
			syncproto.Change{Published: ptr("2017"), Lifted: lifted}, syncproto.StatusApplied, "2017-06-12"},
		{"a shorter lift gives way to a saved day", []syncproto.Change{{Published: ptr("2017-06-12")}},
			syncproto.Change{Published: ptr("2017-06"), Lifted: lifted}, syncproto.StatusApplied, "2017-06-12"},
		// A save or a choice of the shorter value: the fuller lift must not undo it silently.
		{"a fuller lift against a saved month conflicts", []syncproto.Change{{Published: ptr("2017-06")}},
			syncproto.Change{Published: ptr("2017-06-12"), Lifted: lifted}, syncproto.StatusConflict, "2017-06"},
		{"a fuller lift against a year saved after a lift conflicts",
			[]syncproto.Change{{Published: ptr("2017-06"), Lifted: lifted}, {Published: ptr("2017")}},
			syncproto.Change{Published: ptr("2017-06-12"), Lifted: lifted}, syncproto.StatusConflict, "2017"},
		{"a fuller save (not a lift) against a lift still conflicts", []syncproto.Change{{Published: ptr("2017-06"), Lifted: lifted}},
			syncproto.Change{Published: ptr("2017-06-12")}, syncproto.StatusConflict, "2017-06"},
		{"another day lifted conflicts", []syncproto.Change{{Published: ptr("2017-06-12"), Lifted: lifted}},
			syncproto.Change{Published: ptr("2017-06-13"), Lifted: lifted}, syncproto.StatusConflict, "2017-06-12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cur := mergeChange(nil, &syncproto.Change{ID: id, Title: ptr("T")}, 1, now).rec
			for i, w := range tt.writes {
				w.ID, w.BaseVersion = id, int64(i+1)
				require.NoError(t, w.Normalize())
				out := mergeChange(cur, &w, int64(i+2), now)
				require.Equal(t, syncproto.StatusApplied, out.status)
				cur = out.rec
			}
			ch := tt.change
			ch.ID, ch.BaseVersion = id, 1
			require.NoError(t, ch.Normalize())
			out := mergeChange(cur, &ch, int64(len(tt.writes)+2), now)
			assert.Equal(t, tt.status, out.status, out.err)
			require.NotNil(t, out.rec)
			assert.Equal(t, tt.want, out.rec.Item.Published)
		})
	}
	t.Run("a shorter lift on the current version keeps the server's day", func(t *testing.T) {
		// A device whose older build pulled the day (version 2) without storing it upgrades and lifts its page's
		// month on version 2.
		cur := mergeChange(nil, &syncproto.Change{ID: id, Title: ptr("T")}, 1, now).rec
		cur = mergeChange(cur, &syncproto.Change{ID: id, BaseVersion: 1, Published: ptr("2017-06-12")}, 2, now).rec
		out := mergeChange(cur, &syncproto.Change{ID: id, BaseVersion: 2, Published: ptr("2017-06"), Lifted: lifted}, 3, now)
		assert.Equal(t, syncproto.StatusApplied, out.status)
		assert.False(t, out.write, "nothing to write")
		assert.Equal(t, "2017-06-12", out.rec.Item.Published)
		out = mergeChange(cur, &syncproto.Change{ID: id, BaseVersion: 2, Published: ptr("2017-06")}, 3, now)
		assert.Equal(t, "2017-06", out.rec.Item.Published, "a save of the month on the current version is the user's")
	})
	// Review s25 finding 1: a choice or a re-save of the value a lift wrote is the user's from then on.
	chosen := []struct {
		name   string
		writes []syncproto.Change // at versions 3, 4, … after a lift of the month at version 2
	}{
		{"Keep theirs", []syncproto.Change{{BaseVersion: 1, Published: ptr("2017-06-12")}, {BaseVersion: 3, Published: ptr("2017-06")}}},
		{"Keep theirs, settled by a lift", []syncproto.Change{{BaseVersion: 1, Published: ptr("2017-06-12")},
			{BaseVersion: 3, Published: ptr("2017-06"), Lifted: lifted}}},
		{"an equal re-save", []syncproto.Change{{BaseVersion: 2, Published: ptr("2017-06")}}},
	}
	for _, tt := range chosen {
		t.Run("a fuller lift after "+tt.name+" of the month conflicts", func(t *testing.T) {
			cur := mergeChange(nil, &syncproto.Change{ID: id, Title: ptr("T")}, 1, now).rec
			cur = mergeChange(cur, &syncproto.Change{ID: id, BaseVersion: 1, Published: ptr("2017-06"), Lifted: lifted}, 2, now).rec
			for i, w := range tt.writes {
				w.ID = id
				require.NoError(t, w.Normalize())
				out := mergeChange(cur, &w, int64(i+3), now)
				cur = out.rec
			}
			require.Equal(t, "2017-06", cur.Item.Published)
			require.Nil(t, cur.Item.Dispute)
			out := mergeChange(cur, &syncproto.Change{ID: id, BaseVersion: 1, Published: ptr("2017-06-12"), Lifted: lifted}, int64(len(tt.writes)+3), now)
			assert.Equal(t, syncproto.StatusConflict, out.status)
			assert.Equal(t, "2017-06", out.rec.Item.Published)
		})
	}
	t.Run("a fuller lift on a disputed date conflicts", func(t *testing.T) {
		cur := mergeChange(nil, &syncproto.Change{ID: id, Title: ptr("T")}, 1, now).rec
		cur = mergeChange(cur, &syncproto.Change{ID: id, BaseVersion: 1, Published: ptr("2017-06"), Lifted: lifted}, 2, now).rec
		out := mergeChange(cur, &syncproto.Change{ID: id, BaseVersion: 1, Published: ptr("2018")}, 3, now)
		require.Equal(t, syncproto.StatusConflict, out.status)
		cur = out.rec
		require.NotNil(t, cur.Item.Dispute)
		out = mergeChange(cur, &syncproto.Change{ID: id, BaseVersion: 1, Published: ptr("2017-06-12"), Lifted: lifted}, 4, now)
		assert.Equal(t, syncproto.StatusConflict, out.status)
		assert.Equal(t, "2017-06", out.rec.Item.Published)
	})
}
