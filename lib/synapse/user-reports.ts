import "server-only";
import { synapseFetch, type SynapseCredentials } from "./client";
import { nullIfNotFound } from "./errors";
import { readAllReports } from "./reports";

// Reports about users (Matrix 1.14 `POST /users/<id>/report`), beside the event reports of reports.ts.

type RawUserReport = { id: number; received_ts: number; target_user_id: string; user_id: string; reason: string | null };

export type UserReport = { id: number; receivedTs: number; target: string; reporter: string; reason: string | null };

const toReport = (r: RawUserReport): UserReport => ({
  id: r.id,
  receivedTs: r.received_ts,
  target: r.target_user_id,
  reporter: r.user_id,
  reason: r.reason ?? null,
});

/** All user reports, newest first, optionally about one user or by one reporter (capped like event reports). */
export async function listAllUserReports(
  creds: SynapseCredentials,
  filter: { target?: string; reporter?: string } = {},
): Promise<{ reports: UserReport[]; total: number; truncated: boolean }> {
  return readAllReports<RawUserReport, UserReport>(creds, "/_synapse/admin/v1/user_reports", "user_reports", { target_user_id: filter.target, user_id: filter.reporter }, toReport);
}

/** null when there is no such report (already deleted). */
export async function getUserReport(creds: SynapseCredentials, id: number): Promise<UserReport | null> {
  const r = await nullIfNotFound(() => synapseFetch<RawUserReport>(creds, `/_synapse/admin/v1/user_reports/${id}`));
  return r && toReport(r);
}

/** Deletes the report (the user is not touched). false when it was already gone. */
export async function deleteUserReport(creds: SynapseCredentials, id: number): Promise<boolean> {
  return (await nullIfNotFound(() => synapseFetch(creds, `/_synapse/admin/v1/user_reports/${id}`, { method: "DELETE" }))) !== null;
}
