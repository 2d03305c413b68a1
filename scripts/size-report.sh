#!/usr/bin/env bash
# First-load transfer size of the studio: raw and gzip bytes of dist's wasm, js and css.
# The simulator's worker (sim-worker*) is fetched on the first run, not at first load,
# so it is listed apart and left out of the first-load total.
set -euo pipefail
cd "$(dirname "$0")/../dist"
first=0
later=0
for f in *.wasm *.js *.css; do
  [ -e "$f" ] || continue
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  case "$f" in
    sim-worker*) later=$((later + gz)); when="on first run" ;;
    *) first=$((first + gz)); when="first load" ;;
  esac
  printf '%-40s %10d B raw %10d B gzip  %s\n' "$f" "$raw" "$gz" "$when"
done
printf 'first-load transfer (gzip): %d B (budget 358400 B)\n' "$first"
printf 'simulator, on first run (gzip): %d B\n' "$later"
