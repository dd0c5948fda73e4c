#!/usr/bin/env bash
# The integration suites that use the database (lib/db), again on a real PostgreSQL started for the run.
# Run by scripts/test.sh after the SQLite pass; runs alone too, with a Synapse test bed already started.
#   bash scripts/test-pg.sh [test/integration/FILE.test.ts ...]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg-cluster.sh
suites=("$@")
if [ "${#suites[@]}" = 0 ]; then
  # Where lib/db does the work (audit, purge history, imports with their raw bulk SQL, report triage of both kinds,
  # the job runtime and its kinds, and the sign-in network policy's pinned homeservers).
  # media, rooms and password-policy also touch lib/db but mostly wait on Synapse: pass them to run them here.
  suites=(test/integration/portal-db.test.ts test/integration/job-runtime.test.ts test/integration/room-job-takeover.test.ts test/integration/import-runner.test.ts test/integration/import-accept-upload.test.ts test/integration/import-double-submit.test.ts test/integration/network-guard.test.ts test/integration/reports.test.ts test/integration/user-reports.test.ts test/integration/notice-broadcast.test.ts test/integration/room-bulk.test.ts test/integration/managed-users.test.ts)
  # Homeserver isolation needs the second (policy) test Synapse of the provisioned test bed.
  if [ -f "${TESTBED_DIR:-e2e}/.testbed-policy.json" ]; then suites+=(test/integration/tenant-isolation.test.ts test/integration/dashboard-activity.test.ts); fi
fi
pg_cluster_start
trap pg_cluster_stop EXIT
DATABASE_URL="$(pg_cluster_createdb portal_test)"
export DATABASE_URL
node --import tsx scripts/pg-schema.ts --check
# The PostgreSQL migrations build exactly the PostgreSQL schema (in a shadow database; mostly waiting, so
# it runs beside the suites).
drift_log="$(mktemp)"
DATABASE_URL="$PG_CLUSTER_URL" bash scripts/prisma.sh migrate diff --from-migrations prisma/postgresql/migrations \
  --to-schema-datamodel prisma/postgresql/schema.prisma --exit-code >"$drift_log" 2>&1 &
drift_pid=$!
start=$SECONDS
bash scripts/migrate.sh
echo "[test] PostgreSQL migrated in $((SECONDS - start)) s"
DATA_DIR="$(mktemp -d)" node --conditions=react-server --import tsx --test --test-concurrency=1 "${suites[@]}"
# The suites wrote to PostgreSQL, not to a SQLite file in DATA_DIR.
written="$("$PG_CLUSTER_BIN/psql" -h 127.0.0.1 -p "$PG_CLUSTER_PORT" -U portal -d portal_test -tAc \
  'SELECT (SELECT count(*) FROM "AuditEntry") + (SELECT count(*) FROM "ImportJob") + (SELECT count(*) FROM "PurgeRecord") + (SELECT count(*) FROM "Job")')"
[ "$written" -gt 0 ] || { echo "[test] the PostgreSQL run wrote nothing to PostgreSQL" >&2; exit 1; }
echo "[test] PostgreSQL run: $written rows written"
if ! wait "$drift_pid"; then
  cat "$drift_log" >&2
  echo "[test] prisma/postgresql/migrations do not build prisma/postgresql/schema.prisma: run scripts/pg-baseline.sh" >&2
  exit 1
fi
