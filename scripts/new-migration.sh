#!/usr/bin/env bash
# Writes prisma/migrations/<timestamp>_<name>/migration.sql for the change to prisma/schema.prisma
# since the last commit. (The offline JS schema engine can't run `migrate dev`'s shadow database on
# SQLite, so diff the committed datamodel against the working one.)
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/new-migration.sh NAME}"
old="$(mktemp --suffix=.prisma)"
git show HEAD:prisma/schema.prisma >"$old"
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
bash scripts/prisma.sh migrate diff --from-schema-datamodel "$old" --to-schema-datamodel prisma/schema.prisma --script >"$dir/migration.sql"
rm -f "$old"
echo "$dir/migration.sql"
cat "$dir/migration.sql"
