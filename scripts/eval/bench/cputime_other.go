//go:build !unix

package main

import "time"

// cpuTime is unavailable here (js/wasm): the figures are wall-clock only.
func cpuTime() (time.Duration, bool) { return 0, false }
