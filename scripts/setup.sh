#!/usr/bin/env bash
# One-time (and idempotent) set-up of a fresh machine: Debian's chromium for browser tests (only if missing),
# optionally PostgreSQL, the npm packages, and the generated Prisma client. Nothing is downloaded from anywhere but
# the npm registry and Debian's mirrors. SKIP_BROWSER=1 skips chromium; WITH_POSTGRES=1 adds PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
pkgs=()
[ "${SKIP_BROWSER:-0}" = 1 ] || [ -x /usr/bin/chromium ] || pkgs+=(chromium)
[ "${WITH_POSTGRES:-0}" != 1 ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || pkgs+=(postgresql)
if [ ${#pkgs[@]} -gt 0 ]; then
  echo "setup: installing ${pkgs[*]} from Debian's packages"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${pkgs[@]}"
fi

# `npm ci` cannot be used: npm writes only this platform's optional @next/swc-* entries into the lock file.
# With a committed lock, `npm install` installs exactly the locked versions.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi
PRISMA_SCHEMA_ENGINE_BINARY=./scripts/no-schema-engine.sh npx --no-install prisma generate >/dev/null
echo "setup: ready"
