#!/usr/bin/env bash
# Sets up and runs every test: formatting and lints, the core crate's native
# tests, then the browser tests in headless Chromium against a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings
echo "== native tests (every crate but the app)"
cargo test --workspace --exclude corpus-explorer
echo "== app unit tests"
cargo test -p corpus-explorer --bin corpus-explorer
echo "== release build"
trunk build --release
echo "== browser tests"
npx playwright test --config tests/browser/playwright.config.mjs
