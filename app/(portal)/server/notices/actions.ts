"use server";
// Server-notice broadcasts: count who would get one (read-only), then start the job for the confirmed count.
import { adminAction } from "@/lib/actions/admin-action";
import { previewBroadcast, startBroadcast } from "@/lib/jobs/notice-broadcast";
import { broadcastPreviewSchema, broadcastSchema } from "@/lib/schemas/server-notices";

/** How many users the broadcast would reach; refuses a server without notices and a filter matching nobody. */
export const previewBroadcastAction = adminAction({ role: "viewer", schema: broadcastPreviewSchema }, async (i, a) => ({ count: (await previewBroadcast(a, i)).count }));

/** Starts the broadcast as a durable job; the page then follows /server/notices/<id>. */
export const startBroadcastAction = adminAction(
  {
    role: "operator", schema: broadcastSchema,
    audit: (i) => ({
      action: "server.notice.broadcast.start",
      params: { audience: i.audience, filter: i.filter || null, count: i.expectedCount, includeAppservice: i.includeAppservice, length: i.text.length },
    }),
  },
  (i, a) => startBroadcast(a, i),
);
