#!/usr/bin/env bash
# make test-e2e-worker: the live-sync browser test (scripts/e2e/tests/sync-live.test.js: two headless Chromium
# profiles, real listings and clicks) against the backend as Workers runs it, under `wrangler dev --local` on a
# fresh local D1, on a free port. The server-down step stops a proxy in front of it, as against the native server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/worker-env.sh

worker_scratch
scripts/worker-build.sh "$tmp/bundle" >/dev/null
mkdir -p "$tmp/state"
wrangler d1 migrations apply papergist --local --persist-to "$tmp/state" >/dev/null
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
(cd "$worker_dir" && exec setsid "$wrangler_bin" dev "$tmp/bundle/worker.mjs" --config wrangler.toml --local --ip 127.0.0.1 \
	--port "$port" --persist-to "$tmp/state" --show-interactive-dev-session=false \
	--var "PAPERGIST_JWT_SECRET:e2e-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
	--var PAPERGIST_LOGIN_PER_ADDRESS:1000 --var PAPERGIST_REGISTER_PER_ADDRESS:1000 \
	</dev/null >"$tmp/wrangler.log" 2>&1) &
dev_pid=$!
deadline=$((SECONDS + 180))
until curl -sf -o /dev/null "http://127.0.0.1:$port/readyz"; do
	if ! kill -0 "$dev_pid" 2>/dev/null || ((SECONDS > deadline)); then
		echo "test-e2e-worker: wrangler dev did not get ready on port $port:" >&2
		cat "$tmp/wrangler.log" >&2
		exit 1
	fi
	sleep 0.2
done
echo "test-e2e-worker: wrangler dev --local ready on 127.0.0.1:$port"
cd scripts/e2e
PAPERGIST_E2E_SERVER="http://127.0.0.1:$port" node --test --test-concurrency=1 tests/sync-live.test.js || {
	echo "test-e2e-worker: failed; wrangler's log ends:" >&2
	tail -n 40 "$tmp/wrangler.log" >&2
	exit 1
}
