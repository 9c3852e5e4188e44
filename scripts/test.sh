#!/usr/bin/env bash
# Quick start, command 2: install everything, then run the whole test suite (typecheck, then node:test).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/install.sh
. scripts/toolchain.sh
set -euo pipefail
npm test
