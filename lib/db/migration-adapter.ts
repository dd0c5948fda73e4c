import pg from "pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseProvider } from "../database-url";

// `name` (19) and the one-byte `"char"` (18) of the system catalogs.
const PG_CATALOG_TEXT_OIDS = new Set([18, 19]);
const PG_TEXT_OID = 25;
type Fields = { fields?: { dataTypeID: number }[] };
const nameAsText = <T>(res: T): T => {
  for (const f of (res as Fields)?.fields ?? []) if (PG_CATALOG_TEXT_OIDS.has(f.dataTypeID)) f.dataTypeID = PG_TEXT_OID;
  return res;
};

/**
 * @prisma/adapter-pg 6.19.3 cannot read PostgreSQL's `name` and `"char"` catalog columns, which
 * `migrate deploy` and `migrate diff` select (prisma/orm#27403, fixed only in 7.x): this client relabels
 * them as text, in both query forms.
 */
class NameAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const cb = args[last];
      args[last] = (err: unknown, res: unknown) => cb(err, err ? res : nameAsText(res));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    return typeof result?.then === "function" ? result.then(nameAsText) : result;
  }
}

/** The adapter for the Prisma CLI (migrations), chosen by the URL's scheme. */
export function migrationAdapter(url: string) {
  if (databaseProvider(url) === "sqlite") return new PrismaBetterSQLite3({ url });
  // allowExitOnIdle: the CLI exits when it is done rather than after the pool's 10 s idle timer.
  return new PrismaPg(new pg.Pool({ connectionString: url, Client: NameAsTextClient, allowExitOnIdle: true }));
}
