#!/usr/bin/env bash
# Counts what one side of the tenants workload costs, without the machine's noise: callgrind
# with a cache model of this machine's cores (L1d and L2 as `getconf` reports them, 48 KB and
# 2 MB on the machines of 2026-12-01, 32 KB and 512 KB on the one of 2026-12-02), the same counts
# to ±0.5 % from run to run. Needs valgrind (Debian: valgrind), gcc and Node's headers.
#   scripts/cachesim/run.sh rr|one|same74 [OUT]   prints instructions, L1 and L2 misses;
#   with OUT, keeps OUT.cg* and OUT.map for attribute.mjs (per JS function).
#   D1=SIZE,WAYS,LINE and LL=BYTES override the model (the machine of 2026-12-01's timings
#   behave like LL=1048576, its L2 being shared with whatever else runs: docs/performance.md).
set -euo pipefail
side=${1:?usage: run.sh rr|one|same74 [OUT]}
out=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build="$root/.tmp/cachesim"
mkdir -p "$build"
if [ ! -f "$build/addon.node" ] || [ "$here/addon.c" -nt "$build/addon.node" ]; then
  gcc -shared -fPIC -O2 -I"$(node -p 'process.execPath.replace(/\/bin\/node$/, "")')/include/node" -I/usr/include/node -o "$build/addon.node" "$here/addon.c"
fi
# A level valgrind can model: `SIZE,WAYS,LINE` with a power-of-two number of sets, else `$2`.
level() {
  local size ways line
  size=$(getconf "${1}_SIZE" 2>/dev/null || true)
  ways=$(getconf "${1}_ASSOC" 2>/dev/null || true)
  line=$(getconf "${1}_LINESIZE" 2>/dev/null || true)
  if [ -n "$size" ] && [ -n "$ways" ] && [ -n "$line" ] && [ "$size" -gt 0 ] && [ "$ways" -gt 0 ] && [ "$line" -gt 0 ]; then
    local sets=$((size / (ways * line)))
    if [ "$sets" -gt 0 ] && [ $((sets & (sets - 1))) -eq 0 ] && [ $((sets * ways * line)) -eq "$size" ]; then
      echo "$size,$ways,$line"
      return
    fi
  fi
  echo "$2"
}
d1=${D1:-$(level LEVEL1_DCACHE 49152,12,64)}
ll=$(level LEVEL2_CACHE 2097152,16,64)
if [ -n "${LL:-}" ]; then ll="$LL,16,64"; fi
echo "cachesim model: D1 $d1, LL $ll" >&2
keep=${out:-$build/last}
rm -f "$keep".cg*
cd "$root"
# setarch -R, --random-seed, --hash-seed and --single-threaded: the same layout and the same
# order of work in every run. --perf-basic-prof writes the JIT code map attribute.mjs reads (and
# a V8 log, kept in .tmp/cachesim, not the working directory).
log=$(setarch "$(uname -m)" -R valgrind --tool=callgrind --instr-atstart=no --cache-sim=yes --dump-instr=yes \
  --I1=32768,8,64 --D1="$d1" --LL="$ll" --callgrind-out-file="$keep.cg" \
  node --single-threaded --random-seed=42 --hash-seed=42 --perf-basic-prof --no-compact-code-space \
  --logfile="$build/v8.log" --no-logfile-per-isolate \
  --import tsx "$here/workload.ts" "$build/addon.node" "$side" 2>&1)
pid=$(echo "$log" | grep -oE '^==[0-9]+==' | head -1 | tr -d =)
if [ -n "$out" ] && [ -f "/tmp/perf-$pid.map" ]; then cp "/tmp/perf-$pid.map" "$out.map"; fi
rm -f "/tmp/perf-$pid.map"
echo "$log" | grep -E 'cachesim:' || { echo "$log" | tail -20; exit 1; }
echo "$log" | grep -E '(I +refs|D1 +misses|LLd misses):' | sed 's/==[0-9]*== *//'
