//go:build !unix && !js

package main

import "time"

// cpuTime is unavailable here: the figures are wall-clock only.
func cpuTime() (time.Duration, bool) { return 0, false }
