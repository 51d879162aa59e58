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
