#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the test suite and the benchmarks (issue 14): its own cluster in a temporary
# folder, listening on loopback only, trusted local access, no durability (fsync off: nothing here outlives the run).
#
#   eval "$(bash scripts/postgres.sh start DIR)"   # starts it; prints `export KINGSWAY_TEST_POSTGRES=postgres://...`
#   bash scripts/postgres.sh stop DIR              # stops it and removes DIR
#
# Debian's `postgresql` package is installed first if no server is found (as root; CI runs as root). initdb refuses
# to run as root, so the cluster is then owned by Debian's `postgres` user.
set -euo pipefail

find_bin() {
  for candidate in "$(command -v pg_ctl 2>/dev/null || true)" /usr/lib/postgresql/*/bin/pg_ctl; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then dirname "$candidate"; return 0; fi
  done
  return 1
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd="${1:-}"; dir="${2:-}"
if [ -z "$cmd" ] || [ -z "$dir" ]; then echo "usage: postgres.sh start|stop DIR" >&2; exit 2; fi

case "$cmd" in
  start)
    if ! bin="$(find_bin)"; then
      if [ "$(id -u)" != 0 ]; then echo "PostgreSQL is not installed and this is not root: install Debian's postgresql package" >&2; exit 1; fi
      echo "installing Debian's postgresql package..." >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      bin="$(find_bin)"
    fi
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})")"
    as_owner "$bin/initdb" -D "$dir/data" -U kingsway -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export KINGSWAY_TEST_POSTGRES=postgres://kingsway@127.0.0.1:$port/postgres"
    ;;
  stop)
    if bin="$(find_bin)" && [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: postgres.sh start|stop DIR" >&2; exit 2 ;;
esac
