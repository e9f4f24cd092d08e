#!/usr/bin/env bash
# The browser search benchmark, in one command: `bash bench/run.sh [CORPUS_DIR]`.
# Installs the JavaScript engines, builds the explorer's search to wasm,
# runs every engine in one headless Chromium page and prints the table.
# Needs node/npm, /usr/bin/chromium (or CHROMIUM=path), the
# wasm32-unknown-unknown target and wasm-bindgen 0.2.130 on PATH.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"

cd "$here"
npm ci --no-audit --no-fund --loglevel=error

cd "$root"
# The app's own release profile (optimised for size), so the figures are
# those of the search users get.
cargo build -p search-bench-wasm --release --target wasm32-unknown-unknown
wasm-bindgen --target web --out-dir "$here/pkg" "$target/wasm32-unknown-unknown/release/search_bench_wasm.wasm"

node "$here/run.mjs" "$@"
