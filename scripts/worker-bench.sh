#!/usr/bin/env bash
# make bench-worker: prints the Workers bundle size, then, under `wrangler dev --local` (workerd on this machine, no
# network in the figures), the cold start and BENCH_REQUESTS (default 200) sequential warm requests of each kind for
# two builds of the same app: the old glue (syumai/workers' worker.mjs, a fresh Go runtime per request) and ours
# (backend/cmd/worker/glue.mjs, one Go runtime per isolate). Latency p50/p90, and workerd's CPU per request, which
# is what the free plan's 10 ms CPU limit is about. First the floor: a JavaScript worker that answers at once, which
# shows what wrangler dev itself (its proxy and entry workers) adds to every figure, and one that makes one D1 query.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/worker-env.sh
requests="${BENCH_REQUESTS:-200}"

# Bundles and local D1s of their own, so that a `make worker-dev` running beside it is left alone.
worker_scratch
scripts/worker-build.sh "$tmp/new" >/dev/null
PAPERGIST_WORKER_GLUE=legacy scripts/worker-build.sh "$tmp/old" >/dev/null
mkdir -p "$tmp/floor"
echo 'export default { fetch: () => new Response("{\"status\":\"ok\"}") };' >"$tmp/floor/worker.mjs"
# and one that first runs one trivial D1 query: what a D1 round trip costs under wrangler dev (its local D1 runs in
# the same workerd, so its CPU is in the figures; on Workers, D1 runs elsewhere and waiting for it is not CPU).
mkdir -p "$tmp/floor-d1"
echo 'export default { fetch: async (_, env) => { await env.DB.prepare("SELECT 1").raw(); return new Response("{\"status\":\"ok\"}"); } };' >"$tmp/floor-d1/worker.mjs"
scripts/worker-size.sh "$tmp/new"

ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }

# run GLUE [healthz-only]: serves the bundle $tmp/GLUE on a fresh local D1 and measures it into $tmp/GLUE.json.
run() {
	local glue="$1" state="$tmp/state-$1" port start ready first
	mkdir -p "$state"
	wrangler d1 migrations apply papergist --local --persist-to "$state" >/dev/null
	port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
	: >"$tmp/$glue.log"
	start=$(date +%s.%N)
	(cd "$worker_dir" && exec setsid "$wrangler_bin" dev "$tmp/$glue/worker.mjs" --config wrangler.toml --local --ip 127.0.0.1 \
		--port "$port" --persist-to "$state" --show-interactive-dev-session=false \
		--var PAPERGIST_JWT_SECRET:bench-secret-not-for-production-0123456789 --var PAPERGIST_LOGIN_PER_ADDRESS:1000 \
		</dev/null >"$tmp/$glue.log" 2>&1) &
	dev_pid=$!
	until grep -q 'Ready on' "$tmp/$glue.log"; do
		kill -0 "$dev_pid" 2>/dev/null || { cat "$tmp/$glue.log" >&2; exit 1; }
		sleep 0.05
	done
	ready=$(date +%s.%N)
	first=$(curl -sf -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/healthz")
	printf 'worker cold start, %s glue: wrangler dev ready in %s ms, first request %s ms\n' "$glue" \
		"$(ms "$(awk -v a="$start" -v b="$ready" 'BEGIN { print b - a }')")" "$(ms "$first")"
	node scripts/worker-bench-requests.mjs "http://127.0.0.1:$port" "$dev_pid" "$requests" ${2:-} >"$tmp/$glue.json"
	kill -- "-$dev_pid" 2>/dev/null || true
	wait "$dev_pid" 2>/dev/null || true
	dev_pid=
}
run floor healthz-only
run floor-d1 healthz-only
run old
run new

echo "worker per request under wrangler dev --local, sequential warm requests: old glue (a Go runtime per request) → new glue (one per isolate)"
node -e '
	const [floor, floorD1, old, now] = process.argv.slice(1).map((f) => JSON.parse(require("fs").readFileSync(f, "utf8")));
	const f = (x) => x.toFixed(1).padStart(6);
	console.log(`  floor: a JavaScript worker answering at once: p50 ${f(floor[0].p50)} ms, workerd CPU ${f(floor[0].cpu)} ms/request`);
	console.log(`  floor: the same after one D1 query (SELECT 1): p50 ${f(floorD1[0].p50)} ms, workerd CPU ${f(floorD1[0].cpu)} ms/request`);
	for (const [i, o] of old.entries()) {
		const n = now[i];
		console.log(`  ${o.name.padEnd(32)} ${String(o.count).padStart(4)} requests: p50 ${f(o.p50)} → ${f(n.p50)} ms, ` +
			`p90 ${f(o.p90)} → ${f(n.p90)} ms, mean ${f(o.mean)} → ${f(n.mean)} ms; workerd CPU ${f(o.cpu)} → ${f(n.cpu)} ms/request`);
	}' "$tmp/floor.json" "$tmp/floor-d1.json" "$tmp/old.json" "$tmp/new.json"
