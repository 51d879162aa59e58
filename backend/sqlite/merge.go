package sqlite

import (
	"slices"
	"time"

	"github.com/papergist/papergist/shared/syncproto"
)

// record is an item row as the merge sees it: the item, whether it is a tombstone, and the version of the last
// write of each field and of each tag. Per-field versions are what make the merge field-level: a change based on
// version B conflicts only on fields the server wrote after B.
type record struct {
	Item    syncproto.Item
	Deleted bool
	Fields  fieldVersions
}

// fieldVersions is stored as the items.fields JSON column.
type fieldVersions struct {
	// F maps a field's JSON name to the version of its last write.
	F map[string]int64 `json:"f"`
	// T maps each tag ever set to the version of its last add (positive) or removal (negative), so that
	// concurrent tag edits merge as sets: a tag the server touched after the change's base keeps the server's
	// state; any other tag takes the client's.
	T map[string]int64 `json:"t"`
}

// outcome of merging one change or deletion into a record.
type outcome struct {
	status string
	rec    *record // the record after the operation (the server's on conflict; nil if there is none)
	write  bool    // rec must be written at the new version
	err    *syncproto.Error
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// mergeChange applies ch (already normalized) to cur (nil when the item never existed) as write version w.
func mergeChange(cur *record, ch *syncproto.Change, w int64, now time.Time) outcome {
	if cur != nil && cur.Deleted && ch.BaseVersion < cur.Item.Version {
		return outcome{status: syncproto.StatusConflict, rec: cur,
			err: syncproto.Errorf(syncproto.CodeGone, "item %s was deleted at version %d, after base_version %d", ch.ID, cur.Item.Version, ch.BaseVersion)}
	}
	var next record
	base := ch.BaseVersion
	if cur == nil || cur.Deleted {
		// A new item, or one re-saved after its deletion was seen: start from empty fields.
		saved := now
		if ch.SavedAt != nil {
			saved = *ch.SavedAt
		}
		next = record{Item: syncproto.Item{ID: ch.ID, Authors: []string{}, Keyphrases: []string{}, Tags: []string{}, SavedAt: saved},
			Fields: fieldVersions{F: map[string]int64{}, T: map[string]int64{}}}
		if cur != nil {
			base = cur.Item.Version // every field of the tombstone is "as the client saw it"
		}
	} else {
		next = cur.clone()
	}
	it, fv := &next.Item, next.Fields.F
	changed, conflicts := false, []string{}
	// set applies one scalar or list field: a field the server wrote after base, with another value, conflicts.
	set := func(name string, eq bool, assign func()) {
		if eq {
			return
		}
		if fv[name] > base {
			conflicts = append(conflicts, name)
			return
		}
		assign()
		fv[name] = w
		changed = true
	}
	if ch.Title != nil {
		set("title", it.Title == *ch.Title, func() { it.Title = *ch.Title })
	}
	if ch.Authors != nil {
		set("authors", slices.Equal(it.Authors, *ch.Authors), func() { it.Authors = slices.Clone(*ch.Authors) })
	}
	if ch.Abstract != nil {
		set("abstract", it.Abstract == *ch.Abstract, func() { it.Abstract = *ch.Abstract })
	}
	if ch.URL != nil {
		set("url", it.URL == *ch.URL, func() { it.URL = *ch.URL })
	}
	if ch.PDFURL != nil {
		set("pdf_url", it.PDFURL == *ch.PDFURL, func() { it.PDFURL = *ch.PDFURL })
	}
	if ch.TLDR != nil {
		set("tldr", it.TLDR == *ch.TLDR, func() { it.TLDR = *ch.TLDR })
	}
	if ch.Keyphrases != nil {
		set("keyphrases", slices.Equal(it.Keyphrases, *ch.Keyphrases), func() { it.Keyphrases = slices.Clone(*ch.Keyphrases) })
	}
	if ch.Note != nil {
		set("note", it.Note == *ch.Note, func() { it.Note = *ch.Note })
	}
	if ch.Read != nil {
		set("read", it.Read == *ch.Read, func() { it.Read = *ch.Read })
	}
	if len(conflicts) > 0 {
		return outcome{status: syncproto.StatusConflict, rec: cur,
			err: syncproto.Errorf(syncproto.CodeConflict, "edited on the server after base_version %d: %v", ch.BaseVersion, conflicts)}
	}
	if ch.Tags != nil {
		tv := next.Fields.T
		want := map[string]bool{}
		for _, t := range *ch.Tags {
			want[t] = true
		}
		have := map[string]bool{}
		for _, t := range it.Tags {
			have[t] = true
		}
		for t := range want {
			if !have[t] && abs(tv[t]) <= base {
				tv[t] = w
				have[t] = true
				changed = true
			}
		}
		for t := range have {
			if !want[t] && abs(tv[t]) <= base {
				tv[t] = -w
				delete(have, t)
				changed = true
			}
		}
		tags := make([]string, 0, len(have))
		for t := range have {
			tags = append(tags, t)
		}
		slices.Sort(tags)
		it.Tags = tags
	}
	if cur != nil && cur.Deleted {
		changed = true
	}
	if !changed && cur != nil {
		return outcome{status: syncproto.StatusApplied, rec: cur}
	}
	if err := it.Validate(); err != nil {
		return outcome{status: syncproto.StatusInvalid, rec: cur, err: err.(*syncproto.Error)}
	}
	it.Version, it.UpdatedAt = w, now
	return outcome{status: syncproto.StatusApplied, rec: &next, write: true}
}

// mergeDeletion deletes cur unless it was edited after the client's base version.
func mergeDeletion(cur *record, d *syncproto.Deletion, w int64) outcome {
	if cur == nil || cur.Deleted {
		return outcome{status: syncproto.StatusApplied, rec: cur}
	}
	if cur.Item.Version > d.BaseVersion {
		return outcome{status: syncproto.StatusConflict, rec: cur,
			err: syncproto.Errorf(syncproto.CodeConflict, "item %s was edited at version %d, after base_version %d", d.ID, cur.Item.Version, d.BaseVersion)}
	}
	return outcome{status: syncproto.StatusApplied, write: true,
		rec: &record{Item: syncproto.Item{ID: d.ID, Version: w}, Deleted: true, Fields: fieldVersions{F: map[string]int64{}, T: map[string]int64{}}}}
}

func (r *record) clone() record {
	c := *r
	c.Item.Authors = slices.Clone(r.Item.Authors)
	c.Item.Keyphrases = slices.Clone(r.Item.Keyphrases)
	c.Item.Tags = slices.Clone(r.Item.Tags)
	c.Fields.F = make(map[string]int64, len(r.Fields.F))
	for k, v := range r.Fields.F {
		c.Fields.F[k] = v
	}
	c.Fields.T = make(map[string]int64, len(r.Fields.T))
	for k, v := range r.Fields.T {
		c.Fields.T[k] = v
	}
	return c
}
