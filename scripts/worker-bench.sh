#!/usr/bin/env bash
# make bench-worker: prints the Workers bundle size (gzip, as Cloudflare counts it), the cold start and the
# per-request latency of the worker under `wrangler dev --local` (workerd on this machine, so no network in the
# figures). Every request starts a fresh Go runtime on Workers, so "per request" includes that start.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/worker-env.sh
requests="${BENCH_REQUESTS:-30}"
health_path="/healthz"

scripts/worker-build.sh
scripts/worker-size.sh

state="$(mktemp -d)"
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
base="http://127.0.0.1:$port"
wrangler d1 migrations apply papergist --local --persist-to "$state" >/dev/null
log="$state/dev.log"
cleanup() {
	[[ -n "${dev_pid:-}" ]] && kill -- "-$dev_pid" 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$state"
}
trap cleanup EXIT

ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
start=$(date +%s.%N)
(cd "$worker_dir" && exec setsid "$wrangler_bin" dev --local --ip 127.0.0.1 --port "$port" --persist-to "$state" \
	--show-interactive-dev-session=false --var PAPERGIST_JWT_SECRET:bench-secret-not-for-production </dev/null >"$log" 2>&1) &
dev_pid=$!
until grep -q 'Ready on' "$log"; do
	kill -0 "$dev_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
	sleep 0.05
done
ready=$(date +%s.%N)
first=$(curl -sf -o /dev/null -w '%{time_total}' "$base$health_path")
printf 'worker cold start: wrangler dev ready in %s ms, first request %s ms\n' \
	"$(ms "$(awk -v a="$start" -v b="$ready" 'BEGIN { print b - a }')")" "$(ms "$first")"

times=()
for _ in $(seq "$requests"); do
	times+=("$(curl -sf -o /dev/null -w '%{time_total}' "$base$health_path")")
done
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$requests" -v p="$health_path" '
	{ t[NR] = $1 * 1000; sum += $1 * 1000 }
	END { printf "worker per request (GET %s, %d requests): p50 %.1f ms, p90 %.1f ms, mean %.1f ms\n", p, n, t[int(n*0.5)+1], t[int(n*0.9)], sum/n }'
