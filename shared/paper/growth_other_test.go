//go:build !linux

package paper_test

import "time"

var processStart = time.Now()

// threadCPU falls back to the wall clock where the thread's CPU time is not read: a busy machine can then
// slow one run more than the other, which the three measurements in a row of assertLinear absorb.
func threadCPU() time.Duration { return time.Since(processStart) }
