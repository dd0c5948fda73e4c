#!/usr/bin/env bash
# Every test: unit, integration (real Synapse) and end-to-end (Debian's Chromium + real Synapse).
# Provisions what is missing: Chromium, the Prisma client, the Synapse test bed (cached outside the checkout).
set -euo pipefail
cd "$(dirname "$0")/.."
# Each step's elapsed seconds are printed when it ends (and the total at the end): where CI time goes.
step_name="" step_start=$SECONDS
step_end() { [ -z "$step_name" ] || printf '=== %s: %d s\n' "$step_name" $((SECONDS - step_start)); }
step() { step_end; step_name="$*" step_start=$SECONDS; printf '\n=== %s\n' "$*"; }
NODE_TEST=(node --conditions=react-server --import tsx --test --test-concurrency=1)

# Work that mostly waits (test beds starting, the PostgreSQL pass) or can take the idle CPU (the build) runs in the
# background, each in a process group of its own so that a failing step stops it: `background NAME CMD...`, then
# `finish NAME` waits for it and prints its output (`finish NAME quiet`: only its end, and only if it failed).
declare -A bg_pid bg_log
background() {
  local name=$1; shift
  bg_log[$name]="$(mktemp)"
  setsid -w "$@" >"${bg_log[$name]}" 2>&1 &
  bg_pid[$name]=$!
}
finish() {
  local status=0
  wait "${bg_pid[$1]}" || status=$?
  unset "bg_pid[$1]"
  if [ "${2:-}" != quiet ]; then cat "${bg_log[$1]}"; elif [ "$status" != 0 ]; then tail -n 60 "${bg_log[$1]}"; fi
  return "$status"
}
# The PostgreSQL pass has a test bed of its own beside the first (its ports: this one +0..+2 and +500/+502), so the
# two passes run at once; their suites stop Synapse and count server-wide, so they never share one. Not next to a
# SYNAPSE_URL server: there the passes take turns on it.
PG_SYNAPSE_PORT="${PG_SYNAPSE_PORT:-$((${SYNAPSE_PORT:-18008} + 10))}"
pg_testbed=()
if [ -z "${SYNAPSE_URL:-}" ]; then pg_testbed=(env SYNAPSE_PORT="$PG_SYNAPSE_PORT" TESTBED_DIR="$(mktemp -d)"); fi
cleanup() {
  for pid in "${bg_pid[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  bash e2e/synapse/testbed.sh stop-all
  [ "${#pg_testbed[@]}" = 0 ] || "${pg_testbed[@]}" bash e2e/synapse/testbed.sh stop-all
}
trap cleanup EXIT

step "Dependency audit"
# Fails only on high or critical advisories in production dependencies. A registry without the audit
# endpoint (some mirrors answer 405 / "not supported") or no network is a note, not a failure.
bash scripts/npm-audit.sh

step "Chromium"
bash e2e/ensure-chromium.sh

step "Prisma client"
bash scripts/prisma.sh generate >/dev/null

step "Synapse test beds, starting in the background beside the unit tests"
# Booting Synapse is one Python process at a time, mostly; the unit tests need no Synapse. One after the other:
# the first start provisions the chroot if it is missing.
start_testbed='bash e2e/synapse/testbed.sh start && node --import tsx e2e/synapse/prepare.ts'
start_testbeds="$start_testbed"
if [ "${#pg_testbed[@]}" != 0 ]; then start_testbeds+=" && ${pg_testbed[*]} bash -c '$start_testbed'"; fi
background testbed bash -c "$start_testbeds"

step "Unit tests"
"${NODE_TEST[@]}" test/unit/*.test.ts

step "Synapse test beds (waiting for them)"
finish testbed

step "Build, in the background beside the integration tests"
# The integration suites mostly wait on Synapse; the build takes the idle CPU, at a lower priority so it does not
# slow the suites down. The end-to-end tests wait for it.
background build nice -n 10 npx next build

if [ "${#pg_testbed[@]}" != 0 ]; then
  step "Integration tests on PostgreSQL, in the background on their own test bed"
  background pg "${pg_testbed[@]}" bash scripts/test-pg.sh
fi

step "Integration tests"
# A throwaway SQLite database for lib/db, migrated like a real install.
integration=()
for f in test/integration/*.test.ts; do
  # Only the provisioned test bed has the second Synapse with a password policy (a SYNAPSE_URL server does not).
  if { [ "$f" = test/integration/password-policy.test.ts ] || [ "$f" = test/integration/tenant-isolation.test.ts ] || [ "$f" = test/integration/dashboard-activity.test.ts ]; } && [ ! -f e2e/.testbed-policy.json ]; then
    echo "[test] no policy test Synapse: not running $f"
    continue
  fi
  # Nor the Synapse that delegates to MAS.
  if { [ "$f" = test/integration/oauth-discovery.test.ts ] || [ "$f" = test/integration/mas-job-credential.test.ts ]; } && [ ! -f e2e/.testbed-mas.json ]; then
    echo "[test] no MAS test Synapse: not running $f"
    continue
  fi
  integration+=("$f")
done
DATA_DIR="$(mktemp -d)" bash -c 'bash scripts/prisma.sh migrate deploy >/dev/null && exec "$@"' _ "${NODE_TEST[@]}" "${integration[@]}"

step "Integration tests on PostgreSQL"
# The suites that use lib/db once more, on a PostgreSQL started (and stopped) by the script.
if [ "${#pg_testbed[@]}" != 0 ]; then
  finish pg
  "${pg_testbed[@]}" bash e2e/synapse/testbed.sh stop-all
else
  bash scripts/test-pg.sh
fi

step "Build (waiting for it to finish)"
finish build quiet

step "End-to-end tests"
E2E_DATA_ROOT="$(mktemp -d)"
export E2E_DATA_ROOT
npx playwright test
step_end
echo "=== all tests: $SECONDS s"
