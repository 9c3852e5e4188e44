#!/usr/bin/env bash
# Installs what Kingsway needs to run: Node.js 24 (scripts/toolchain.sh), then the npm packages from the lockfile.
# Safe to run again: it does nothing when everything is already in place.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/toolchain.sh
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "kingsway: installing npm packages (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
