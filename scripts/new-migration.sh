#!/usr/bin/env bash
# Writes the next SQL migration offline: diffs the schema as of the last migration
# (prisma/migrations/schema.snapshot.prisma) against prisma/schema.prisma with Prisma 6.19.3's wasm schema
# engine (tools/prisma-diff, installed on first use), then updates the snapshot. Review the SQL, then run
# `npm run db:migrate` (or just start the app: it migrates on boot).
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:-}"
[[ "$name" =~ ^[a-z0-9_]+$ ]] || { echo "usage: npm run db:new-migration -- <name in snake_case>" >&2; exit 2; }
tool=tools/prisma-diff
[ -x "$tool/node_modules/.bin/prisma" ] || npm install --prefix "$tool" --no-audit --no-fund --silent
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# Prisma 6 wants a datasource url and no Prisma-7-only generator options.
prepare() { sed -e '/^generator client {/,/^}/d' -e 's/^\(\s*provider = "postgresql"\)$/\1\n  url = env("UNUSED_DATABASE_URL")/' "$1" > "$2"; }
prepare prisma/schema.prisma "$tmp/to.prisma"
if [ -f prisma/migrations/schema.snapshot.prisma ]; then
  prepare prisma/migrations/schema.snapshot.prisma "$tmp/from.prisma"; from=(--from-schema-datamodel "$tmp/from.prisma")
else
  from=(--from-empty)
fi
sql=$(cd "$tool" && PRISMA_DIFF_SCHEMA="$tmp/to.prisma" PRISMA_HIDE_UPDATE_MESSAGE=1 \
  PRISMA_QUERY_ENGINE_LIBRARY="$PWD/../../scripts/no-schema-engine.sh" \
  ./node_modules/.bin/prisma migrate diff --config diff.config.mjs "${from[@]}" --to-schema-datamodel "$tmp/to.prisma" --script)
if [ -z "$(grep -v '^\s*--' <<<"$sql" | tr -d '[:space:]' || true)" ]; then
  echo "No schema changes since the last migration." >&2; exit 0
fi
last=$(ls prisma/migrations | { grep -E '^[0-9]{4}_' || true; } | sort | tail -1 | cut -c1-4)
next=$(printf '%04d' $((10#${last:-0} + 1)))
dir="prisma/migrations/${next}_${name}"
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
cp prisma/schema.prisma prisma/migrations/schema.snapshot.prisma
echo "Wrote $dir/migration.sql; review it, then run npm run db:migrate."
