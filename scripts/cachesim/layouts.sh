#!/usr/bin/env bash
# One side of the tenants workload over three heap layouts (PAD=0, 3000, 7000 objects allocated
# before the tenants are built), averaged per call: one layout alone moves L1 counts by up to
# 5 %, which hides a change of a few lines a call. Takes what run.sh takes (LL=BYTES too).
#   scripts/cachesim/layouts.sh rr|one|same74   prints instructions, L1 and L2 misses a call
set -euo pipefail
side=${1:?usage: layouts.sh rr|one|same74}
here=$(cd "$(dirname "$0")" && pwd)
for pad in 0 3000 7000; do PAD=$pad "$here/run.sh" "$side"; done | awk -v side="$side" '
  /calls measured/ { calls += $3 }
  /I +refs:/ { gsub(",", "", $3); ir += $3 }
  /D1 +misses:/ { gsub(",", "", $3); l1 += $3 }
  /LLd misses:/ { gsub(",", "", $3); l2 += $3 }
  END { printf "%s, 3 layouts, per call: %.0f instructions, %.1f L1 misses, %.1f L2 misses\n", side, ir / calls, l1 / calls, l2 / calls }'
