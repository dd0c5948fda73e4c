import "server-only";
import { driverConnection, type DriverStatement } from "./client";

/**
 * Big bulk statements (an import's rows, thousands at a time) sent straight to the driver adapter's
 * connection. Through the client, every raw statement is first serialised with its parameters, compiled into a
 * query plan by the WebAssembly query compiler and parsed back: for a 40 KB JSON parameter that took more time
 * than SQLite itself (bench/import-dry-run.ts: about 1 s of a 100,000-row upload) and much of its garbage.
 * Only for raw SQL the caller writes for both databases (lib/db/dialect.ts); everything else uses the client.
 */

export type BulkArg = string | number | null;

/** Runs `fn`'s statements in one transaction on the driver's connection: all of them are committed, or none. */
export async function bulkTransaction<T>(fn: (exec: (sql: string, ...args: BulkArg[]) => Promise<number>) => Promise<T>): Promise<T> {
  const tx = await (await driverConnection()).startTransaction();
  // Both adapters leave COMMIT/ROLLBACK to the caller (`usePhantomQuery: false`), as the client does it.
  const end = async (word: "COMMIT" | "ROLLBACK") => {
    if (!tx.options.usePhantomQuery) await tx.executeRaw(statement(word, []));
    await (word === "COMMIT" ? tx.commit() : tx.rollback());
  };
  try {
    const value = await fn((sql, ...args) => tx.executeRaw(statement(sql, args)));
    await end("COMMIT");
    return value;
  } catch (e) {
    // Also after a failed COMMIT: the connection (SQLite's only one) must not stay in the transaction.
    await end("ROLLBACK").catch(() => undefined);
    throw e;
  }
}

/** Runs statements one after the other in one transaction; the number of rows each changed. */
export async function bulkStatements(statements: { sql: string; args: BulkArg[] }[]): Promise<number[]> {
  return bulkTransaction(async (exec) => {
    const counts: number[] = [];
    for (const s of statements) counts.push(await exec(s.sql, ...s.args));
    return counts;
  });
}

/** Rows of a read too big for the client's result mapping (thousands of rows a page), as arrays in column order. */
export async function bulkQuery(sql: string, ...args: BulkArg[]): Promise<unknown[][]> {
  return (await (await driverConnection()).queryRaw(statement(sql, args))).rows;
}

function statement(sql: string, args: BulkArg[]): DriverStatement {
  // Integers go to SQLite as integers, text as text; PostgreSQL gets typed casts in the SQL (dialect.ts).
  return { sql, args, argTypes: args.map((a) => ({ scalarType: typeof a === "number" ? "int" : "string", arity: "scalar" })) };
}
