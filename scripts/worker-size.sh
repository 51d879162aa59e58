#!/usr/bin/env bash
# Prints the Workers bundle size (wrangler's own figures from a dry-run deploy, which needs no account or network) and
# fails when it passes Cloudflare's limit: 64 MiB uncompressed, on every plan (since September 2026 Cloudflare no
# longer limits the compressed size; the gzip figure is printed for reference). Takes the bundle folder that
# scripts/worker-build.sh wrote (default backend/cmd/worker/build).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/worker-env.sh
limit_kib=65536
bundle="$(cd "${1:-$worker_dir/build}" && pwd)"
outdir="$(mktemp -d)"
trap 'rm -rf "$outdir"' EXIT
log=$(wrangler deploy "$bundle/worker.mjs" --config "$worker_dir/wrangler.toml" --dry-run --outdir "$outdir" 2>&1) || { echo "$log" >&2; exit 1; }
line=$(grep -m1 'Total Upload:' <<<"$log") || { echo "$log" >&2; echo "worker-size: wrangler printed no size" >&2; exit 1; }
# "Total Upload: 5764.09 KiB / gzip: 1640.23 KiB"
read -r total gzip < <(sed -E 's/.*Total Upload: ([0-9.]+) KiB \/ gzip: ([0-9.]+) KiB.*/\1 \2/' <<<"$line")
printf 'worker bundle: %s KiB (limit %d KiB uncompressed), gzip %s KiB\n' "$total" "$limit_kib" "$gzip"
if awk -v t="$total" -v l="$limit_kib" 'BEGIN { exit !(t > l) }'; then
	echo "worker-size: the bundle is over Cloudflare's 64 MiB limit" >&2
	exit 1
fi
