#!/usr/bin/env bash
# Builds the studio's code editor (app/editor: CodeMirror 6) into one minified classic script,
# app/editor/dist/statelab-editor.js, which index.html hands to Trunk. Runs as Trunk's
# pre_build hook and from scripts/setup.sh. Packages come only from app/editor's lockfile
# (`npm ci`); a stamp of the installed lockfile and of the sources makes a repeat run free.
set -euo pipefail
cd "$(dirname "$0")/../app/editor"

stamp=node_modules/.statelab-installed
if ! cmp -s package-lock.json "$stamp" 2>/dev/null; then
  npm ci --silent --no-audit --no-fund
  cp package-lock.json "$stamp"
fi

out=dist/statelab-editor.js
sources=$(sha256sum package-lock.json src/*.js | sha256sum | cut -d' ' -f1)
if [ -s "$out" ] && [ "$(cat dist/.sources 2>/dev/null)" = "$sources" ]; then
  exit 0
fi
mkdir -p dist
node_modules/.bin/esbuild src/editor.js --bundle --minify --format=iife --target=es2020 \
  --legal-comments=none --log-level=warning --outfile="$out"
echo "$sources" >dist/.sources
