import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PostgresPrismaClient } from "./generated-pg/client";
import { databaseProvider, type DatabaseProvider } from "@/lib/database-url";
import { getEnv } from "@/lib/env";

// One client per process (dev hot reload re-evaluates modules, hence the global).
const globalForPrisma = globalThis as unknown as { portalPrisma?: PrismaClient; portalAdapter?: DriverConnection };

/**
 * The slice of the driver adapter's connection (@prisma/driver-adapter-utils' SqlDriverAdapter) that
 * lib/db/bulk-sql.ts uses to send big statements without the client's query compiler.
 */
export type DriverStatement = { sql: string; args: (string | number | null)[]; argTypes: { scalarType: "string" | "int"; arity: "scalar" }[] };
export type DriverQueryable = {
  executeRaw(q: DriverStatement): Promise<number>;
  queryRaw(q: DriverStatement): Promise<{ columnNames: string[]; rows: unknown[][] }>;
};
export type DriverTransaction = DriverQueryable & { readonly options: { usePhantomQuery: boolean }; commit(): Promise<void>; rollback(): Promise<void> };
export type DriverConnection = DriverQueryable & { startTransaction(): Promise<DriverTransaction> };

export function dbProvider(): DatabaseProvider {
  return databaseProvider(getEnv().databaseUrl);
}

export function db(): PrismaClient {
  if (!globalForPrisma.portalPrisma) {
    const url = getEnv().databaseUrl;
    // allowExitOnIdle: idle pool connections do not keep the process alive, so a script or test file whose work
    // is done exits at once instead of waiting out the pool's 10 s idle timer (the server's listener keeps it up).
    // Both clients come from one schema, but their generated types are not assignable to each other:
    // the app is typed against the SQLite client, and the PostgreSQL one is cast here, once.
    globalForPrisma.portalPrisma =
      dbProvider() === "postgresql"
        ? (new PostgresPrismaClient({ adapter: keepConnection(new PrismaPg({ connectionString: url, allowExitOnIdle: true })) }) as unknown as PrismaClient)
        : new PrismaClient({ adapter: keepConnection(withWriteAheadLog(new PrismaBetterSQLite3({ url }))) });
  }
  return globalForPrisma.portalPrisma;
}

/** The connection the client opened through its driver adapter (opened now if it has not yet). */
export async function driverConnection(): Promise<DriverConnection> {
  if (!globalForPrisma.portalAdapter) await db().$connect();
  if (!globalForPrisma.portalAdapter) throw new Error("the database client opened no driver connection");
  return globalForPrisma.portalAdapter;
}

/** Remembers the connection the client opens, for driverConnection (the client itself does not expose it). */
function keepConnection<F extends { connect: () => Promise<unknown> }>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    globalForPrisma.portalAdapter = adapter as DriverConnection;
    return adapter;
  };
  return factory;
}

// The log is copied into the database (two disk syncs) each time it holds this many pages (16 MB), rather than
// SQLite's default of 1000: a 100,000-row import writes tens of thousands of pages, and on a busy disk the syncs
// of every 4 MB were seconds of its run. Nothing is less durable: commits were never synced one by one.
const WAL_CHECKPOINT_PAGES = 4000;

/**
 * SQLite in write-ahead-log mode with `synchronous=NORMAL`: a commit no longer waits for a disk sync of the
 * whole database (the log is synced at checkpoints), which halved the 100k-row import dry run
 * (bench/import-dry-run.ts), and readers no longer block the writer. A crash can lose the last commits but
 * never corrupts the file; the job runtime redoes an unfinished step after looking it up on Synapse.
 */
function withWriteAheadLog(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    for (const sql of ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", `PRAGMA wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`]) {
      await adapter.queryRaw({ sql, args: [], argTypes: [] });
    }
    return adapter;
  };
  return factory;
}

/** A unique constraint refused the write (either database's client: their error classes differ). */
export const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === "P2002";

/** Closes the connections (graceful shutdown); the next db() call opens them again. */
export async function disconnectDb(): Promise<void> {
  const client = globalForPrisma.portalPrisma;
  globalForPrisma.portalPrisma = undefined;
  globalForPrisma.portalAdapter = undefined;
  await client?.$disconnect();
}
