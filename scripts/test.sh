#!/usr/bin/env bash
# `npm test`: every test: unit + integration (vitest, real embedded PostgreSQL), browser (Playwright on Debian's
# chromium against the real built app) and the stress suite at CI scale (docs/stress.md). The database suites run
# on embedded PGlite and, unless WITH_POSTGRES=0, again on a private PostgreSQL server (scripts/pg.sh). Prints one
# closing `N passed, N failed, N skipped` line.
set -uo pipefail
cd "$(dirname "$0")/.."
export WITH_POSTGRES="${WITH_POSTGRES:-1}" NEXT_TELEMETRY_DISABLED=1
bash scripts/setup.sh || exit 1
postgres_url=
if [ "$WITH_POSTGRES" = 1 ]; then
  postgres_url=$(bash scripts/pg.sh start) || { echo "could not start PostgreSQL"; exit 1; }
  trap 'bash scripts/pg.sh stop' EXIT
fi
summary_dir="$PWD/.test-summary"
rm -rf "$summary_dir" && mkdir -p "$summary_dir"
export SKILL_FLEET_SUMMARY_DIR="$summary_dir"
status=0

# One production build, in its own folder (a dev server's .next is left alone), serves both the black-box HTTP
# tests in vitest and the browser suite.
export SKILL_FLEET_TEST_DIST_DIR=.next-test
build() { SKILL_FLEET_DIST_DIR="$SKILL_FLEET_TEST_DIST_DIR" npx --no-install next build >"$summary_dir/build.log" 2>&1; }
# A Turbopack panic over a stale build cache ("task … no longer exists") is not the code's fault: once, start clean.
if build || { echo "next build failed; retrying once from a clean $SKILL_FLEET_TEST_DIST_DIR"; rm -rf "$SKILL_FLEET_TEST_DIST_DIR"; build; }; then
  npx --no-install vitest run || status=1
  if [ -n "$postgres_url" ]; then
    echo "── the integration suites again, on a PostgreSQL server ──"
    TEST_DATABASE_URL="$postgres_url" SKILL_FLEET_SUMMARY_NAME=vitest-postgres npx --no-install vitest run tests/integration || status=1
  fi
  npx --no-install playwright test || status=1
  echo "── the stress suite, at CI scale (docs/stress.md) ──"
  STRESS_SCALE=ci SKILL_FLEET_SUMMARY_NAME=stress npx --no-install vitest run --config vitest.stress.config.ts || status=1
else
  cat "$summary_dir/build.log"; echo "next build failed"; status=1
  echo '{"passed":0,"failed":1,"skipped":0}' > "$summary_dir/playwright.json"
  echo '{"passed":0,"failed":1,"skipped":0}' > "$summary_dir/vitest.json"
  echo '{"passed":0,"failed":1,"skipped":0}' > "$summary_dir/stress.json"
fi

node scripts/sum-test-results.mjs "$summary_dir" || status=1
exit $status
