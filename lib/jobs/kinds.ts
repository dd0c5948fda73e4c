// Every kind of job the runtime runs on the "job" table, registered once at boot (lib/jobs/boot.ts).
// A new kind: a file under lib/jobs exporting a JobKind, and one line here.
import "server-only";
import { registerJobKind } from "./job-driver";
import { noticeBroadcastKind } from "./notice-broadcast";
import { userBulkKind } from "./user-bulk";

export function registerJobKinds(): void {
  for (const kind of [userBulkKind, noticeBroadcastKind]) registerJobKind(kind);
}
