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

step "Dependency audit"
# Fails only on high or critical advisories in production dependencies. A registry without the audit
# endpoint (some mirrors answer 405 / "not supported") or no network is a note, not a failure.
bash scripts/npm-audit.sh

step "Chromium"
bash e2e/ensure-chromium.sh

step "Prisma client"
bash scripts/prisma.sh generate >/dev/null

step "Unit tests"
"${NODE_TEST[@]}" test/unit/*.test.ts

step "Synapse test bed"
build_pid=""
cleanup() {
  # A failed step leaves no build running behind it (its own process group: npx, next and its workers).
  [ -z "$build_pid" ] || kill -- "-$build_pid" 2>/dev/null || true
  bash e2e/synapse/testbed.sh stop-all
}
trap cleanup EXIT
bash e2e/synapse/testbed.sh start
node --import tsx e2e/synapse/prepare.ts

step "Build, in the background beside the integration tests"
# The integration suites mostly wait on Synapse (they use about a third of the 2 cores); the build takes the rest,
# at a lower priority, so it does not slow the suites down. The end-to-end tests wait for it.
build_log="$(mktemp)"
setsid -w nice -n 10 npx next build >"$build_log" 2>&1 &
build_pid=$!

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
bash scripts/test-pg.sh

step "Build (waiting for it to finish)"
build_status=0
wait "$build_pid" || build_status=$?
build_pid=""
[ "$build_status" = 0 ] || { tail -n 60 "$build_log"; exit 1; }

step "End-to-end tests"
E2E_DATA_ROOT="$(mktemp -d)"
export E2E_DATA_ROOT
npx playwright test
step_end
echo "=== all tests: $SECONDS s"
