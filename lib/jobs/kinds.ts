// Every kind of job the runtime runs on the "job" table, registered once at boot (lib/jobs/boot.ts).
// A new kind: a file under lib/jobs exporting a JobKind, and one line here.
import "server-only";
import { dashboardActivityKind } from "./dashboard-activity";
import { registerJobKind } from "./job-driver";
import { deleteByDateKind, deleteUserMediaKind, purgeRemoteCacheKind } from "./media-kinds";
import { noticeBroadcastKind } from "./notice-broadcast";
import { roomBulkKind } from "./room-bulk";
import { purgeHistoryKind, roomDeleteKind } from "./room-kinds";
import { spamCleanupKind } from "./spam-cleanup";
import { userBulkKind } from "./user-bulk";
import { userRedactKind } from "./user-redact";

export function registerJobKinds(): void {
  const kinds = [userBulkKind, noticeBroadcastKind, roomDeleteKind, purgeHistoryKind, deleteByDateKind, deleteUserMediaKind, purgeRemoteCacheKind, userRedactKind, spamCleanupKind, roomBulkKind, dashboardActivityKind];
  for (const kind of kinds as Parameters<typeof registerJobKind>[0][]) registerJobKind(kind);
}
