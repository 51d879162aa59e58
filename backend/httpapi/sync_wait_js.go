//go:build js && wasm

package httpapi

import "time"

// defaultWaitPoll on Workers: another isolate's write is seen only in D1 (see SyncWaitConfig.Poll).
const defaultWaitPoll = time.Second
