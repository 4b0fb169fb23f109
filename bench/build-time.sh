#!/usr/bin/env bash
# Wall-clock time of `next build` for the whole course, cold (no compiled-lesson cache) and warm.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
rm -rf .next
start=$(date +%s.%N); npx next build >/tmp/academy-build-cold.log 2>&1; end=$(date +%s.%N)
echo "next build, cold: $(echo "$end - $start" | bc) s"
rm -rf .next/server .next/static
start=$(date +%s.%N); npx next build >/tmp/academy-build-warm.log 2>&1; end=$(date +%s.%N)
echo "next build, warm lesson cache: $(echo "$end - $start" | bc) s (budget 180 s)"
