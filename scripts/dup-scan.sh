#!/usr/bin/env bash
# Counts the pairs of repeated 6+ line blocks the way issue #12 defines them: every tracked
# file except the exercises' starter, solution, wrong and Chinese files (they repeat each other
# on purpose: a learner's starting point, the answer and the wrong answers the grader must fail)
# and data/prose (JSON, Markdown, MDX, SQL, the lock file).
#   scripts/dup-scan.sh [OUT_DIR] [extra duplicates flags...]
# Needs the `duplicates` command on PATH (the project's machine has it; it is not an npm tool).
set -euo pipefail
out="${1:-/tmp/dupscan}"
shift || true
repo="$(git rev-parse --show-toplevel)"
rm -rf "$out"
mkdir -p "$out"
cd "$repo"
git ls-files \
  | grep -Ev '^exercises/[^/]+/(starter\.ts|solution\.ts|wrong/|zh/)' \
  | grep -Ev '\.(json|md|mdx|sql)$|(^|/)package-lock\.json$' \
  | while IFS= read -r file; do
      [ -f "$file" ] || continue
      mkdir -p "$out/$(dirname "$file")"
      cp "$file" "$out/$file"
    done
cd "$out"
duplicates --most 200 --seconds 120 "$@"
