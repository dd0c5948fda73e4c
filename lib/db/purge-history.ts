import "server-only";
import { db } from "./client";
import { containsText } from "./dialect";

export type PurgeKind =
  | "media.delete-by-date"
  | "media.delete-selected"
  | "media.delete-user-media"
  | "media.purge-remote-cache"
  | "media.quarantine"
  | "media.unquarantine"
  | "media.protect"
  | "media.unprotect"
  | "room.delete"
  | "room.purge-history";

export type PurgeStart = {
  actor: string;
  homeserver: string;
  kind: PurgeKind;
  target?: string | null;
  scope: Record<string, unknown>;
  synapseTaskId?: string | null;
  /** The runtime Job doing the work, when it is not done inside the request. */
  jobId?: number | null;
};

export type PurgeEnd = {
  status: "ok" | "failed";
  filesDeleted?: number | null;
  bytesFreed?: number | null;
  error?: string | null;
  synapseTaskId?: string | null;
};

export type PurgeRow = {
  id: number;
  createdAt: Date;
  finishedAt: Date | null;
  actor: string;
  homeserver: string;
  kind: string;
  target: string | null;
  scope: Record<string, unknown>;
  status: string;
  filesDeleted: number | null;
  bytesFreed: number | null;
  durationMs: number | null;
  synapseTaskId: string | null;
  error: string | null;
  jobId: number | null;
};

export type PurgeFilter = { kind?: string; actor?: string; target?: string; status?: string; from?: Date; to?: Date };

/** Records the start of the work; returns the id to finish it with. */
export async function startPurgeRecord(p: PurgeStart): Promise<number> {
  const row = await db().purgeRecord.create({
    data: {
      actor: p.actor,
      homeserver: p.homeserver,
      kind: p.kind,
      target: p.target ?? null,
      scope: JSON.stringify(p.scope),
      status: "running",
      synapseTaskId: p.synapseTaskId ?? null,
      jobId: p.jobId ?? null,
    },
  });
  return row.id;
}

export async function setPurgeTaskId(homeserver: string, id: number, synapseTaskId: string): Promise<void> {
  await db().purgeRecord.updateMany({ where: { id, homeserver }, data: { synapseTaskId } });
}

export async function finishPurgeRecord(homeserver: string, id: number, end: PurgeEnd): Promise<void> {
  const row = await db().purgeRecord.findFirstOrThrow({ where: { id, homeserver } });
  const finishedAt = new Date();
  await db().purgeRecord.updateMany({
    where: { id, homeserver },
    data: {
      status: end.status,
      finishedAt,
      durationMs: finishedAt.getTime() - row.createdAt.getTime(),
      filesDeleted: end.filesDeleted ?? null,
      bytesFreed: end.bytesFreed === null || end.bytesFreed === undefined ? null : BigInt(Math.round(end.bytesFreed)),
      error: end.error ?? null,
      ...(end.synapseTaskId ? { synapseTaskId: end.synapseTaskId } : {}),
    },
  });
}

function whereOf(homeserver: string, f: PurgeFilter) {
  return {
    homeserver,
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.actor ? { actor: containsText(f.actor) } : {}),
    ...(f.target ? { target: containsText(f.target) } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.from || f.to ? { createdAt: { gte: f.from, lt: f.to } } : {}),
  };
}

function toRow(r: Awaited<ReturnType<ReturnType<typeof db>["purgeRecord"]["findFirstOrThrow"]>>): PurgeRow {
  return {
    ...r,
    scope: JSON.parse(r.scope) as Record<string, unknown>,
    bytesFreed: r.bytesFreed === null ? null : Number(r.bytesFreed),
  };
}

export async function listPurgeRecords(homeserver: string, f: PurgeFilter, page: { skip: number; take: number }): Promise<{ rows: PurgeRow[]; total: number }> {
  const where = whereOf(homeserver, f);
  const [rows, total] = await Promise.all([
    db().purgeRecord.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...page }),
    db().purgeRecord.count({ where }),
  ]);
  return { rows: rows.map(toRow), total };
}

/** Bytes freed by finished work since a date (the dashboard's "freed in the last 30 days"). */
export async function bytesFreedSince(homeserver: string, since: Date): Promise<number> {
  const agg = await db().purgeRecord.aggregate({
    where: { homeserver, status: "ok", createdAt: { gte: since } },
    _sum: { bytesFreed: true },
  });
  return Number(agg._sum.bytesFreed ?? 0);
}

export async function getPurgeRecord(homeserver: string, id: number): Promise<PurgeRow | null> {
  const r = await db().purgeRecord.findFirst({ where: { id, homeserver } });
  return r ? toRow(r) : null;
}

/** The history row a job keeps for one target (a room; null for server-wide work), if it made one yet. */
export async function findJobPurgeRecord(homeserver: string, jobId: number, target: string | null): Promise<PurgeRow | null> {
  const r = await db().purgeRecord.findFirst({ where: { homeserver, jobId, target }, orderBy: { id: "asc" } });
  return r ? toRow(r) : null;
}
