import "server-only";
import { db } from "./client";

export type AuditRecord = {
  actor: string;
  homeserver: string;
  action: string;
  target?: string | null;
  params?: Record<string, unknown> | null;
  outcome: string;
  message?: string | null;
};

export type AuditRow = AuditRecord & { id: number; createdAt: Date };

export type AuditFilter = {
  actor?: string;
  action?: string;
  target?: string;
  from?: Date;
  to?: Date;
};

export async function insertAuditEntry(r: AuditRecord): Promise<void> {
  await db().auditEntry.create({
    data: {
      actor: r.actor,
      homeserver: r.homeserver,
      action: r.action,
      target: r.target ?? null,
      params: r.params ? JSON.stringify(r.params) : null,
      outcome: r.outcome,
      message: r.message ?? null,
    },
  });
}

export async function listAuditEntries(
  filter: AuditFilter,
  page: { skip: number; take: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const where = {
    ...(filter.actor ? { actor: { contains: filter.actor } } : {}),
    ...(filter.action ? { action: { contains: filter.action } } : {}),
    ...(filter.target ? { target: { contains: filter.target } } : {}),
    ...(filter.from || filter.to ? { createdAt: { gte: filter.from, lt: filter.to } } : {}),
  };
  const [rows, total] = await Promise.all([
    db().auditEntry.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...page }),
    db().auditEntry.count({ where }),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, params: r.params ? (JSON.parse(r.params) as Record<string, unknown>) : null })),
    total,
  };
}
