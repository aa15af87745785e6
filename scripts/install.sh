#!/usr/bin/env bash
# Install what the tests need, skipping whatever is already there at the wanted
# version: Debian packages (chromium for the browser tests, graphviz and rsvg for
# the export consumers), the wasm32 target, wasm-bindgen-cli pinned to Cargo.lock,
# cargo-fuzz, the Python tool venv and the npm packages (pinned by package-lock.json; docs/api's
# are TypeDoc's, for scripts/docs.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export DEBIAN_FRONTEND=noninteractive

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v dot >/dev/null || need_apt+=(graphviz)
command -v rsvg-convert >/dev/null || need_apt+=(librsvg2-bin)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  quiet apt-update $SUDO apt-get update -qq
  quiet apt-install $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown ||
  step rustup-wasm32 rustup target add wasm32-unknown-unknown

WB_VERSION=$(lock_version wasm-bindgen)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VERSION" ]; then
  # --locked first, as asked; its lockfile has pinned a crate version this registry
  # did not serve before (toolchain README, pitfall 1), so fall back to resolving.
  install_wb() {
    cargo install --force --locked wasm-bindgen-cli --version "=$WB_VERSION" ||
      cargo install --force wasm-bindgen-cli --version "=$WB_VERSION"
  }
  quiet install-wasm-bindgen install_wb
fi

if [ -z "${STRATAGRAPH_NO_FUZZ:-}" ] && rustup toolchain list | grep -q '^nightly' && ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  quiet install-cargo-fuzz cargo install --locked cargo-fuzz
fi

[ -x .venv/bin/python ] || step venv "${PYTHON:-python3}" -m venv .venv
quiet pip-tools .venv/bin/python -m pip install -q -r bindings-python/requirements-dev.txt

for dir in bindings-wasm tests/consumers docs/api; do
  [ -f "$dir/package-lock.json" ] || continue
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    quiet "npm-ci-${dir//\//-}" npm ci --prefix "$dir" --no-audit --no-fund
  fi
done
summary
