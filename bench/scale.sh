#!/usr/bin/env bash
# The scale test, in one command: `bash bench/scale.sh [CORPUS_DIR] [COPIES]`.
# Makes a synthetic corpus COPIES (default 5) times CORPUS_DIR (default
# Reuters-21578) under $SCALE_DIR (default /tmp/corpus-explorer-scale),
# times its preprocessing and prints where its bytes go, builds the site,
# then opens it in Chromium with bench/load.mjs and prints its figures.
# Not part of scripts/test.sh: it takes minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. scripts/setup.sh
source_dir="${1:-$root/../shared/corpora/reuters-21578}"
copies="${2:-5}"
out="${SCALE_DIR:-/tmp/corpus-explorer-scale}"

node bench/scale-corpus.mjs "$source_dir" "$out/corpus" "$copies"
cargo build --quiet --profile data -p corpus
echo "== preprocessing (corpus bundle): wall seconds, peak resident KB"
/usr/bin/time -f "%e s, %M KB" target/data/corpus bundle "$out/corpus" "$out/bundle.bin" --sizes 2>"$out/warnings.txt" \
  || { tail -5 "$out/warnings.txt"; exit 1; }
tail -1 "$out/warnings.txt"
echo "== site"
CORPUS_DIR="$out/corpus" trunk build --release --dist "$out/site" >"$out/site.log" 2>&1 \
  || { tail -20 "$out/site.log"; exit 1; }
grep "post-build:" "$out/site.log"
node bench/load.mjs "scale${copies}x=$out/site:oil"
