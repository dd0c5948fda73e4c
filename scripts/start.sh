#!/usr/bin/env bash
# Builds, migrates and serves the portal (production mode) on $PORT (default 3000), data in $DATA_DIR (default data/).
#   --skip-build   serve the existing .next build (the test suite builds once)
set -euo pipefail
cd "$(dirname "$0")/.."
export DATA_DIR="${DATA_DIR:-data}"
mkdir -p "$DATA_DIR"

if [ -z "${SESSION_SECRET:-}" ]; then
  # A single-machine install keeps a generated secret in the data folder; a shared deployment sets SESSION_SECRET.
  secret_file="$DATA_DIR/session-secret"
  if [ ! -s "$secret_file" ]; then
    (umask 077; node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64url"))' >"$secret_file")
    echo "[portal] generated a session secret in $secret_file (set SESSION_SECRET to manage it yourself)" >&2
  fi
  SESSION_SECRET="$(cat "$secret_file")"
  export SESSION_SECRET
fi

bash scripts/prisma.sh generate >/dev/null
bash scripts/prisma.sh migrate deploy >/dev/null
if [ "${1:-}" != "--skip-build" ]; then
  npx next build
fi
# Per-address sign-in limits need the real client address (see the script).
export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--require $PWD/scripts/client-address.cjs"
exec npx next start -p "${PORT:-3000}" -H "${HOST:-0.0.0.0}"
