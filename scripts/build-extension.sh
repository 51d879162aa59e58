#!/usr/bin/env bash
# Builds the unpacked extension into dist/chrome: the extension/ sources, the content script bundled
# into one classic script (MV3 content scripts cannot be modules), idb-keyval's ES module (where the
# background keeps the sync tokens), the wasm module built by `make wasm`,
# and Go's wasm_exec.js from the toolchain that built it (never committed).
set -euo pipefail
cd "$(dirname "$0")/.."
wasm=${1:-dist/wasm/papergist.wasm}
pdfwasm=${2:-dist/wasm/papergist-pdf.wasm} # loaded only when a PDF is saved (extension/offscreen/pdf.js)
out=dist/chrome
[[ -f $wasm ]] || { echo "build-extension: $wasm is missing: run make wasm" >&2; exit 1; }
[[ -f $pdfwasm ]] || { echo "build-extension: $pdfwasm is missing: run make wasm" >&2; exit 1; }
vendor=extension/node_modules/idb-keyval/dist/index.js
[[ -x extension/node_modules/.bin/esbuild && -f $vendor ]] || (cd extension && npm ci --no-audit --no-fund)
rm -rf "$out"
mkdir -p "$out/wasm" "$out/content" "$out/vendor"
cp -R extension/manifest.json extension/background extension/offscreen extension/popup extension/options extension/lib \
	extension/icons "$out/"
find "$out" -name '*.test.js' -delete # unit tests live beside their files, not in the package
extension/node_modules/.bin/esbuild extension/content/index.js --bundle --format=iife --target=chrome116 \
	--legal-comments=none --log-level=warning --outfile="$out/content/content.js"
cp "$vendor" "$out/vendor/idb-keyval.js" # the background imports it as ../vendor/idb-keyval.js
find "$out" -name '*.test.js' -delete # unit tests stay in the repository
cp "$wasm" "$out/wasm/papergist.wasm"
cp "$pdfwasm" "$out/wasm/papergist-pdf.wasm"
cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" "$out/wasm/wasm_exec.js"
echo "extension: built $out ($(du -sh "$out" | cut -f1), wasm $(du -h "$out/wasm/papergist.wasm" | cut -f1))"
