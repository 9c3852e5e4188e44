#!/usr/bin/env bash
# Quick start, command 1: install everything, run the main job on the embedded default (./kingsway.db) — import the
# published data the project carries in data/published (or $KINGSWAY_DATA) and a generated synthetic national dataset, and assess every
# LA — then serve the web application on http://localhost:3000 until Ctrl+C (set KINGSWAY_PORT for another port).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/install.sh
. scripts/toolchain.sh
# toolchain.sh leaves errexit off for interactive shells that source it: turn it back on, so that a failed main job
# stops here instead of serving an empty site.
set -euo pipefail
node src/cli/main.ts demo "$@"
exec node src/cli/main.ts serve --port "${KINGSWAY_PORT:-3000}"
