import "server-only";
import fs from "node:fs";
import path from "node:path";
import { dbProvider } from "@/lib/db/client";
import { appliedMigrationNames } from "@/lib/db/health";
import { jobRuntime } from "@/lib/jobs/runtime";
import { isShuttingDown } from "./shutdown";

export type Health = {
  status: "ok" | "draining" | "failing";
  database: "ok" | "unreachable";
  migrations: "current" | "pending" | "unknown";
  pendingMigrations: number;
  // The job runtime's claim loop ran recently (it also claims jobs other instances left behind).
  jobRuntime: { alive: boolean; running: number };
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
  const health: Health = { status: "ok", database: "ok", migrations: "unknown", pendingMigrations: 0, jobRuntime: runtimeHealth() };
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
  if (health.database !== "ok" || health.migrations === "pending" || !health.jobRuntime.alive) health.status = "failing";
  if (isShuttingDown()) health.status = "draining";
  return health;
}

function runtimeHealth(): Health["jobRuntime"] {
  const rt = jobRuntime();
  return { alive: rt.isAlive(), running: rt.running("job").length + rt.running("importJob").length };
}
