//go:build !(js && wasm)

package httpapi

import "time"

// defaultWaitPoll on the native server: its own writes wake waits at once; the timer only covers writes by
// another process on the same file (see SyncWaitConfig.Poll).
const defaultWaitPoll = 5 * time.Second
