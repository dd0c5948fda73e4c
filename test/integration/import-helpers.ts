// Shared by the import integration tests: upload a CSV text as the test admin and run it to the end.
// Importing it starts this process's job runtime (as instrumentation.ts does in the portal), which claims
// and runs the import jobs the tests start.
import { after } from "node:test";
import { adminToken, loadTestbed, serverName } from "../../e2e/synapse/testbed";
import { startJobRuntime } from "@/lib/jobs/boot";
import { jobRuntime } from "@/lib/jobs/runtime";
import { receiveImportFile, type UploadRequest } from "@/lib/jobs/import-upload";
import { startImport, type JobActor } from "@/lib/jobs/import-commands";
import { waitForImport } from "@/lib/jobs/import-runner";
import { getImportJob } from "@/lib/db/import-jobs";
import { listImportRows, type ImportRowRecord } from "@/lib/db/import-rows";
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from "@/lib/schemas/import";
import { messageIn } from "@/lib/i18n/translator";

startJobRuntime();
after(() => jobRuntime().stop(5_000));

export async function testActor(): Promise<JobActor> {
  const tb = loadTestbed();
  return { creds: { baseUrl: tb.baseUrl, accessToken: await adminToken() }, actor: tb.admin.userId, homeserver: tb.baseUrl };
}

export async function* chunked(text: string | Buffer, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  const buf = typeof text === "string" ? Buffer.from(text) : text;
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

/** Hands `body` to the upload as the test admin (the request's other fields as given). */
export async function receiveAsAdmin(req: Pick<UploadRequest, "fileName" | "options" | "body" | "maxBytes" | "expectedBytes">) {
  const who = await testActor();
  return receiveImportFile({ actor: who.actor, homeserver: who.homeserver, serverName: await serverName(), ...req });
}

/** A refusal's message as the admin reads it in English (lib code returns message references). */
export const inEnglish = (re: RegExp) => (e: unknown) => e instanceof Error && re.test(messageIn(e.message));

export async function uploadCsv(text: string, options: Partial<ImportOptions> = {}, maxBytes = 50 * 1024 * 1024) {
  return english(await receiveAsAdmin({ fileName: "test.csv", options: { ...DEFAULT_IMPORT_OPTIONS, dryRun: false, ...options }, body: chunked(text), maxBytes }));
}

function english<R extends { ok: boolean; message?: string }>(r: R): R {
  return r.ok ? r : { ...r, message: messageIn(r.message!) };
}

/** Uploads, starts and waits for the job; returns it and its rows by line. */
export async function importCsv(text: string, options: Partial<ImportOptions> = {}) {
  const up = await uploadCsv(text, options);
  if (!up.ok) throw new Error(`upload refused: ${up.message}`);
  await startImport(up.jobId, await testActor());
  await waitForImport(up.jobId);
  return { jobId: up.jobId, ...(await jobState(up.jobId)) };
}

/** The job and its rows, with the stored messages and reasons in English. */
export async function jobState(jobId: number) {
  const stored = (await getImportJob(jobId))!;
  const job = { ...stored, message: stored.message && messageIn(stored.message) };
  const rows = (await listImportRows(jobId, {}, { skip: 0, take: 10_000 })).rows.map((r) => ({ ...r, reason: r.reason && messageIn(r.reason) }));
  const byLine = new Map<number, ImportRowRecord>(rows.map((r) => [r.line, r]));
  return { job, rows, byLine };
}
