#!/usr/bin/env bash
# Builds the studio and serves it at http://127.0.0.1:8080 with the starter example loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --no-browser
source scripts/env.sh
trunk build --release
exec node scripts/serve.mjs
