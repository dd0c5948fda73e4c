#!/usr/bin/env bash
# Builds, migrates and serves the portal (production mode) on $PORT (default 3000), data in $DATA_DIR (default data/).
#   --skip-build   serve the existing .next build (the test suite builds once)
# It runs the standalone server (.next/standalone/server.js) as the image does.
set -euo pipefail
cd "$(dirname "$0")/.."
# Absolute: the standalone server changes into its own folder.
mkdir -p "${DATA_DIR:-data}"
DATA_DIR="$(cd "${DATA_DIR:-data}" && pwd)"
export DATA_DIR

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
bash scripts/migrate.sh
if [ "${1:-}" != "--skip-build" ]; then
  npx next build
fi
# The standalone output leaves out the static files, public/ and the migrations (read by /api/health).
app=.next/standalone
for item in .next/static public prisma; do
  if [ -e "$item" ] && [ ! -e "$app/$item" ]; then ln -s "$PWD/$item" "$app/$item"; fi
done
export PORT="${PORT:-3000}" HOSTNAME="${HOST:-0.0.0.0}" NODE_ENV=production NEXT_MANUAL_SIG_HANDLE="${NEXT_MANUAL_SIG_HANDLE:-true}"
# Per-address sign-in limits need the real client address (see the script).
export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--require $PWD/scripts/client-address.cjs"
exec node "$app/server.js"
