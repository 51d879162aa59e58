package sqlite

import (
	"encoding/json"
	"maps"
	"reflect"
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
	// T maps each tag ever set to its recent history: the versions at which it was added (positive) or removed
	// (negative), oldest first, at most maxTagHistory; a leading 0 means older entries were dropped. From it the
	// merge knows whether a tag was present at the change's base version, which makes tags a three-way set
	// merge: a tag whose state in the change differs from its state at base was added or removed by the client
	// and takes the client's state; any other tag keeps the server's.
	T map[string][]int64 `json:"t"`
	// L holds the page fields (published, venue) whose value a record upgrade's lift wrote (Change.Lifted), as
	// opposed to a save or a user's choice; any other write of the field takes it out. Rows written before it
	// existed have none, which is what a server of the previous version leaves too: the field then merges as any.
	L map[string]bool `json:"l,omitempty"`
}

// outcome of merging one change or deletion into a record.
type outcome struct {
	status string
	rec    *record // the record after the operation (the server's on conflict; nil if there is none)
	write  bool    // rec must be written at the new version
	err    *syncproto.Error
	fields []string // the conflicting fields of a change (syncproto.Result.Fields)
}

// maxTagHistory bounds the history kept per tag; a change based on an older version than the oldest kept
// entry cannot tell whether it changed that tag, and leaves it as the server has it.
const maxTagHistory = 8

// tagAt returns whether the tag was present at version v, and whether the history reaches back that far.
func tagAt(h []int64, v int64) (present, known bool) {
	for i := len(h) - 1; i >= 0; i-- {
		switch e := h[i]; {
		case e == 0:
			return false, false
		case e > 0 && e <= v:
			return true, true
		case e < 0 && -e <= v:
			return false, true
		}
	}
	return false, true
}

// tagFlip appends a flip at version w (signed) to h, dropping the oldest entries beyond maxTagHistory.
func tagFlip(h []int64, w int64) []int64 {
	h = append(h, w)
	if len(h) > maxTagHistory {
		h = append([]int64{0}, h[len(h)-maxTagHistory+1:]...)
	}
	return h
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
			Fields: fieldVersions{F: map[string]int64{}, T: map[string][]int64{}}}
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
			// The same value sent again not as a lift (a re-save, "Keep theirs"): from now on it is somebody's
			// choice, which a later lift must not undo silently.
			if next.Fields.L[name] && !slices.Contains(ch.Lifted, name) {
				lifts(&next.Fields, name, false)
				changed = true
			}
			return
		}
		if fv[name] > base {
			conflicts = append(conflicts, name)
			return
		}
		assign()
		fv[name] = w
		lifts(&next.Fields, name, slices.Contains(ch.Lifted, name))
		changed = true
	}
	// page settles a lift (Change.Lifted) of a page field that differs from the server's value only in precision,
	// unless the field is disputed: a lift the server knows more fully gives way, on any base (nothing is written;
	// the device takes the server's value): a device whose older build pulled the day without storing it lifts its
	// page's month on the current version; a stale fuller lift replaces a value another lift wrote ("2017-06" →
	// "2017-06-12"). Neither is anybody's choice. A stale fuller lift against a value a save or a choice wrote
	// still conflicts (set), as does any other difference. It reports whether it settled the field.
	page := func(name, have, want string, assign func()) bool {
		if !slices.Contains(ch.Lifted, name) || (it.Dispute != nil && slices.Contains(it.Dispute.Fields, name)) {
			return false
		}
		switch {
		case syncproto.LessFull(name, want, have):
			return true
		case fv[name] > base && next.Fields.L[name] && syncproto.LessFull(name, have, want):
			assign()
			fv[name] = w
			changed = true
			return true
		}
		return false
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
	// Published and venue are page-given, like title: they merge as it does.
	if ch.Published != nil {
		assign := func() { it.Published = *ch.Published }
		if !page("published", it.Published, *ch.Published, assign) {
			set("published", it.Published == *ch.Published, assign)
		}
	}
	if ch.Venue != nil {
		assign := func() { it.Venue = *ch.Venue }
		if !page("venue", it.Venue, *ch.Venue, assign) {
			set("venue", it.Venue == *ch.Venue, assign)
		}
	}
	if ch.Read != nil {
		set("read", it.Read == *ch.Read, func() { it.Read = *ch.Read })
	}
	if len(conflicts) > 0 {
		out := outcome{status: syncproto.StatusConflict, rec: cur, fields: conflicts,
			err: syncproto.Errorf(syncproto.CodeConflict, "edited on the server after base_version %d: %v", ch.BaseVersion, conflicts)}
		return dispute(out, ch, w, now)
	}
	if d := next.Item.Dispute; d != nil {
		// Settled (or overtaken): a change that sets a disputed field takes it out of the dispute.
		keep := slices.DeleteFunc(slices.Clone(d.Fields), func(f string) bool { return changeSets(ch, f) })
		if len(keep) < len(d.Fields) {
			for _, f := range d.Fields {
				if !slices.Contains(keep, f) {
					lifts(&next.Fields, f, false) // a settled value is chosen, even one the change names as a lift
				}
			}
			next.Item.Dispute = nil
			if len(keep) > 0 {
				values := map[string]json.RawMessage{}
				for _, f := range keep {
					values[f] = d.Values[f]
				}
				next.Item.Dispute = &syncproto.Dispute{Fields: keep, Values: values, At: d.At}
			}
			changed = true
		}
	}
	if ch.Tags != nil && mergeTags(it, next.Fields.T, *ch.Tags, base, w) {
		changed = true
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

// lifts records whether the last write of field name was a lift (fieldVersions.L).
func lifts(fv *fieldVersions, name string, lifted bool) {
	if lifted {
		if fv.L == nil {
			fv.L = map[string]bool{}
		}
		fv.L[name] = true
	} else {
		delete(fv.L, name)
	}
}

// dispute records a conflict on a live item as its Dispute, written at version w, so that the device whose value
// the item holds pulls it and shows that another device is choosing. The same conflict pushed again writes nothing.
func dispute(out outcome, ch *syncproto.Change, w int64, now time.Time) outcome {
	values := map[string]json.RawMessage{}
	for _, f := range out.fields {
		v, err := json.Marshal(changeValue(ch, f))
		if err != nil {
			return out
		}
		values[f] = v
	}
	d := &syncproto.Dispute{Fields: out.fields, Values: values, At: now}
	if old := out.rec.Item.Dispute; old != nil && slices.Equal(old.Fields, d.Fields) && maps.EqualFunc(old.Values, d.Values,
		func(a, b json.RawMessage) bool { return string(a) == string(b) }) {
		return out
	}
	next := out.rec.clone()
	next.Item.Dispute, next.Item.Version = d, w
	out.rec, out.write = &next, true
	return out
}

// changeValue is the value ch sets for a field that can conflict (nil when it sets none).
func changeValue(ch *syncproto.Change, f string) any {
	switch f {
	case "title":
		return ch.Title
	case "authors":
		return ch.Authors
	case "abstract":
		return ch.Abstract
	case "url":
		return ch.URL
	case "pdf_url":
		return ch.PDFURL
	case "tldr":
		return ch.TLDR
	case "keyphrases":
		return ch.Keyphrases
	case "note":
		return ch.Note
	case "read":
		return ch.Read
	case "published":
		return ch.Published
	case "venue":
		return ch.Venue
	}
	return nil
}

// changeSets reports whether ch sets field f.
func changeSets(ch *syncproto.Change, f string) bool {
	v := changeValue(ch, f)
	return v != nil && !reflect.ValueOf(v).IsNil()
}

// mergeTags is the three-way set merge of the tags (see fieldVersions.T): it sets it.Tags from want, the
// client's tags, as of write version w, and reports whether any tag changed.
func mergeTags(it *syncproto.Item, tv map[string][]int64, want []string, base, w int64) (changed bool) {
	wanted := map[string]bool{}
	for _, t := range want {
		wanted[t] = true
	}
	have := map[string]bool{}
	for _, t := range it.Tags {
		have[t] = true
	}
	all := maps.Clone(wanted)
	maps.Copy(all, have)
	for t := range all {
		atBase, known := tagAt(tv[t], base)
		if !known || wanted[t] == atBase || wanted[t] == have[t] {
			continue // the client did not change this tag (or cannot tell), or it already is as the client wants
		}
		if wanted[t] {
			have[t], tv[t] = true, tagFlip(tv[t], w)
		} else {
			delete(have, t)
			tv[t] = tagFlip(tv[t], -w)
		}
		changed = true
	}
	tags := make([]string, 0, len(have))
	for t := range have {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	it.Tags = tags
	return changed
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
		rec: &record{Item: syncproto.Item{ID: d.ID, Version: w}, Deleted: true, Fields: fieldVersions{F: map[string]int64{}, T: map[string][]int64{}}}}
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
	c.Fields.T = make(map[string][]int64, len(r.Fields.T))
	for k, v := range r.Fields.T {
		c.Fields.T[k] = slices.Clone(v)
	}
	c.Fields.L = maps.Clone(r.Fields.L)
	return c
}
