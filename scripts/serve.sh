#!/usr/bin/env bash
# The image's entry point (in the assembled folder, see scripts/assemble-image.sh): migrate, then serve.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/migrate.sh
export NEXT_MANUAL_SIG_HANDLE="${NEXT_MANUAL_SIG_HANDLE:-true}"
exec node server.js
