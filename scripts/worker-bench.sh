#!/usr/bin/env bash
# make bench-worker: prints the Workers bundle size (gzip, as Cloudflare counts it), the cold start and the
# per-request latency of the worker under `wrangler dev --local` (workerd on this machine, so no network in the
# figures). Every request starts a fresh Go runtime on Workers, so "per request" includes that start.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/worker-env.sh
requests="${BENCH_REQUESTS:-30}"
health_path="/healthz"

# A bundle and a local D1 of its own, so that a `make worker-dev` running beside it is left alone.
state="$(mktemp -d)"
cleanup() {
	[[ -n "${dev_pid:-}" ]] && kill -- "-$dev_pid" 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$state"
}
trap cleanup EXIT
scripts/worker-build.sh "$state/bundle" >/dev/null
scripts/worker-size.sh "$state/bundle"

port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
base="http://127.0.0.1:$port"
wrangler d1 migrations apply papergist --local --persist-to "$state" >/dev/null
log="$state/dev.log"

ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
start=$(date +%s.%N)
(cd "$worker_dir" && exec setsid "$wrangler_bin" dev "$state/bundle/worker.mjs" --config wrangler.toml --local --ip 127.0.0.1 \
	--port "$port" --persist-to "$state" --show-interactive-dev-session=false --var PAPERGIST_JWT_SECRET:bench-secret-not-for-production-0123456789 \
	--var PAPERGIST_LOGIN_PER_ADDRESS:1000 </dev/null >"$log" 2>&1) &
dev_pid=$!
until grep -q 'Ready on' "$log"; do
	kill -0 "$dev_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
	sleep 0.05
done
ready=$(date +%s.%N)
first=$(curl -sf -o /dev/null -w '%{time_total}' "$base$health_path")
printf 'worker cold start: wrangler dev ready in %s ms, first request %s ms\n' \
	"$(ms "$(awk -v a="$start" -v b="$ready" 'BEGIN { print b - a }')")" "$(ms "$first")"

# CPU time in ms (user + system, all threads) of wrangler's workerd processes (the worker's and wrangler's proxy):
# the machine is shared, so wall-clock latency varies with load, while CPU per request is close to what Workers
# bills and limits (an upper bound: it also counts wasm compilation and the local proxy).
cpu_ms() {
	local pids
	pids=$(pgrep -s "$dev_pid" -x workerd | sed 's|.*|/proc/&/stat|')
	# shellcheck disable=SC2086 # one path per pid
	awk -v hz="$(getconf CLK_TCK)" '{ t += $14 + $15 } END { print t * 1000 / hz }' $pids
}

# measure NAME N CURL_ARGS...: sends the request N times, one after another, and prints p50, p90 and mean latency
# and workerd's CPU per request.
measure() {
	local name="$1" n="$2" cpu0 cpu1 times
	shift 2
	cpu0=$(cpu_ms)
	times=$(for _ in $(seq "$n"); do curl -sf -o /dev/null -w '%{time_total}\n' "$@"; done)
	cpu1=$(cpu_ms)
	sort -n <<<"$times" | awk -v name="$name" -v cpu="$(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN { print b - a }')" '
		{ t[NR] = $1 * 1000; sum += $1 * 1000 }
		END { printf "worker per request, %s (%d requests): p50 %.1f ms, p90 %.1f ms, mean %.1f ms; workerd CPU %.1f ms/request\n", name, NR, t[int(NR*0.5)+1], t[int(NR*0.9)], sum/NR, cpu/NR }'
}

# Warm up: V8 compiles the wasm module again, optimized, in the background after the first requests.
for _ in $(seq 10); do curl -sf -o /dev/null "$base$health_path"; done
measure "GET $health_path" "$requests" "$base$health_path"

json=(-H 'Content-Type: application/json')
cred='{"email":"bench@example.org","password":"correct horse battery"}'
session=$(curl -sf "${json[@]}" -d "$cred" "$base/v1/auth/register")
token=$(node -e 'console.log(JSON.parse(process.argv[1]).access_token)' "$session")
curl -sf -o /dev/null "${json[@]}" -H "Authorization: Bearer $token" -H 'Idempotency-Key: bench-1' \
	-d '{"changes":[{"id":"arxiv:1706.03762","base_version":0,"title":"Attention Is All You Need"}]}' "$base/v1/sync"
measure "GET /v1/sync (JWT + D1 read)" "$requests" -H "Authorization: Bearer $token" "$base/v1/sync?since=0"
# Login hashes the password (argon2id, auth.WorkersArgon2): the CPU-heaviest request. Few: logins are rate-limited.
measure "POST /v1/auth/login (argon2id)" 5 "${json[@]}" -d "$cred" "$base/v1/auth/login"
