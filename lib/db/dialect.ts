import "server-only";
import { dbProvider } from "./client";

type SqlType = "integer" | "text" | "timestamp(3)";

/** The few pieces of raw SQL (bulk writes) that differ between SQLite and PostgreSQL. */
export interface SqlDialect {
  /** The n-th statement parameter (1-based; parameters must be passed in this order). */
  param(n: number, type?: SqlType): string;
  /** A FROM item yielding the elements of JSON array parameter n as `alias.value`. */
  jsonRows(n: number, alias: string): string;
  /** Element i of a JSON array row, as text (or cast). */
  field(alias: string, i: number, type?: SqlType): string;
  /** A timestamp parameter's value, stored as Prisma stores DateTime. */
  timestamp(d: Date): string;
}

const sqlite: SqlDialect = {
  param: () => "?",
  jsonRows: (_n, alias) => `json_each(?) AS ${alias}`,
  field: (alias, i) => `${alias}.value ->> ${i}`,
  // Prisma keeps DateTime in SQLite as ISO text with an explicit offset.
  timestamp: (d) => d.toISOString().replace("Z", "+00:00"),
};

const postgresql: SqlDialect = {
  param: (n, type) => (type ? `CAST($${n} AS ${type})` : `$${n}`),
  jsonRows: (n, alias) => `jsonb_array_elements(CAST($${n} AS jsonb)) AS ${alias}(value)`,
  field: (alias, i, type) => (type ? `CAST(${alias}.value ->> ${i} AS ${type})` : `${alias}.value ->> ${i}`),
  // timestamp(3) without time zone holds UTC, as Prisma writes it.
  timestamp: (d) => d.toISOString(),
};

export function sqlDialect(): SqlDialect {
  return dbProvider() === "postgresql" ? postgresql : sqlite;
}

/**
 * A "contains" text filter that ignores case on both databases: SQLite's LIKE already does (for ASCII),
 * PostgreSQL's LIKE does not, so there it asks for ILIKE. Typed as the SQLite client's filter, which has no
 * `mode` (the app is typed against that client; the PostgreSQL one accepts it).
 */
export function containsText(value: string): { contains: string } {
  return dbProvider() === "postgresql" ? ({ contains: value, mode: "insensitive" } as { contains: string }) : { contains: value };
}
