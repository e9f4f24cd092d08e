#!/usr/bin/env bash
# Sets up, builds the explorer in release mode and serves it on
# http://127.0.0.1:8080 (the corpus is seeds/ unless CORPUS_DIR says otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
trunk build --release
echo "The explorer is at http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops it)"
exec node tests/browser/serve.mjs dist "${PORT:-8080}" 127.0.0.1
