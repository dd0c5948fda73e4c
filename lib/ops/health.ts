import "server-only";
import fs from "node:fs";
import path from "node:path";
import { dbProvider } from "@/lib/db/client";
import { appliedMigrationNames } from "@/lib/db/health";
import { isShuttingDown } from "./shutdown";

export type Health = {
  status: "ok" | "draining" | "failing";
  database: "ok" | "unreachable";
  migrations: "current" | "pending" | "unknown";
  pendingMigrations: number;
  // Placeholder: the durable job runtime (issue #12, leases) reports here once it exists; null until then.
  jobRuntime: { alive: boolean | null };
};

/** The migrations this build ships (the image and `npm start` keep prisma/ next to the server). */
function shippedMigrations(): string[] | null {
  const dir = path.join(process.cwd(), "prisma", ...(dbProvider() === "postgresql" ? ["postgresql"] : []), "migrations");
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return null;
  }
}

/** Liveness and readiness in one: 503 while draining, with the database down, or with migrations pending. */
export async function checkHealth(): Promise<Health> {
  const health: Health = { status: "ok", database: "ok", migrations: "unknown", pendingMigrations: 0, jobRuntime: { alive: null } };
  try {
    const applied = new Set(await appliedMigrationNames());
    const shipped = shippedMigrations();
    if (shipped) {
      health.pendingMigrations = shipped.filter((m) => !applied.has(m)).length;
      health.migrations = health.pendingMigrations === 0 ? "current" : "pending";
    }
  } catch (e) {
    // The error's code only: Prisma's messages can name the database host.
    console.error("[portal] health: database check failed:", (e as { code?: string }).code ?? (e as Error).name);
    health.database = "unreachable";
  }
  if (health.database !== "ok" || health.migrations === "pending") health.status = "failing";
  if (isShuttingDown()) health.status = "draining";
  return health;
}
