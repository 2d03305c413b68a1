#!/usr/bin/env bash
# Side-by-side interpreter benchmark: every workload in ../shared/oracle/workloads through
# the peer interpreter (npm aws-local-stepfunctions, via the oracle kit) and through
# `statelab bench`, alternating, in one sitting; prints a markdown table with the ratio.
# BENCH_SCALE=0.5 halves the number of timed runs.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
SHARED="${STATELAB_SHARED:-$(cd .. && pwd)/shared}"
[ -d "$SHARED/oracle" ] || { echo "bench: $SHARED/oracle not found (set STATELAB_SHARED)" >&2; exit 1; }

# The shared kit is read-only: install its pinned dependency in a copy.
ORACLE="$TOOLS_DIR/oracle"
if ! cmp -s "$SHARED/oracle/package-lock.json" "$ORACLE/package-lock.json" 2>/dev/null; then
  rm -rf "$ORACLE" && mkdir -p "$ORACLE"
  cp -r "$SHARED/oracle/." "$ORACLE/" && chmod -R u+w "$ORACLE"
  (cd "$ORACLE" && npm ci --silent --no-audit --no-fund)
fi

cargo build --quiet --locked --profile fast -p statelab-cli
STATELAB=target/fast/statelab
scale="${BENCH_SCALE:-1}"

# workload, oracle runs, statelab runs
plan="
pass_chain_1000    60   600
choice_loop_6k      8   100
choice_loop_10k     5    50
map_2500            6   100
map_10k             3    30
parallel_fanout   400  4000
task_retry       5000 50000
intrinsics_heavy  250  2500
"
printf '| workload | transitions/exec | oracle transitions/s | statelab transitions/s | ratio | statelab status |\n|---|---:|---:|---:|---:|---|\n'
while read -r name oruns sruns; do
  [ -z "$name" ] && continue
  case="$SHARED/oracle/workloads/$name.json"
  o_n=$(awk -v r="$oruns" -v s="$scale" 'BEGIN { n = int(r*s+0.5); print (n<1?1:n) }')
  s_n=$(awk -v r="$sruns" -v s="$scale" 'BEGIN { n = int(r*s+0.5); print (n<1?1:n) }')
  oracle=$(node "$ORACLE/run_oracle.mjs" "$case" --bench "$o_n" --warmup 2)
  ours=$("$STATELAB" bench "$case" --runs "$s_n")
  node -e '
    const [o, s, name] = [JSON.parse(process.argv[1]), JSON.parse(process.argv[2]), process.argv[3]];
    const fmt = (x) => Math.round(x).toLocaleString("en-US");
    const ratio = s.transitions_per_s / o.transitions_per_s;
    console.log(`| ${name} | ${fmt(s.transitions_per_exec)} | ${fmt(o.transitions_per_s)} | ${fmt(s.transitions_per_s)} | ${ratio.toFixed(1)}x | ${s.status ?? ""} |`);
  ' "$oracle" "$ours" "$name"
done <<< "$plan"
