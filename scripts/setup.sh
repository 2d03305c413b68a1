#!/usr/bin/env bash
# Installs everything StateLab's build and tests need on a fresh machine that has only
# rustup's stable toolchain, Node and npm. Idempotent: what is present at the right
# version is skipped, so a second run takes seconds. Fails loudly, naming the step.
set -euo pipefail
cd "$(dirname "$0")/.."


source scripts/env.sh
WITH_BROWSER=1
[ "${1:-}" = "--no-browser" ] && WITH_BROWSER=0

step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nsetup failed at step: %s\n' "$*" >&2; exit 1; }
trap 'fail "$CURRENT_STEP (line $LINENO)"' ERR
CURRENT_STEP="start"

CURRENT_STEP="check pinned versions agree"
lock_wbg=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
[ "$lock_wbg" = "$WASM_BINDGEN_VERSION" ] || fail "$CURRENT_STEP: Cargo.lock has wasm-bindgen $lock_wbg, versions.env says $WASM_BINDGEN_VERSION"
grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml || fail "$CURRENT_STEP: Trunk.toml's wasm_bindgen differs from versions.env"
grep -q "wasm_opt = \"version_${BINARYEN_VERSION%%.*}\"" Trunk.toml || fail "$CURRENT_STEP: Trunk.toml's wasm_opt differs from versions.env"

CURRENT_STEP="rust targets"
step "$CURRENT_STEP"
installed_targets=$(rustup target list --installed)
for t in wasm32-unknown-unknown wasm32v1-none; do
  grep -qx "$t" <<<"$installed_targets" || rustup target add "$t"
done

CURRENT_STEP="trunk $TRUNK_VERSION"
step "$CURRENT_STEP"
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

CURRENT_STEP="wasm-bindgen-cli $WASM_BINDGEN_VERSION"
step "$CURRENT_STEP"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  # Not --locked: its lockfile pins a crate version the registry does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

CURRENT_STEP="wasm-opt (npm binaryen $BINARYEN_VERSION)"
step "$CURRENT_STEP"
if [ "$(node -p "require('$TOOLS_DIR/node_modules/binaryen/package.json').version" 2>/dev/null)" != "$BINARYEN_VERSION" ]; then
  mkdir -p "$TOOLS_DIR"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "binaryen@$BINARYEN_VERSION"
fi
"$TOOLS_DIR/node_modules/.bin/wasm-opt" --version >/dev/null

CURRENT_STEP="crates (cargo fetch)"
step "$CURRENT_STEP"
cargo fetch --locked

CURRENT_STEP="code editor bundle (npm ci in app/editor, then esbuild)"
step "$CURRENT_STEP"
bash scripts/editor-bundle.sh

if [ "$WITH_BROWSER" = 1 ]; then
  CURRENT_STEP="chromium"
  step "$CURRENT_STEP"
  if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver
  fi
  /usr/bin/chromium --version >/dev/null 2>&1 || fail "chromium does not start"

  CURRENT_STEP="end-to-end test packages (npm ci)"
  step "$CURRENT_STEP"
  # A stamp of the lockfile that was installed makes the second run free.
  if ! cmp -s tests/e2e/package-lock.json tests/e2e/node_modules/.statelab-installed 2>/dev/null; then
    (cd tests/e2e && npm ci --silent --no-audit --no-fund)
    cp tests/e2e/package-lock.json tests/e2e/node_modules/.statelab-installed
  fi
fi

step "set-up complete"
