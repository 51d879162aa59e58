#!/usr/bin/env bash
# Prints the Workers bundle size as Cloudflare counts it (wrangler's own gzip figure from a dry-run deploy, which needs
# no account or network) and fails when it passes the free plan's 3 MiB limit. Takes the bundle folder that
# scripts/worker-build.sh wrote (default backend/cmd/worker/build).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/worker-env.sh
limit_kib=3072
bundle="$(cd "${1:-$worker_dir/build}" && pwd)"
outdir="$(mktemp -d)"
trap 'rm -rf "$outdir"' EXIT
log=$(wrangler deploy "$bundle/worker.mjs" --config "$worker_dir/wrangler.toml" --dry-run --outdir "$outdir" 2>&1) || { echo "$log" >&2; exit 1; }
line=$(grep -m1 'Total Upload:' <<<"$log") || { echo "$log" >&2; echo "worker-size: wrangler printed no size" >&2; exit 1; }
# "Total Upload: 5764.09 KiB / gzip: 1640.23 KiB"
read -r total gzip < <(sed -E 's/.*Total Upload: ([0-9.]+) KiB \/ gzip: ([0-9.]+) KiB.*/\1 \2/' <<<"$line")
printf 'worker bundle: %s KiB, gzip %s KiB (free plan limit %d KiB)\n' "$total" "$gzip" "$limit_kib"
if awk -v g="$gzip" -v l="$limit_kib" 'BEGIN { exit !(g > l) }'; then
	echo "worker-size: the gzipped bundle is over the free plan's 3 MiB" >&2
	exit 1
fi
