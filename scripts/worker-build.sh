#!/usr/bin/env bash
# Builds the Cloudflare Workers bundle into OUTDIR (default backend/cmd/worker/build, wrangler.toml's main):
# app.wasm (the Go backend for js/wasm), wasm_exec.js and runtime.mjs from syumai/workers, and worker.mjs, our
# glue (backend/cmd/worker/glue.mjs), which keeps one Go runtime per isolate. Tests and benchmarks build into their
# own folder: `wrangler dev` reloads when its bundle changes, and a build under a running `wrangler dev` leaves it
# hanging.
#   PAPERGIST_WORKER_GLUE=legacy  syumai/workers' own worker.mjs, a fresh runtime per request (for make bench-worker)
#   PAPERGIST_WORKER_TAGS=...     extra Go build tags (the worker test's bundle uses workertest)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-backend/cmd/worker/build}"
tags="${PAPERGIST_WORKER_TAGS:-}"
go tool workers-assets-gen -mode=go -o "$out"
if [[ "${PAPERGIST_WORKER_GLUE:-}" == legacy ]]; then
	tags="$tags legacyglue"
else
	cp backend/cmd/worker/glue.mjs "$out/worker.mjs"
fi
GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -tags "$tags" -o "$out/app.wasm" ./backend/cmd/worker
