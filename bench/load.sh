#!/usr/bin/env bash
# The load benchmark, in one command: `bash bench/load.sh [CORPUS_DIR]`.
# Builds the explorer twice in release mode, with the seeds and with
# CORPUS_DIR (default Reuters-21578), into $LOAD_DIR (default
# /tmp/corpus-explorer-load), then runs bench/load.mjs on both: bytes of a
# first visit, first answer cold at 20 Mbit/s + 20 ms and on localhost,
# second visit offline, renderer memory and keystroke p95, beside issue
# #14's targets. Needs the toolchain of scripts/setup.sh and /usr/bin/chromium.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. scripts/setup.sh
corpus="${1:-$root/../shared/corpora/reuters-21578}"
out="${LOAD_DIR:-/tmp/corpus-explorer-load}"

mkdir -p "$out"
build() { # NAME [CORPUS_DIR]: a release build into $out/NAME, its log in $out/NAME.log
  CORPUS_DIR="${2:-seeds}" trunk build --release --dist "$out/$1" >"$out/$1.log" 2>&1 \
    || { tail -20 "$out/$1.log"; exit 1; }
  grep "post-build:" "$out/$1.log"
}
build seeds
build reuters "$corpus"
node bench/load.mjs "seeds=$out/seeds:nurses" "reuters=$out/reuters:oil"
