#!/usr/bin/env bash
# Counts what one side of the tenants workload costs, without the machine's noise: callgrind
# with a cache model (L1 48 KB, last level 2 MB: one core's L2 here), the same counts to
# ±0.5 % from run to run. Needs valgrind (Debian: valgrind), gcc and Node's headers.
#   scripts/cachesim/run.sh rr|one|same74 [OUT]   prints instructions, L1 and L2 misses;
#   with OUT, keeps OUT.cg* and OUT.map for attribute.mjs (per JS function).
#   LL=BYTES sets the last level's size (default 2 MB; the machine of 2026-12-01's timings behave
#   like 1048576, its L2 being shared with whatever else runs: docs/performance.md). Check
#   `lscpu` first: the machine of 2026-12-02 has 512 KB of L2 a core (LL=524288) and a 32 MB L3.
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
keep=${out:-$build/last}
rm -f "$keep".cg*
cd "$root"
# setarch -R, --random-seed, --hash-seed and --single-threaded: the same layout and the same
# order of work in every run. --perf-basic-prof writes the JIT code map attribute.mjs reads (and
# a V8 log, kept in .tmp/cachesim, not the working directory).
log=$(setarch "$(uname -m)" -R valgrind --tool=callgrind --instr-atstart=no --cache-sim=yes --dump-instr=yes \
  --I1=32768,8,64 --D1=49152,12,64 --LL="${LL:-2097152}",16,64 --callgrind-out-file="$keep.cg" \
  node --single-threaded --random-seed=42 --hash-seed=42 --perf-basic-prof --no-compact-code-space \
  --logfile="$build/v8.log" --no-logfile-per-isolate \
  --import tsx "$here/workload.ts" "$build/addon.node" "$side" 2>&1)
pid=$(echo "$log" | grep -oE '^==[0-9]+==' | head -1 | tr -d =)
if [ -n "$out" ] && [ -f "/tmp/perf-$pid.map" ]; then cp "/tmp/perf-$pid.map" "$out.map"; fi
rm -f "/tmp/perf-$pid.map"
echo "$log" | grep -E 'cachesim:' || { echo "$log" | tail -20; exit 1; }
echo "$log" | grep -E '(I +refs|D1 +misses|LLd misses):' | sed 's/==[0-9]*== *//'
