// Server notices (from the `server_notices` account): to one user, and broadcasts. Client-safe.
import { z } from "zod";
import { msg } from "@/lib/i18n/message";
import { userRefSchema } from "./users";

export const NOTICE_MAX_LENGTH = 10_000;

const noticeText = z.string().trim().min(1, msg("server.notices.errors.emptyText")).max(NOTICE_MAX_LENGTH, msg("server.notices.errors.tooLong", { max: NOTICE_MAX_LENGTH }));

/** `txnId`: made by the form once per notice written, so a repeated submit is not delivered twice. */
export const serverNoticeSchema = userRefSchema.extend({ text: noticeText, txnId: z.uuid().optional() });

const broadcastShape = {
  text: noticeText,
  audience: z.enum(["all", "filter"]),
  filter: z.string().trim().max(4000, msg("server.notices.errors.filterTooLong")).default(""),
  includeAppservice: z.boolean().default(false),
};
const filterGiven = (v: { audience: string; filter: string }, ctx: z.RefinementCtx) => {
  if (v.audience === "filter" && !v.filter) ctx.addIssue({ code: "custom", path: ["filter"], message: msg("server.notices.errors.filterMissing") });
};

/** A broadcast to every local user, or to all matching a users-list filter (its URL or search string), before the count is confirmed. */
export const broadcastPreviewSchema = z.object(broadcastShape).superRefine(filterGiven);

/** The broadcast with the number of users the admin confirmed. */
export const broadcastSchema = z.object({ ...broadcastShape, expectedCount: z.number().int().min(1) }).superRefine(filterGiven);
export type BroadcastInput = z.output<typeof broadcastSchema>;
