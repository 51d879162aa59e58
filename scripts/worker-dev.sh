#!/usr/bin/env bash
# make worker-dev: builds the worker, applies the migrations to a local D1 and serves it with `wrangler dev --local`
# on 127.0.0.1:8787 (PORT to change). State persists in data/wrangler (PAPERGIST_WORKER_STATE to change).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/worker-env.sh
state="${PAPERGIST_WORKER_STATE:-$PWD/data/wrangler}"
mkdir -p "$state"
scripts/worker-build.sh
# Secrets for local runs live in .dev.vars (gitignored); create a random JWT secret once so tokens survive restarts.
if [[ ! -f "$worker_dir/.dev.vars" ]]; then
	(umask 077 && printf 'PAPERGIST_JWT_SECRET=%s\n' "$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" >"$worker_dir/.dev.vars")
fi
wrangler d1 migrations apply papergist --local --persist-to "$state"
cd "$worker_dir"
exec "$wrangler_bin" dev --local --ip 127.0.0.1 --port "${PORT:-8787}" --persist-to "$state" \
	--show-interactive-dev-session=false
