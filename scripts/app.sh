#!/usr/bin/env bash
# `npm run app`: set up, build and serve Skill Fleet at http://127.0.0.1:3000 on the embedded database
# (./data/pglite, created and migrated on first start) with the offline engine unless SKILL_FLEET_MODEL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_BROWSER=1 bash scripts/setup.sh
export NEXT_TELEMETRY_DISABLED=1
npx --no-install next build
# The server's JS heap is capped (docs/stress.md, Memory): without a cap V8 sizes it from the machine's memory (4 GB
# here) and, under a burst of jobs, lets garbage pile up and keeps the pages. A NODE_OPTIONS that sets its own
# --max-old-space-size wins.
case "${NODE_OPTIONS:-}" in
  *--max-old-space-size*) ;;
  *) export NODE_OPTIONS="${NODE_OPTIONS:-} --max-old-space-size=512" ;;
esac
exec npx --no-install next start -H "${HOST:-127.0.0.1}" -p "${PORT:-3000}"
