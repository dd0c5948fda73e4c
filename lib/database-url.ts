import fs from "node:fs";
import path from "node:path";

/**
 * The database the portal uses: DATABASE_URL when set (`file:` SQLite or `postgres(ql)://` PostgreSQL),
 * else the SQLite file `<DATA_DIR>/portal.db`.
 * Shared by the app and prisma.config.ts, so it must not import anything from next.
 */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR || "data");
  fs.mkdirSync(dataDir, { recursive: true });
  return "file:" + path.join(dataDir, "portal.db");
}

export type DatabaseProvider = "sqlite" | "postgresql";

/** Which database a URL names, by its scheme; anything else is a configuration error. */
export function databaseProvider(url: string): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
}
