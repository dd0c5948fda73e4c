#!/usr/bin/env bash
# Applies pending migrations to DATABASE_URL's database (SQLite or PostgreSQL). Several instances may start
# at once: Prisma serialises them with an advisory lock on PostgreSQL, and a run that times out waiting
# for it (P1002) is retried, by which time the others have usually applied everything.
set -euo pipefail
cd "$(dirname "$0")/.."
prisma=(bash scripts/prisma.sh)
attempts="${MIGRATE_ATTEMPTS:-6}"
for ((i = 1; ; i++)); do
  if out="$("${prisma[@]}" migrate deploy 2>&1)"; then
    echo "[portal] database migrations are current" >&2
    exit 0
  fi
  if [ "$i" -lt "$attempts" ] && grep -q P1002 <<<"$out"; then
    echo "[portal] another instance holds the migration lock; retrying ($i/$attempts)" >&2
    sleep $((i * 2))
    continue
  fi
  # Prisma's message names the failing migration; it holds no credentials (the URL is not printed).
  echo "$out" >&2
  exit 1
done
