#!/usr/bin/env bash
# Debian's Chromium for Playwright (browser downloads are not possible on locked-down machines).
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "Chromium not found at $CHROMIUM: install Debian's chromium package, or set CHROMIUM_PATH" >&2
  exit 1
fi
echo "[e2e] installing Debian's chromium" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
