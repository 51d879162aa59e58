package main

import (
	"context"
	"log/slog"
)

// quietRequests is the worker's log handler: it passes every record except the request lines (httpapi's "request"
// records) of requests answered below 400. Cloudflare already records each invocation's method, URL, status and
// CPU time (Workers Logs, `wrangler tail`), so those lines only repeated it, at a price: console.log from the Go
// runtime cost 2-2.5 ms of CPU per request under `wrangler dev` (a quarter of the free plan's 10 ms), and Workers
// Logs count every line against their daily allowance. Refused and failed requests keep their line, with the
// request id and why an access token was refused.
type quietRequests struct{ slog.Handler }

func (h quietRequests) Handle(ctx context.Context, r slog.Record) error {
	if r.Level < slog.LevelWarn && r.Message == "request" {
		status := 0
		r.Attrs(func(a slog.Attr) bool {
			if a.Key == "status" && a.Value.Kind() == slog.KindInt64 {
				status = int(a.Value.Int64())
				return false
			}
			return true
		})
		if status < 400 {
			return nil
		}
	}
	return h.Handler.Handle(ctx, r)
}

func (h quietRequests) WithAttrs(attrs []slog.Attr) slog.Handler {
	return quietRequests{h.Handler.WithAttrs(attrs)}
}

func (h quietRequests) WithGroup(name string) slog.Handler {
	return quietRequests{h.Handler.WithGroup(name)}
}
