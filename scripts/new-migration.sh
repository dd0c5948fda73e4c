#!/usr/bin/env bash
# Writes the migration for the change to prisma/schema.prisma since the last commit, for both databases:
# prisma/migrations/<timestamp>_<name>/ (SQLite) and prisma/postgresql/migrations/<timestamp>_<name>/, after
# regenerating prisma/postgresql/schema.prisma. (The offline JS schema engine can't run `migrate dev`'s shadow
# database on SQLite, so diff the committed datamodel against the working one; the PostgreSQL diff needs a
# server to connect to, so a throwaway cluster is started as the tests do.)
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/new-migration.sh NAME}"
stamp="$(date -u +%Y%m%d%H%M%S)"
old="$(mktemp --suffix=.prisma)"
old_pg="$(mktemp --suffix=.prisma)"
git show HEAD:prisma/schema.prisma >"$old"
node --import tsx scripts/pg-schema.ts >/dev/null
node --import tsx scripts/pg-schema.ts --print "$old" >"$old_pg"

dir="prisma/migrations/${stamp}_${name}"
mkdir -p "$dir"
bash scripts/prisma.sh migrate diff --from-schema-datamodel "$old" --to-schema-datamodel prisma/schema.prisma --script >"$dir/migration.sql"

source scripts/pg-cluster.sh
pg_cluster_start
trap 'pg_cluster_stop; rm -f "$old" "$old_pg"' EXIT
pg_dir="prisma/postgresql/migrations/${stamp}_${name}"
mkdir -p "$pg_dir"
DATABASE_URL="$PG_CLUSTER_URL" bash scripts/prisma.sh migrate diff --from-schema-datamodel "$old_pg" \
  --to-schema-datamodel prisma/postgresql/schema.prisma --script >"$pg_dir/migration.sql"
for f in "$dir/migration.sql" "$pg_dir/migration.sql"; do echo "== $f"; cat "$f"; done
