import "server-only";
import { db } from "./client";
import { containsText } from "./dialect";

export type AuditRecord = {
  actor: string;
  /** The organisation person behind the admin (gate on); null without a gate. */
  personName?: string | null;
  personEmail?: string | null;
  personSubject?: string | null;
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
  /** Part of the person's name, e-mail or gate subject. */
  person?: string;
  action?: string;
  target?: string;
  from?: Date;
  to?: Date;
};

/** Outcome of an entry written before its action ran and never completed (the process died meanwhile). */
export const AUDIT_STARTED = "started";

export async function insertAuditEntry(r: AuditRecord): Promise<number> {
  const row = await db().auditEntry.create({
    data: {
      actor: r.actor,
      personName: r.personName ?? null,
      personEmail: r.personEmail ?? null,
      personSubject: r.personSubject ?? null,
      homeserver: r.homeserver,
      action: r.action,
      target: r.target ?? null,
      params: r.params ? JSON.stringify(r.params) : null,
      outcome: r.outcome,
      message: r.message ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

/** Sets the outcome of an entry written as started; only an entry of the same homeserver. */
export async function completeAuditEntry(homeserver: string, id: number, outcome: string, message?: string | null): Promise<void> {
  await db().auditEntry.updateMany({ where: { id, homeserver, outcome: AUDIT_STARTED }, data: { outcome, message: message ?? null } });
}

export async function listAuditEntries(
  homeserver: string,
  filter: AuditFilter,
  page: { skip: number; take: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const where = {
    homeserver,
    ...(filter.actor ? { actor: containsText(filter.actor) } : {}),
    ...(filter.person
      ? { OR: [{ personName: containsText(filter.person) }, { personEmail: containsText(filter.person) }, { personSubject: containsText(filter.person) }] }
      : {}),
    ...(filter.action ? { action: containsText(filter.action) } : {}),
    ...(filter.target ? { target: containsText(filter.target) } : {}),
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
