#!/usr/bin/env bash
# Builds the Cloudflare Workers bundle into backend/cmd/worker/build: app.wasm (the Go backend for js/wasm) and the
# JavaScript shim from syumai/workers that instantiates it for each request.
set -euo pipefail
cd "$(dirname "$0")/.."
out=backend/cmd/worker/build
go tool workers-assets-gen -mode=go -o "$out"
GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o "$out/app.wasm" ./backend/cmd/worker
