"use server";
// Moderating one user: jobs of the runtime that redact their events or clean up after a spammer.
import { adminAction } from "@/lib/actions/admin-action";
import { accountValiditySchema, cleanupPreviewSchema, crossSigningResetSchema, expiryOf, redactUserEventsSchema, spamCleanupSchema } from "@/lib/schemas/moderation";
import { allowCrossSigningReset, renewAccountValidity } from "@/lib/synapse/user-extras";
import { z } from "zod";
import { MODERATION_KINDS, previewSpamCleanup, startSpamCleanupJob, startUserRedactJob } from "@/lib/jobs/moderation-start";
import { cancelJob, getJobView, resumeJob } from "@/lib/jobs/jobs";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import { msg } from "@/lib/i18n/message";

// Starts redacting all of a user's events (all rooms or the chosen ones); the page follows the job.
export const redactUserEventsAction = adminAction(
  {
    role: "owner", schema: redactUserEventsSchema,
    audit: (i) => ({ action: "user.redact-events.start", target: i.userId, params: { rooms: i.scope === "all" ? "all" : i.rooms, reason: i.reason } }),
  },
  (i, admin) => startUserRedactJob(admin, i),
);

// What a spam clean-up of these users would touch (read-only).
export const previewSpamCleanupAction = adminAction({ role: "viewer", schema: cleanupPreviewSchema }, (i, admin) => previewSpamCleanup(admin, i.userIds));

// Starts the clean-up job: each user's chosen steps, in order, each with its own result.
export const startSpamCleanupAction = adminAction(
  {
    role: "owner", schema: spamCleanupSchema,
    audit: (i) => ({ action: "user.spam-cleanup.start", target: i.userIds.length === 1 ? i.userIds[0] : `${i.userIds.length} users`, params: { users: i.userIds, steps: i.steps, erase: i.erase } }),
  },
  (i, admin) => startSpamCleanupJob(admin, i),
);

const moderationJob = z.object({ jobId: z.coerce.number().int().positive() });
const ownKind = async (homeserver: string, jobId: number) => {
  if (!(await getJobView(homeserver, jobId, MODERATION_KINDS))) throw new PortalRefusal("NOT_FOUND", msg("moderation.job.notFound"));
};

// Stops a moderation job after the step in flight (the user page's progress panel).
export const cancelModerationJobAction = adminAction(
  { role: "operator", schema: moderationJob, audit: (i) => ({ action: "job.cancel", target: `job #${i.jobId}` }) },
  async ({ jobId }, admin) => (await ownKind(admin.homeserver, jobId), cancelJob(admin.homeserver, jobId, admin)),
);

// Continues a paused moderation job with this admin's session.
export const resumeModerationJobAction = adminAction(
  { role: "owner", schema: moderationJob, audit: (i) => ({ action: "job.resume", target: `job #${i.jobId}` }) },
  async ({ jobId }, admin) => (await ownKind(admin.homeserver, jobId), resumeJob(admin, jobId)),
);

// Sets when the account expires (or extends it by the server's period).
export const renewAccountValidityAction = adminAction(
  { role: "operator", schema: accountValiditySchema, audit: (i) => ({ action: "user.account-validity", target: i.userId, params: { expiresOn: i.expiresOn || "server period" } }) },
  async (i, admin) => ({ expiresAt: await renewAccountValidity(admin, i.userId, expiryOf(i.expiresOn)) }),
);

// Lets the user replace their cross-signing keys without a password prompt for a few minutes.
export const allowCrossSigningResetAction = adminAction(
  { role: "owner", schema: crossSigningResetSchema, audit: (i) => ({ action: "user.cross-signing-reset", target: i.userId }) },
  async (i, admin) => ({ until: await allowCrossSigningReset(admin, i.userId) }),
);
