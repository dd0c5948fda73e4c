// Every kind of job the runtime runs on the "job" table, registered once at boot (lib/jobs/boot.ts).
// A new kind: a file under lib/jobs exporting a JobKind, and one line here.
import "server-only";
import { registerJobKind } from "./job-driver";
import { spamCleanupKind } from "./spam-cleanup";
import { userRedactKind } from "./user-redact";

export function registerJobKinds(): void {
  for (const kind of [userRedactKind, spamCleanupKind] as Parameters<typeof registerJobKind>[0][]) registerJobKind(kind);
}
