//go:build js

package main

import (
	"syscall/js"
	"time"
)

// cpuTime returns the CPU time of the Node process that runs the wasm (process.cpuUsage: user and system,
// all of Node's threads), so that a busy machine does not skew the figures.
func cpuTime() (time.Duration, bool) {
	process := js.Global().Get("process")
	if process.Type() != js.TypeObject || process.Get("cpuUsage").Type() != js.TypeFunction {
		return 0, false
	}
	u := process.Call("cpuUsage")
	return time.Duration(u.Get("user").Float()+u.Get("system").Float()) * time.Microsecond, true
}
