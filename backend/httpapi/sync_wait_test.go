package httpapi_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/internal/apitest"
	"github.com/papergist/papergist/shared/syncproto"
)

// Contract tests of the long poll GET /v1/sync/wait. They never assert a duration: a wait that was woken is
// told from one that timed out by its status (200 vs 204), with timeouts far above any wake-up delay.

// wait sends GET /v1/sync/wait.
func (u user) wait(t *testing.T, since int64, timeout int) *apitest.Response {
	t.Helper()
	return u.c.Do(t, "GET", fmt.Sprintf("/v1/sync/wait?since=%d&timeout=%d", since, timeout), u.token, nil)
}

// waitAsync sends GET /v1/sync/wait in the background; the answer arrives on the returned channel. After a
// transport error (ctx cancelled, the client's 30 s timeout) it is status 0 with the error as its body, so the
// assertions on it fail with that message rather than a nil dereference.
func (u user) waitAsync(ctx context.Context, since int64, timeout int) <-chan *apitest.Response {
	out := make(chan *apitest.Response, 1)
	go func() {
		req, err := http.NewRequestWithContext(ctx, "GET", fmt.Sprintf("%s/v1/sync/wait?since=%d&timeout=%d", u.c.URL, since, timeout), nil)
		if err != nil {
			out <- &apitest.Response{Body: []byte(err.Error())} // status 0: the assertions say why
			return
		}
		req.Header.Set("Authorization", "Bearer "+u.token)
		resp, err := u.c.HTTP.Do(req)
		if err != nil {
			out <- &apitest.Response{Body: []byte(err.Error())} // a client timeout, say: status 0 and the error
			return
		}
		defer resp.Body.Close()
		var body [256]byte
		n, _ := resp.Body.Read(body[:])
		out <- &apitest.Response{Status: resp.StatusCode, Header: resp.Header, Body: body[:n]}
	}()
	return out
}

// login is another device of u's account.
func login(t *testing.T, srv *apitest.Server, email, password string) user {
	c := srv.NewClient()
	return user{c: c, token: c.Login(t, email, password, "second device").AccessToken}
}

// twoDevices registers an account and returns two of its devices.
func twoDevices(t *testing.T, srv *apitest.Server) (a, b user) {
	c := srv.NewClient()
	s, pw := c.Register(t)
	return user{c: c, token: s.AccessToken}, login(t, srv, s.User.Email, pw)
}

func version(t *testing.T, r *apitest.Response) int64 {
	t.Helper()
	require.Equal(t, http.StatusOK, r.Status, r.String())
	var w syncproto.WaitResponse
	r.JSON(t, &w)
	assert.Equal(t, fmt.Sprint(w.Version), r.Header.Get(syncproto.HeaderLastModifiedVersion))
	return w.Version
}

func TestSyncWaitAnswersWhenTheLibraryPassesSince(t *testing.T) {
	srv := apitest.Start(t)
	a, b := twoDevices(t, srv)

	t.Run("nothing to wait for: at once, 200 with the version", func(t *testing.T) {
		v := a.push(t, syncproto.PushRequest{Changes: []syncproto.Change{newChange("arxiv:2401.00101", "One")}}).Version
		assert.Equal(t, v, version(t, b.wait(t, 0, 20)))
	})

	t.Run("no change: 204 after the timeout, with the version", func(t *testing.T) {
		r := b.wait(t, 1, 1)
		assert.Equal(t, http.StatusNoContent, r.Status, r.String())
		assert.Equal(t, "1", r.Header.Get(syncproto.HeaderLastModifiedVersion))
		assert.Empty(t, r.Body)
		r = b.wait(t, 1, 0)
		assert.Equal(t, http.StatusNoContent, r.Status, "timeout=0 only asks")
	})

	t.Run("another device's push wakes the wait", func(t *testing.T) {
		got := b.waitAsync(context.Background(), 1, 40)
		// The push may land before the wait is open or while it waits: 200 either way, long before 40 s.
		v := a.push(t, syncproto.PushRequest{Changes: []syncproto.Change{{ID: "arxiv:2401.00101", BaseVersion: 1, Note: ptr("new")}}}).Version
		assert.Equal(t, v, version(t, <-got))
	})

	t.Run("a removal wakes it too", func(t *testing.T) {
		got := b.waitAsync(context.Background(), 2, 40)
		v := a.push(t, syncproto.PushRequest{Deletions: []syncproto.Deletion{{ID: "arxiv:2401.00101", BaseVersion: 2}}}).Version
		assert.Equal(t, v, version(t, <-got))
	})

	t.Run("another account's writes do not", func(t *testing.T) {
		other := newUser(t, srv)
		got := b.waitAsync(context.Background(), 3, 2)
		other.push(t, syncproto.PushRequest{Changes: []syncproto.Change{newChange("arxiv:2401.00102", "Other")}})
		r := <-got
		require.NotNil(t, r)
		assert.Equal(t, http.StatusNoContent, r.Status, r.String())
	})

	t.Run("bad parameters and credentials", func(t *testing.T) {
		for _, q := range []string{"since=-1", "since=x", "timeout=51", "timeout=-1", "since=9007199254740992"} {
			requireError(t, b.c.Do(t, "GET", "/v1/sync/wait?"+q, b.token, nil), http.StatusBadRequest, syncproto.CodeInvalid)
		}
		requireError(t, b.c.Do(t, "GET", "/v1/sync/wait?since=0", "", nil), http.StatusUnauthorized, syncproto.CodeUnauthorized)
	})
}

func TestSyncWaitEndsWhenTheLoginIsRevoked(t *testing.T) {
	srv := apitest.Start(t)
	c := srv.NewClient()
	s, pw := c.Register(t)
	b := login(t, srv, s.User.Email, pw)
	var me struct {
		DeviceID string `json:"device_id"`
	}
	b.c.Do(t, "GET", "/v1/me", b.token, nil).JSON(t, &me)
	require.NotEmpty(t, me.DeviceID)
	got := b.waitAsync(context.Background(), 0, 40)
	require.Equal(t, http.StatusNoContent, c.Do(t, "DELETE", "/v1/devices/"+me.DeviceID, s.AccessToken, nil).Status)
	r := <-got
	require.NotNil(t, r)
	assert.Equal(t, http.StatusUnauthorized, r.Status, "a revoked login's wait ends at its next check, not after 40 s: %s", r)
}

// openWaits opens n waits of u at once and returns their answers; they hold until the library changes.
func openWaits(ctx context.Context, u user, n int) []<-chan *apitest.Response {
	out := make([]<-chan *apitest.Response, n)
	for i := range out {
		out[i] = u.waitAsync(ctx, 0, 45)
	}
	return out
}

// collect reads the answers and counts their statuses (0 for a transport error); once `refused` of them were
// 429, it calls release, which must end the rest.
func collect(t *testing.T, answers []<-chan *apitest.Response, refused int, release func()) map[int]int {
	t.Helper()
	statuses := map[int]int{}
	pending := map[int]bool{}
	for i := range answers {
		pending[i] = true
	}
	released := false
	for len(pending) > 0 {
		for i := range pending {
			select {
			case r := <-answers[i]:
				delete(pending, i)
				statuses[r.Status]++ // 0 for a transport error: the client gave up
				if r.Status == http.StatusTooManyRequests {
					assert.NotEmpty(t, r.Header.Get("Retry-After"))
					assert.Contains(t, string(r.Body), syncproto.CodeRateLimited)
				}
			case <-time.After(10 * time.Millisecond):
			}
		}
		// Each 429 means the limit was full when it was refused, and no lease is given back before release: so
		// once `refused` were turned away, every other wait holds its lease.
		if !released && statuses[http.StatusTooManyRequests] >= refused {
			released = true
			release()
		}
	}
	return statuses
}

func TestSyncWaitLimitPerAccount(t *testing.T) {
	srv := apitest.Start(t)
	u := newUser(t, srv)
	answers := openWaits(context.Background(), u, 12) // the account allows 10 open waits
	statuses := collect(t, answers, 2, func() {
		u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{newChange("arxiv:2401.00201", "Wake")}})
	})
	assert.Equal(t, map[int]int{http.StatusOK: 10, http.StatusTooManyRequests: 2}, statuses)
	assert.Equal(t, http.StatusOK, u.wait(t, 0, 5).Status, "the places are free again once the waits answered")
}

func TestSyncWaitLimitPerAddress(t *testing.T) {
	srv := apitest.Start(t)
	var users []user
	var answers []<-chan *apitest.Response
	for i := 0; i < 5; i++ { // 4 accounts × 10 fill the address's 40; the fifth account's wait is one too many
		u := newUser(t, srv)
		users = append(users, u)
		n := 10
		if i == 4 {
			n = 1
		}
		answers = append(answers, openWaits(context.Background(), u, n)...)
	}
	statuses := collect(t, answers, 1, func() {
		for i, u := range users {
			u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{newChange(fmt.Sprintf("arxiv:2401.%05d", 300+i), "Wake")}})
		}
	})
	assert.Equal(t, map[int]int{http.StatusOK: 40, http.StatusTooManyRequests: 1}, statuses)
}

func TestSyncWaitLeaseFreedByClientGoneOrExpiry(t *testing.T) {
	srv := apitest.Start(t)
	if srv.External() {
		t.Skip("needs the in-process server: its clock, and a client disconnect seen at once")
	}
	u := newUser(t, srv)
	ctx, cancel := context.WithCancel(context.Background())
	answers := openWaits(ctx, u, 11)
	// The 11th is refused once 10 hold their leases; then the clients go away, and their leases are given back.
	statuses := collect(t, answers, 1, cancel)
	assert.Equal(t, map[int]int{0: 10, http.StatusTooManyRequests: 1}, statuses)
	// The server notices a closed connection soon, not at once: ask until a place is free, at most 10 s.
	status := 0
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); {
		if status = u.wait(t, 0, 1).Status; status != http.StatusTooManyRequests {
			break
		}
	}
	assert.Equal(t, http.StatusNoContent, status, "a place is free after the clients left")

	// A request that died without closing its lease (a killed process): the lease ends at its expiry.
	stuck := openWaits(context.Background(), u, 11)
	collect(t, stuck, 1, func() {
		srv.Clock.Advance(time.Minute) // every lease is now past its expiry
		assert.Equal(t, http.StatusNoContent, u.wait(t, 0, 1).Status, "expired leases do not count")
		u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{newChange("arxiv:2401.00401", "Wake")}})
	})
}

func TestSyncWaitTellsTheOtherDeviceOfADisputeAndItsSettlement(t *testing.T) {
	srv := apitest.Start(t)
	a, b := twoDevices(t, srv)
	const id = "arxiv:2401.00501"
	a.push(t, syncproto.PushRequest{Changes: []syncproto.Change{newChange(id, "Disputed")}})
	v := a.push(t, syncproto.PushRequest{Changes: []syncproto.Change{{ID: id, BaseVersion: 1, Note: ptr("a's note")}}}).Version

	// B edited the note from version 1 too: its push is a conflict, which A hears of through its wait.
	waiting := a.waitAsync(context.Background(), v, 40)
	conflict := b.push(t, syncproto.PushRequest{Changes: []syncproto.Change{{ID: id, BaseVersion: 1, Note: ptr("b's note")}}})
	require.Equal(t, syncproto.StatusConflict, conflict.Results[0].Status)
	disputed := version(t, <-waiting)
	items := a.pull(t, v, "").Items
	require.Len(t, items, 1)
	assert.Equal(t, "a's note", items[0].Note, "the dispute changes no value")
	require.NotNil(t, items[0].Dispute, "A learns that its note is disputed")
	assert.Equal(t, []string{"note"}, items[0].Dispute.Fields)
	assert.JSONEq(t, `"b's note"`, string(items[0].Dispute.Values["note"]))

	// B's user keeps A's note: B pushes it on the disputed version, which settles the dispute; A hears of it.
	waiting = a.waitAsync(context.Background(), disputed, 40)
	settled := b.push(t, syncproto.PushRequest{Changes: []syncproto.Change{{ID: id, BaseVersion: disputed, Note: ptr("a's note")}}})
	require.Equal(t, syncproto.StatusApplied, settled.Results[0].Status)
	assert.Equal(t, settled.Version, version(t, <-waiting))
	items = a.pull(t, disputed, "").Items
	require.Len(t, items, 1)
	assert.Nil(t, items[0].Dispute)
	assert.Equal(t, "a's note", items[0].Note)
}
