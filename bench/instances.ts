// Shared by the multi-instance benchmarks: a throwaway PostgreSQL, migrated, and job-runtime instances
// (bench/job-instance.ts) as separate processes on it. Must be set up before anything opens the database.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { startPgCluster, type PgCluster } from "../e2e/pg-cluster";
import type { JobActor } from "@/lib/jobs/import-commands";

export type BenchInstance = { name: string; child: ChildProcess; exited: Promise<number | null> };

/** A cluster with a migrated database; this process's DATABASE_URL points at it. */
export function usePostgres(name = "portal_bench"): PgCluster & { db: string } {
  const pg = startPgCluster();
  const url = pg.createdb(name);
  process.env.DATABASE_URL = url;
  execFileSync("bash", ["scripts/migrate.sh"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: url } });
  return { ...pg, db: name };
}

export async function startInstance(name: string, env: Record<string, string>): Promise<BenchInstance> {
  const child = spawn("node", ["--conditions=react-server", "--import", "tsx", "bench/job-instance.ts"], {
    env: { ...process.env, PORTAL_INSTANCE_ID: name, NEXT_MANUAL_SIG_HANDLE: "true", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
    child.once("exit", () => reject(new Error(`instance ${name} exited before it was ready`)));
  });
  return { name, child, exited };
}

export async function stopAll(instances: BenchInstance[]): Promise<void> {
  for (const i of instances) i.child.kill("SIGKILL");
  await Promise.all(instances.map((i) => i.exited));
}

/** Uploads a file of `n` new users (ids `<prefix>-<i>`) whose passwords the import generates; returns the job id. */
export async function uploadNewUsers(who: JobActor, prefix: string, n: number, concurrency: number): Promise<number> {
  const { receiveImportFile } = await import("@/lib/jobs/import-upload");
  const { serverNameOf } = await import("@/lib/matrix/mxid");
  const csv = `id,displayname\n${Array.from({ length: n }, (_, i) => `${prefix}-${i},User ${i}`).join("\n")}\n`;
  const up = await receiveImportFile({
    actor: who.actor,
    homeserver: who.homeserver,
    serverName: serverNameOf(who.actor),
    fileName: `${prefix}.csv`,
    options: { conflict: "skip", passwords: "generate-all", ids: "csv", delimiter: "auto", concurrency, dryRun: false },
    body: (async function* () {
      yield Buffer.from(csv);
    })(),
    maxBytes: 50 * 1024 * 1024,
  });
  if (!up.ok) throw new Error(up.message);
  return up.jobId;
}

/** Stops the instances and the cluster, and signs the benchmark's admin session out. */
export async function tearDown(instances: BenchInstance[], pg: PgCluster, who: JobActor): Promise<void> {
  await stopAll(instances);
  await (await import("@/lib/db/client")).disconnectDb().catch(() => undefined);
  pg.stop();
  await (await import("@/lib/synapse/auth")).logout(who.creds);
}
