// Reported users: the inbox URL (the same resolved-state filter as reported events). Client-safe.
import { z } from "zod";
import { parseMxid } from "@/lib/matrix/mxid";
import { REPORT_STATUSES } from "./reports";

export const USER_REPORT_SORTS = { newest: "Newest first", oldest: "Oldest first" } as const;
export { REPORT_STATUSES };

const mxid = z
  .string()
  .trim()
  .refine((v) => v.startsWith("@") && parseMxid(v).ok)
  .optional()
  .catch(undefined);

export const userReportListQuerySchema = z.object({
  status: z.enum(["all", "unresolved", "resolved"]).default("all").catch("all"),
  sort: z.enum(["newest", "oldest"]).default("newest").catch("newest"),
  target: mxid,
  reporter: mxid,
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type UserReportListQuery = z.infer<typeof userReportListQuerySchema>;

export function userReportListHref(q: UserReportListQuery, change: Partial<UserReportListQuery>): string {
  const next = { ...q, ...change };
  const p = new URLSearchParams();
  if (next.status !== "all") p.set("status", next.status);
  if (next.sort !== "newest") p.set("sort", next.sort);
  if (next.target) p.set("target", next.target);
  if (next.reporter) p.set("reporter", next.reporter);
  if (next.page > 1) p.set("page", String(next.page));
  const s = p.toString();
  return s ? `/reports/users?${s}` : "/reports/users";
}
