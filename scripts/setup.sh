#!/usr/bin/env bash
# Installs what building and testing the explorer needs, skipping whatever is
# already present, so it is slow once on a fresh machine and fast after that.
# Source it (`. scripts/setup.sh`) to also get the tools on PATH.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$HOME/.cargo/bin:$repo/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

say() { printf 'setup: %s\n' "$*"; }

# Installs a crate's binaries at a version, retrying without --locked when the
# registry mirror lacks a locked dependency.
cargo_install() {
  cargo install "$@" --locked || cargo install "$@"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "installing trunk 0.21 (about 10 minutes)"
  cargo_install trunk --version '~0.21'
fi

bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$repo/Cargo.lock")
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version"
  cargo_install wasm-bindgen-cli --version "=$bindgen_version"
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian chromium and chromium-driver"
  sudo_if_needed=""
  [ "$(id -u)" -eq 0 ] || sudo_if_needed="sudo"
  $sudo_if_needed apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -q chromium chromium-driver
fi

# Node packages: wasm-opt (binaryen) for release builds, Playwright and axe for
# the browser tests. Reinstalled only when the lockfile changed.
if [ ! -f "$repo/node_modules/.package-lock.json" ] \
  || [ "$repo/package-lock.json" -nt "$repo/node_modules/.package-lock.json" ]; then
  say "installing node packages"
  (cd "$repo" && npm ci --no-audit --no-fund)
fi
