import { z } from "zod";

// The Audit page's URL: filters and page, so a view can be shared and Back works.
export const auditQuerySchema = z.object({
  actor: z.string().trim().max(255).optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  target: z.string().trim().max(255).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export const AUDIT_PAGE_SIZE = 50;
