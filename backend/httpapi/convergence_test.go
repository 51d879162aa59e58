package httpapi_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/auth"
	"github.com/papergist/papergist/backend/internal/apitest"
	"github.com/papergist/papergist/shared/syncproto"
)

// The convergence test: simulated devices of one user edit, tag, create and delete offline and sync in random
// order through the real HTTP API, with faults injected (lost responses then retries, duplicated concurrent
// requests, server restarts). At the end every device must equal the server, and the server must hold, for each
// field and each tag, the value of the last acknowledged edit, unless an acknowledged deletion came after it.

// scalar fields the devices edit, with how to read and set them.
var scalarFields = map[string]struct {
	get func(*syncproto.Item) string
	set func(*syncproto.Change, string)
}{
	"title": {func(it *syncproto.Item) string { return it.Title }, func(c *syncproto.Change, v string) { c.Title = &v }},
	"note":  {func(it *syncproto.Item) string { return it.Note }, func(c *syncproto.Change, v string) { c.Note = &v }},
	"tldr":  {func(it *syncproto.Item) string { return it.TLDR }, func(c *syncproto.Change, v string) { c.TLDR = &v }},
	"read": {func(it *syncproto.Item) string { return strconv.FormatBool(it.Read) }, func(c *syncproto.Change, v string) {
		b := v == "true"
		c.Read = &b
	}},
}

var simTags = []string{"a", "b", "c", "d", "e", "f"}

// local is a device's copy of one item: the server state it last saw plus its pending offline edits.
type local struct {
	base     syncproto.Item    // Version 0: never seen on the server
	edits    map[string]string // scalar field → value
	tagAdd   map[string]bool
	tagDel   map[string]bool
	deleting bool
}

func (l *local) tags() []string {
	set := map[string]bool{}
	for _, t := range l.base.Tags {
		set[t] = true
	}
	maps.Copy(set, l.tagAdd)
	for t := range l.tagDel {
		delete(set, t)
	}
	return append([]string{}, slices.Sorted(maps.Keys(set))...) // [] not null: null would mean "tags unchanged"
}

func (l *local) pending() bool {
	return l.deleting || len(l.edits) > 0 || len(l.tagAdd) > 0 || len(l.tagDel) > 0
}

// rebase takes a newer server state; intents it already satisfies are dropped.
func (l *local) rebase(it syncproto.Item) {
	l.base = it
	for t := range l.tagAdd {
		if slices.Contains(it.Tags, t) {
			delete(l.tagAdd, t)
		}
	}
	for t := range l.tagDel {
		if !slices.Contains(it.Tags, t) {
			delete(l.tagDel, t)
		}
	}
}

// ack is one acknowledged edit of a field ("title", "tag:x", …): its value and the version it is at.
type ack struct {
	version int64
	value   string
}

type oracle struct {
	mu      sync.Mutex
	last    map[string]map[string]ack // item → field → last acknowledged edit (by version)
	deleted map[string]int64          // item → version of the last acknowledged deletion
}

func (o *oracle) edit(id, field, value string, version int64) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.last[id] == nil {
		o.last[id] = map[string]ack{}
	}
	if prev, ok := o.last[id][field]; !ok || version >= prev.version {
		o.last[id][field] = ack{version, value}
	}
}

func (o *oracle) deletion(id string, version int64) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.deleted[id] = max(o.deleted[id], version)
}

type device struct {
	name  string
	c     *apitest.Client
	token string
	items map[string]*local
	since int64
	rng   *rand.Rand
	seq   int
}

type sim struct {
	t      *testing.T
	srv    *apitest.Server
	oracle *oracle
	ids    []string
	stats  map[string]int
}

func (d *device) value(field string) string {
	d.seq++
	if field == "read" {
		return strconv.FormatBool(d.rng.IntN(2) == 0)
	}
	return fmt.Sprintf("%s %s %d", d.name, field, d.seq)
}

// offline applies one random local edit.
func (s *sim) offline(d *device) {
	id := s.ids[d.rng.IntN(len(s.ids))]
	l := d.items[id]
	switch r := d.rng.IntN(100); {
	case l == nil: // save a new paper
		l = &local{edits: map[string]string{"title": d.value("title")}, tagAdd: map[string]bool{}, tagDel: map[string]bool{}}
		l.base.ID = id
		if d.rng.IntN(2) == 0 {
			l.tagAdd[simTags[d.rng.IntN(len(simTags))]] = true
		}
		d.items[id] = l
		s.stats["create"]++
	case l.deleting:
		s.stats["noop"]++
	case r < 4:
		if l.base.Version == 0 {
			delete(d.items, id) // never reached the server: just forget it
		} else {
			l.deleting = true
		}
		s.stats["delete"]++
	case r < 40:
		t := simTags[d.rng.IntN(len(simTags))]
		// Intents are relative to the base: undoing a pending add just forgets it.
		switch {
		case l.tagAdd[t]:
			delete(l.tagAdd, t)
		case l.tagDel[t]:
			delete(l.tagDel, t)
		case slices.Contains(l.base.Tags, t):
			l.tagDel[t] = true
		default:
			l.tagAdd[t] = true
		}
		s.stats["tag"]++
	default:
		f := slices.Sorted(maps.Keys(scalarFields))[d.rng.IntN(len(scalarFields))]
		l.edits[f] = d.value(f)
		s.stats["edit"]++
	}
}

// send posts a push with fault injection and returns the answer the device finally gets.
func (s *sim) send(d *device, req syncproto.PushRequest) syncproto.PushResponse {
	t := s.t
	key := auth.RandomToken(12)
	post := func() *apitest.Response {
		return d.c.Do(t, "POST", "/v1/sync", d.token, req, syncproto.HeaderIdempotencyKey, key)
	}
	var r *apitest.Response
	switch f := d.rng.IntN(100); {
	case f < 12: // the response is lost: the device retries with the same key
		lost := post()
		require.Equal(t, http.StatusOK, lost.Status, lost.String())
		if !s.srv.External() && d.rng.IntN(8) == 0 {
			s.srv.Restart(t)
		}
		r = post()
		require.Equal(t, http.StatusOK, r.Status, r.String())
		assert.JSONEq(t, string(lost.Body), string(r.Body), "a retry answers like the lost response")
		assert.Equal(t, "true", r.Header.Get("Idempotent-Replayed"))
		s.stats["lost+retry"]++
	case f < 22: // the request is duplicated in flight
		var wg sync.WaitGroup
		rs := make([]*apitest.Response, 2)
		errs := make([]error, 2)
		for i := range rs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rs[i], errs[i] = d.c.Try("POST", "/v1/sync", d.token, req, syncproto.HeaderIdempotencyKey, key)
			}()
		}
		wg.Wait()
		for i := range rs {
			require.NoError(t, errs[i])
			require.Equal(t, http.StatusOK, rs[i].Status, rs[i].String())
		}
		assert.JSONEq(t, string(rs[0].Body), string(rs[1].Body), "duplicates get the same answer")
		r = rs[d.rng.IntN(2)]
		s.stats["duplicate"]++
	default:
		r = post()
		require.Equal(t, http.StatusOK, r.Status, r.String())
	}
	var resp syncproto.PushResponse
	r.JSON(t, &resp)
	return resp
}

// sync pulls everything new, then pushes every pending edit and records what was acknowledged.
func (s *sim) sync(d *device) {
	t := s.t
	s.stats["sync"]++
	if !s.srv.External() && d.rng.IntN(100) < 1 {
		s.srv.Restart(t)
	}
	for {
		p := d.c.Do(t, "GET", "/v1/sync?limit=25&since="+strconv.FormatInt(d.since, 10), d.token, nil)
		require.Equal(t, http.StatusOK, p.Status, p.String())
		var page syncproto.PullResponse
		p.JSON(t, &page)
		require.GreaterOrEqual(t, page.Version, d.since)
		for _, it := range page.Items {
			if l := d.items[it.ID]; l != nil {
				l.rebase(it)
			} else {
				d.items[it.ID] = &local{base: it, edits: map[string]string{}, tagAdd: map[string]bool{}, tagDel: map[string]bool{}}
			}
		}
		for _, ts := range page.Deleted {
			delete(d.items, ts.ID) // unacknowledged local edits of a deleted item are dropped
		}
		d.since = page.Version
		if !page.More {
			break
		}
	}
	var req syncproto.PushRequest
	var sent []*local
	for _, id := range slices.Sorted(maps.Keys(d.items)) {
		l := d.items[id]
		if !l.pending() {
			continue
		}
		sent = append(sent, l)
		if l.deleting {
			req.Deletions = append(req.Deletions, syncproto.Deletion{ID: id, BaseVersion: l.base.Version})
			continue
		}
		ch := syncproto.Change{ID: id, BaseVersion: l.base.Version}
		for f, v := range l.edits {
			scalarFields[f].set(&ch, v)
		}
		if len(l.tagAdd)+len(l.tagDel) > 0 || l.base.Version == 0 {
			ch.Tags = ptr(l.tags())
		}
		req.Changes = append(req.Changes, ch)
	}
	if len(sent) == 0 {
		return
	}
	// Changes come first in the results, then deletions; order sent to match.
	slices.SortStableFunc(sent, func(a, b *local) int {
		if a.deleting == b.deleting {
			return 0
		}
		if a.deleting {
			return 1
		}
		return -1
	})
	resp := s.send(d, req)
	require.Len(t, resp.Results, len(sent))
	for i, res := range resp.Results {
		l := sent[i]
		require.Equal(t, l.base.ID, res.ID)
		require.NotEqual(t, syncproto.StatusInvalid, res.Status, "%+v", res.Error)
		switch {
		case l.deleting && res.Status == syncproto.StatusApplied:
			s.oracle.deletion(res.ID, resp.Version)
			delete(d.items, res.ID)
			s.stats["ack delete"]++
		case l.deleting: // edited elsewhere since: the device still wants it gone, based on the new state
			l.rebase(*res.Item)
			s.stats["conflict"]++
		case res.Status == syncproto.StatusApplied:
			it := *res.Item
			assert.Equal(t, it.Version, res.Version)
			for f, v := range l.edits {
				require.Equal(t, v, scalarFields[f].get(&it), "an applied edit is in the returned item")
				s.oracle.edit(res.ID, f, v, it.Version)
			}
			for tg := range l.tagAdd {
				require.Contains(t, it.Tags, tg)
				s.oracle.edit(res.ID, "tag:"+tg, "true", it.Version)
			}
			for tg := range l.tagDel {
				require.NotContains(t, it.Tags, tg)
				s.oracle.edit(res.ID, "tag:"+tg, "false", it.Version)
			}
			l.edits, l.tagAdd, l.tagDel = map[string]string{}, map[string]bool{}, map[string]bool{}
			l.base = it
			s.stats["ack change"]++
		case res.Item == nil && l.base.Version == 0: // saved here while deleted elsewhere: save it again
			require.Equal(t, syncproto.CodeGone, res.Error.Code)
			require.Positive(t, res.Version)
			l.base.Version = res.Version
			s.stats["conflict"]++
		case res.Item == nil: // edited here, deleted on the server after our base: accept the deletion
			require.Equal(t, syncproto.CodeGone, res.Error.Code)
			delete(d.items, res.ID)
			s.stats["conflict"]++
		default: // an overlapping edit: keep ours on top of the server's and push again next time
			l.rebase(*res.Item)
			s.stats["conflict"]++
		}
	}
}

func TestConvergence(t *testing.T) {
	srv := apitest.Start(t)
	seed := uint64(rand.Int64())
	if s := os.Getenv("PAPERGIST_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d (PAPERGIST_SEED to replay)", seed)
	ops, devices := 6000, 4
	s := &sim{t: t, srv: srv, oracle: &oracle{last: map[string]map[string]ack{}, deleted: map[string]int64{}}, stats: map[string]int{}}
	for i := 0; i < 30; i++ {
		s.ids = append(s.ids, fmt.Sprintf("arxiv:2408.%05d", i))
	}
	c := srv.NewClient()
	first, pw := c.Register(t)
	var devs []*device
	for i := 0; i < devices; i++ {
		name := "dev" + strconv.Itoa(i)
		sess := c.Login(t, first.User.Email, pw, name)
		devs = append(devs, &device{name: name, c: srv.NewClient(), token: sess.AccessToken, items: map[string]*local{},
			rng: rand.New(rand.NewPCG(seed, uint64(i)))})
	}
	rng := rand.New(rand.NewPCG(seed, 99))
	for op := 0; op < ops; op++ {
		d := devs[rng.IntN(len(devs))]
		if rng.IntN(100) < 30 {
			s.sync(d)
		} else {
			s.offline(d)
		}
		if t.Failed() {
			t.FailNow()
		}
	}
	// Settle: sync round-robin until no device has anything pending (conflicts resolve on the next round).
	for round := 0; ; round++ {
		require.Less(t, round, 20, "devices do not settle")
		for _, d := range devs {
			s.sync(d)
		}
		busy := false
		for _, d := range devs {
			for _, l := range d.items {
				busy = busy || l.pending()
			}
		}
		if !busy {
			break
		}
	}
	for _, d := range devs {
		s.sync(d) // everyone sees the last round's writes
	}

	// The server's library, as a fresh device sees it.
	server := map[string]syncproto.Item{}
	var since int64
	for {
		var page syncproto.PullResponse
		c.Do(t, "GET", "/v1/sync?since="+strconv.FormatInt(since, 10), first.AccessToken, nil).JSON(t, &page)
		for _, it := range page.Items {
			server[it.ID] = it
		}
		since = page.Version
		if !page.More {
			break
		}
	}
	for _, d := range devs {
		got := map[string]syncproto.Item{}
		for id, l := range d.items {
			got[id] = l.base
		}
		require.Equal(t, server, got, "device %s ends equal to the server", d.name)
	}
	checked := 0
	for id, fields := range s.oracle.last {
		it, live := server[id]
		for f, a := range fields {
			if s.oracle.deleted[id] > a.version {
				continue // an acknowledged deletion came later
			}
			require.True(t, live, "%s: acknowledged edit of %s at version %d, item missing", id, f, a.version)
			var v string
			if tg, ok := cutPrefix(f, "tag:"); ok {
				v = strconv.FormatBool(slices.Contains(it.Tags, tg))
			} else {
				v = scalarFields[f].get(&it)
			}
			assert.Equal(t, a.value, v, "%s: last acknowledged edit of %s (version %d) lost", id, f, a.version)
			checked++
		}
	}
	t.Logf("%d ops on %d devices, %d server restarts, final version %d, %d live items, %d acknowledged field values checked; %v",
		ops, devices, srv.Restarts(), since, len(server), checked, s.stats)
	assert.Positive(t, s.stats["conflict"], "the run exercised conflicts")
	assert.Positive(t, s.stats["ack delete"], "the run exercised deletions")
}

func cutPrefix(s, p string) (string, bool) {
	if len(s) >= len(p) && s[:len(p)] == p {
		return s[len(p):], true
	}
	return s, false
}
