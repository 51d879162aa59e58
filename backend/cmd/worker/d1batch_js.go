//go:build js && wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"syscall/js"

	"github.com/papergist/papergist/backend/sqlite"
)

// d1Batch runs the store's batches with the D1 binding's batch (db): its statements in one round trip, run as
// one unit, all or nothing. syumai/workers' D1 driver, which serves every other statement, has no batch.
func d1Batch(db js.Value) sqlite.Batch {
	return func(_ context.Context, stmts []sqlite.Statement) ([]int, error) {
		prepared := make([]any, len(stmts))
		for i, st := range stmts {
			prepared[i] = db.Call("prepare", st.Query).Call("bind", st.Args...)
		}
		results, err := await(db.Call("batch", prepared))
		if err != nil {
			return nil, fmt.Errorf("d1 batch: %w", err)
		}
		counts := make([]int, len(stmts))
		for i := range counts {
			counts[i] = results.Index(i).Get("results").Length()
		}
		return counts, nil
	}
}

// await waits for a JavaScript promise. Unlike syumai/workers' jsutil.AwaitPromise, it releases both of its
// callbacks, so that a runtime serving thousands of requests does not keep one per call.
func await(p js.Value) (js.Value, error) {
	type settled struct {
		v   js.Value
		err error
	}
	ch := make(chan settled, 1)
	then := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- settled{v: args[0]}
		return nil
	})
	catch := js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "rejected"
		if e := args[0]; e.Type() == js.TypeObject && e.Get("message").Type() == js.TypeString {
			msg = e.Get("message").String()
		} else if e.Type() != js.TypeUndefined {
			msg = js.Global().Get("String").Invoke(e).String()
		}
		ch <- settled{err: errors.New(msg)}
		return nil
	})
	p.Call("then", then, catch)
	s := <-ch
	then.Release()
	catch.Release()
	return s.v, s.err
}
