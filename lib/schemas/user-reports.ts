// Reported users: the inbox URL (the same resolved-state filter as reported events). Client-safe.
import { z } from "zod";
import { inboxHref, inboxPageField, inboxStatusField, REPORT_STATUSES, userFilterField } from "./reports";

export const USER_REPORT_SORTS = ["newest", "oldest"] as const;
export { REPORT_STATUSES };

export const userReportListQuerySchema = z.object({
  status: inboxStatusField,
  sort: z.enum(USER_REPORT_SORTS).default("newest").catch("newest"),
  target: userFilterField,
  reporter: userFilterField,
  page: inboxPageField,
});
export type UserReportListQuery = z.infer<typeof userReportListQuerySchema>;

export function userReportListHref(q: UserReportListQuery, change: Partial<UserReportListQuery>): string {
  return inboxHref("/reports/users", { ...q, ...change }, ["target", "reporter"]);
}
