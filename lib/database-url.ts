import fs from "node:fs";
import path from "node:path";

/**
 * The SQLite file the portal uses: DATABASE_URL when set, else `<DATA_DIR>/portal.db`.
 * Shared by the app and prisma.config.ts, so it must not import anything from next.
 */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR || "data");
  fs.mkdirSync(dataDir, { recursive: true });
  return "file:" + path.join(dataDir, "portal.db");
}
