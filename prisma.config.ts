import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseProvider, databaseUrl } from "./lib/database-url";
import { migrationAdapter } from "./lib/db/migration-adapter";

// Prisma's JS schema engine: migrations run offline through the app's driver adapters. DATABASE_URL's
// scheme picks the schema file and migration folder (prisma/ for SQLite, prisma/postgresql/ for PostgreSQL).
const dir = databaseProvider(databaseUrl()) === "postgresql" ? path.join("prisma", "postgresql") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations") },
  async adapter() {
    return migrationAdapter(databaseUrl());
  },
});
