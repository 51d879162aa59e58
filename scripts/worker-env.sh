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

# worker_scratch: a temporary folder ($tmp) and the process group of a wrangler dev the script starts ($dev_pid),
# both gone when the script exits, however it exits.
worker_scratch() {
	tmp="$(mktemp -d)"
	dev_pid=
	trap worker_scratch_cleanup EXIT
}
worker_scratch_cleanup() {
	[[ -n "$dev_pid" ]] && kill -- "-$dev_pid" 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$tmp"
}
