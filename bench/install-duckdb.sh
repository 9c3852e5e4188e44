#!/usr/bin/env bash
# Installs DuckDB's Node API into bench/.duckdb/ (git-ignored) for the Block A reference in `npm run bench`.
# It is not a project dependency: as one it breaks `npm ci` here (shared/docs/stack.md), and only the benchmark uses it.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/.duckdb"
if [ ! -f "$DIR/node_modules/@duckdb/node-api/package.json" ]; then
  mkdir -p "$DIR"
  echo '{ "private": true, "description": "DuckDB for the Kingsway benchmark only (git-ignored)" }' > "$DIR/package.json"
  echo "bench: installing @duckdb/node-api into bench/.duckdb/" >&2
  (cd "$DIR" && npm install --no-save --no-package-lock --silent @duckdb/node-api@1.5.6-r.1 >&2)
fi
