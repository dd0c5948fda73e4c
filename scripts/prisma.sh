#!/usr/bin/env bash
# Prisma CLI, offline: the JS schema engine needs no native binaries, so point the
# engine variables at an existing file to stop the CLI from trying to download them.
# `generate` writes both clients (SQLite and PostgreSQL); other commands act on DATABASE_URL's database.
set -euo pipefail
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/true}"
export PRISMA_QUERY_ENGINE_LIBRARY="${PRISMA_QUERY_ENGINE_LIBRARY:-/bin/true}"
export PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1
# Same default as lib/database-url.ts.
if [ -z "${DATABASE_URL:-}" ]; then
  mkdir -p "${DATA_DIR:-data}"
  export DATABASE_URL="file:$(cd "${DATA_DIR:-data}" && pwd)/portal.db"
fi
prisma="$(dirname "$0")/../node_modules/.bin/prisma"
if [ "${1:-}" = generate ] && [ "$#" = 1 ]; then
  "$prisma" generate --schema "$(dirname "$0")/../prisma/postgresql/schema.prisma"
fi
exec "$prisma" "$@"
