import { z } from "zod";

// The Audit page's URL: filters and page, so a view can be shared and Back works.
export const auditQuerySchema = z.object({
  actor: z.string().trim().max(255).optional().catch(undefined),
  /** Part of the organisation person's name, e-mail or gate subject. */
  person: z.string().trim().max(320).optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  target: z.string().trim().max(255).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export const AUDIT_PAGE_SIZE = 50;

export type AuditQuery = z.infer<typeof auditQuerySchema>;
export const AUDIT_FILTER_KEYS = ["actor", "person", "action", "target", "from", "to"] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The stored-entries filter of a query (the Audit page and its CSV export): dates are whole UTC days. */
export function auditFilterOf(q: AuditQuery) {
  return {
    actor: q.actor || undefined,
    person: q.person || undefined,
    action: q.action || undefined,
    target: q.target || undefined,
    from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
    to: q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + DAY_MS) : undefined,
  };
}
