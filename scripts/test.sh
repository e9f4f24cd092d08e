#!/usr/bin/env bash
# Sets up and runs every test: formatting and lints, every crate's native
# tests, then the browser tests in headless Chromium against release builds
# of the seeds and of a hostile corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings
echo "== the browser app links no build-time crate"
if cargo tree --target wasm32-unknown-unknown -p corpus-explorer -e normal --prefix none \
  | grep -E '^(corpus-pipeline|toml v0\.)'; then
  echo "the app depends on the pipeline or its front-matter parser (above)"
  exit 1
fi
echo "== native tests (every crate but the app)"
cargo test --workspace --exclude corpus-explorer
echo "== app unit tests"
cargo test -p corpus-explorer --bin corpus-explorer
echo "== release build"
trunk build --release
echo "== release build of a hostile corpus (scripts/hostile-corpus.sh)"
hostile=$(mktemp -d)/hostile
bash scripts/hostile-corpus.sh "$hostile"
CORPUS_DIR="$hostile" trunk build --release --dist dist-hostile
echo "== browser tests"
npx playwright test --config tests/browser/playwright.config.mjs
