import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { getEnv } from "@/lib/env";

// One client per process (dev hot reload re-evaluates modules, hence the global).
const globalForPrisma = globalThis as unknown as { portalPrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForPrisma.portalPrisma) {
    const adapter = new PrismaBetterSQLite3({ url: getEnv().databaseUrl });
    globalForPrisma.portalPrisma = new PrismaClient({ adapter });
  }
  return globalForPrisma.portalPrisma;
}
