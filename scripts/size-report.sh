#!/usr/bin/env bash
# First-load transfer size of the studio: raw and gzip bytes of dist's wasm, js and css.
set -euo pipefail
cd "$(dirname "$0")/../dist"
total=0
for f in *.wasm *.js *.css; do
  [ -e "$f" ] || continue
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  printf '%-40s %10d B raw %10d B gzip\n' "$f" "$raw" "$gz"
done
printf 'first-load transfer (gzip): %d B (budget 358400 B)\n' "$total"
