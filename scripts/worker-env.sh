# Sourced by the scripts/worker-*.sh scripts: where wrangler lives and how it must behave here.
# wrangler runs in local mode only: no login, no telemetry, no prompts (CI has no standard input).
worker_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../backend/cmd/worker" && pwd)"
export WRANGLER_SEND_METRICS=false WRANGLER_SEND_ERROR_REPORTS=false CLOUDFLARE_CF_FETCH_ENABLED=false \
	WRANGLER_HIDE_BANNER=true
wrangler_bin="$worker_dir/node_modules/.bin/wrangler"
if [[ ! -x "$wrangler_bin" ]]; then
	(cd "$worker_dir" && npm ci --no-audit --no-fund </dev/null)
fi

# wrangler runs the pinned wrangler from the worker's directory, where wrangler.toml lives.
wrangler() {
	(cd "$worker_dir" && "$wrangler_bin" "$@" </dev/null)
}
