package sqlite

import "sync"

// watchers wakes this process's long polls (GET /v1/sync/wait) when a write of their library commits, so that
// a native server answers them at once instead of at their next database check. It is only a speed-up: a
// waiter re-reads the library version after every wake-up and also on a timer, which is how writes by another
// process (another server on the same file, another Workers isolate) reach it.
type watchers struct {
	mu   sync.Mutex
	subs map[string]map[*Watch]struct{} // user id → open watches
}

// Watch is one subscription to a user's library writes. C receives a value (at most one is kept) after every
// write committed by this process; Close ends it.
type Watch struct {
	C      <-chan struct{}
	c      chan struct{}
	userID string
	w      *watchers
}

// Watch subscribes to the writes of userID's library. Subscribe before reading the version you compare with,
// so that a write between the read and the wait is not missed.
func (s *Store) Watch(userID string) *Watch {
	c := make(chan struct{}, 1)
	w := &Watch{C: c, c: c, userID: userID, w: &s.watchers}
	s.watchers.mu.Lock()
	defer s.watchers.mu.Unlock()
	if s.watchers.subs == nil {
		s.watchers.subs = map[string]map[*Watch]struct{}{}
	}
	if s.watchers.subs[userID] == nil {
		s.watchers.subs[userID] = map[*Watch]struct{}{}
	}
	s.watchers.subs[userID][w] = struct{}{}
	return w
}

// Close ends the subscription.
func (w *Watch) Close() {
	w.w.mu.Lock()
	defer w.w.mu.Unlock()
	delete(w.w.subs[w.userID], w)
	if len(w.w.subs[w.userID]) == 0 {
		delete(w.w.subs, w.userID)
	}
}

// changed wakes every watch of userID's library; called after a write of it committed.
func (s *Store) changed(userID string) {
	s.watchers.mu.Lock()
	defer s.watchers.mu.Unlock()
	for w := range s.watchers.subs[userID] {
		select {
		case w.c <- struct{}{}:
		default: // a wake-up is already pending
		}
	}
}
