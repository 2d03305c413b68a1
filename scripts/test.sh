#!/usr/bin/env bash
# Runs every test: the workspace's cargo tests, the no_std proof, the WASM release
# build, and the end-to-end specs in headless Chromium. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

section() { printf '\n==> %s\n' "$*"; }
started=$SECONDS

section "cargo test (engine-core, cli)"
cargo test --locked

section "engine-core without std (wasm32v1-none has no std library at all)"
cargo build --locked -p engine-core --target wasm32v1-none --release

section "studio release build (trunk)"
trunk build --release
bash scripts/size-report.sh

section "end-to-end specs in headless Chromium"
(cd tests/e2e && npm test)

section "all tests passed in $((SECONDS - started)) s"
