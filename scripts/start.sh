#!/usr/bin/env bash
# Quick start, command 1: install everything, then run the main job on the embedded default (./kingsway.db):
# import the published data in ../shared/data (or $KINGSWAY_DATA) and a generated synthetic national dataset.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/install.sh
. scripts/toolchain.sh
node src/cli/main.ts demo "$@"
