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
# PDF letters are printed by Chromium, the Debian package (never a browser downloaded by Playwright).
if ! command -v chromium >/dev/null 2>&1 && [ -z "${KINGSWAY_CHROMIUM:-}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "kingsway: installing chromium (Debian) for PDF letters" >&2
    apt-get install -y chromium >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y chromium >/dev/null; }
  else
    echo "kingsway: chromium is not installed, so PDF letters will not print: apt-get install -y chromium (as root), or set KINGSWAY_CHROMIUM" >&2
  fi
fi
