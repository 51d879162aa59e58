#!/usr/bin/env bash
# Builds the Cloudflare Workers bundle into OUTDIR (default backend/cmd/worker/build, wrangler.toml's main):
# app.wasm (the Go backend for js/wasm) and the JavaScript shim from syumai/workers that instantiates it for each
# request. Tests and benchmarks build into their own folder: `wrangler dev` reloads when its bundle changes, and a
# build under a running `wrangler dev` leaves it hanging.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-backend/cmd/worker/build}"
go tool workers-assets-gen -mode=go -o "$out"
GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o "$out/app.wasm" ./backend/cmd/worker
