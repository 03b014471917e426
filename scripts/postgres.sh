#!/usr/bin/env bash
# `postgres.sh start` starts a throwaway PostgreSQL server on 127.0.0.1 and prints its URL;
# `postgres.sh stop` stops it. Exits 1 (printing why on stderr) when no server is installed.
set -euo pipefail
DATA=${APPLYKIT_PG_DIR:-/tmp/applykit-pg}
PORT=${APPLYKIT_PG_PORT:-55432}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "postgres.sh: no PostgreSQL server installed; PostgreSQL tests will be skipped" >&2
  exit 1
fi
as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-start}" in
  start)
    if [ ! -f "$DATA/PG_VERSION" ]; then
      rm -rf "$DATA"; mkdir -p "$DATA"
      [ "$(id -u)" = "0" ] && chown postgres:postgres "$DATA"
      as_owner "$bindir/initdb" -D "$DATA" -U applykit --auth=trust >/dev/null
    fi
    # A throwaway test server: no fsync (clients are killed in the tests, never the server).
    as_owner "$bindir/pg_ctl" -D "$DATA" \
      -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" \
      -l "$DATA/server.log" -w start >/dev/null 2>&1 || as_owner "$bindir/pg_ctl" -D "$DATA" status >/dev/null
    as_owner "$bindir/psql" -h 127.0.0.1 -p "$PORT" -U applykit -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname='applykit_test'" | grep -q 1 ||
      as_owner "$bindir/createdb" -h 127.0.0.1 -p "$PORT" -U applykit applykit_test
    echo "postgresql+psycopg://applykit@127.0.0.1:$PORT/applykit_test"
    ;;
  stop)
    as_owner "$bindir/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
