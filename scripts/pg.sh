#!/usr/bin/env bash
# A private PostgreSQL cluster for tests and local production-like runs: /tmp/skill-fleet-pg-<port> on 127.0.0.1:${PGPORT:-54329},
# trust auth, owned by the `postgres` system user (initdb refuses root). Debian's package creates a cluster but
# does not start it (no systemd here), hence this script.
#   scripts/pg.sh start   → prints the DATABASE_URL to use
#   scripts/pg.sh stop
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PGPORT:-54329}"
# Outside the checkout: the `postgres` user must reach it whatever the permissions of the clone's parents.
dir="${PG_DATA_DIR:-/tmp/skill-fleet-pg-$port}"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (WITH_POSTGRES=1 npm run setup installs it)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"; [ "$(id -u)" -ne 0 ] || chown postgres: "$dir"
      as_pg "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 >/dev/null
    fi
    if ! as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
    fi
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: scripts/pg.sh start|stop" >&2; exit 2 ;;
esac
