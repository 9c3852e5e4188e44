#!/usr/bin/env bash
# Quick start, command 2: install everything, then run the whole test suite: typecheck, every test on the embedded
# SQLite store (and the store contract on both stores), then the seed, import and web tests once more on PostgreSQL
# (issue 14). A throwaway PostgreSQL 15 server is started on loopback in a temporary folder for the run and stopped
# at the end (scripts/postgres.sh). Set KINGSWAY_TEST_POSTGRES to use a server of your own instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/install.sh
. scripts/toolchain.sh
set -euo pipefail
if [ -z "${KINGSWAY_TEST_POSTGRES:-}" ]; then
  pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/kingsway-pg-XXXXXX")"
  trap 'bash scripts/postgres.sh stop "$pg_dir"' EXIT
  if started="$(bash scripts/postgres.sh start "$pg_dir")"; then
    eval "$started"
    export KINGSWAY_TEST_POSTGRES
  elif [ -n "${CI:-}" ]; then
    echo "kingsway: could not start PostgreSQL, which CI's run of the suite needs" >&2
    exit 1
  else
    echo "kingsway: could not start PostgreSQL; the PostgreSQL tests will be skipped" >&2
  fi
fi
npm test
if [ -n "${KINGSWAY_TEST_POSTGRES:-}" ]; then npm run test:postgres; fi
