package httpapi

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestHashLimiterBoundsHashesInFlight: however many requests hash at once, at most n run; the rest wait their
// turn, and past the wait are refused with errHashBusy.
func TestHashLimiterBoundsHashesInFlight(t *testing.T) {
	for _, tt := range []struct {
		name      string
		n         int
		wait      time.Duration
		wantBusy  bool
		wantAllOK bool
	}{
		{"waiting long enough, all run", 2, time.Minute, false, true},
		{"not waiting, the overflow is refused", 1, time.Nanosecond, true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := newHashLimiter(tt.n, tt.wait)
			var inFlight, peak, ran, busy atomic.Int64
			release := make(chan struct{})
			var wg sync.WaitGroup
			for range 50 {
				wg.Go(func() {
					err := h.do(context.Background(), func() error {
						n := inFlight.Add(1)
						for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
						}
						<-release // hold the slot until every request has tried
						inFlight.Add(-1)
						ran.Add(1)
						return nil
					})
					if err == errHashBusy {
						busy.Add(1)
					}
				})
			}
			// Let the slots fill and the others queue (or give up), then let the hashes finish.
			for ran.Load()+busy.Load()+int64(len(h.slots)) < 50 && len(h.slots) < tt.n {
				time.Sleep(time.Millisecond)
			}
			if tt.wantBusy {
				for busy.Load() < 50-int64(tt.n) {
					time.Sleep(time.Millisecond)
				}
			}
			close(release)
			wg.Wait()
			assert.LessOrEqual(t, peak.Load(), int64(tt.n), "hashes in flight")
			assert.Equal(t, int64(50), ran.Load()+busy.Load())
			assert.Equal(t, tt.wantBusy, busy.Load() > 0)
			assert.Equal(t, tt.wantAllOK, ran.Load() == 50)
		})
	}
}
