import type { NextRequest } from "next/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import { record } from "@/lib/audit/record";
import { getEnv } from "@/lib/env";
import { serverNameOf } from "@/lib/matrix/mxid";
import { formatMegabytes } from "@/lib/jobs/csv-reader";
import { receiveImportFile } from "@/lib/jobs/import-upload";
import { startImport } from "@/lib/jobs/import-commands";
import { firstFieldErrors } from "@/lib/schemas/fields";
import { uploadQuerySchema } from "@/lib/schemas/import";
import { describeError } from "@/lib/synapse/describe-error";
import { getPasswordPolicy } from "@/lib/synapse/password-policy";

// CSV upload: the file streams through here (server actions cap bodies at 1 MB) into a job's rows.
// A file without invalid rows starts at once; otherwise the job waits for the admin to review it.
export async function POST(request: NextRequest) {
  const admin = await requireAdmin();
  const query = uploadQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) {
    const message = Object.values(firstFieldErrors(query.error))[0] ?? "Check the import options.";
    return Response.json({ error: { code: "INVALID_INPUT", message } }, { status: 400 });
  }
  const maxBytes = getEnv().IMPORT_MAX_BYTES;
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) {
    return Response.json(
      { error: { code: "TOO_LARGE", message: `The file is larger than the limit of ${formatMegabytes(maxBytes)}. Split it into smaller files.` } },
      { status: 413 },
    );
  }
  if (!request.body || declared === 0) return Response.json({ error: { code: "EMPTY", message: "The file is empty." } }, { status: 400 });

  const { fileName, ...options } = query.data;
  const ctx = { actor: admin.actor, homeserver: admin.homeserver };
  const result = await receiveImportFile({
    actor: admin.actor,
    homeserver: admin.homeserver,
    serverName: serverNameOf(admin.actor),
    fileName,
    options,
    body: request.body as unknown as AsyncIterable<Uint8Array>,
    maxBytes,
    // The runner checks again, so a homeserver that cannot answer now only defers the check.
    passwordPolicy: await getPasswordPolicy(admin.homeserver).catch(() => undefined),
    expectedBytes: Number.isFinite(declared) ? declared : undefined,
  });
  if (!result.ok) {
    await record(ctx, { action: "import.upload", target: fileName, params: { options } }, result.problem, result.message);
    return Response.json({ error: { code: result.problem, message: result.message } }, { status: result.problem === "too-large" ? 413 : 400 });
  }
  const params = { importJob: result.jobId, rows: result.totalRows, invalidRows: result.invalidRows, options };
  await record(ctx, { action: "import.upload", target: fileName, params }, "ok");
  let started = false;
  let startError: string | undefined;
  if (result.invalidRows === 0) {
    try {
      await startImport(result.jobId, admin);
      started = true;
      await record(ctx, { action: options.dryRun ? "import.dry-run" : "import.start", target: fileName, params: { importJob: result.jobId } }, "ok");
    } catch (e) {
      const ui = describeError(e);
      startError = ui.message;
      await record(ctx, { action: options.dryRun ? "import.dry-run" : "import.start", target: fileName, params: { importJob: result.jobId } }, ui.code, ui.message);
    }
  }
  return Response.json({ jobId: result.jobId, totalRows: result.totalRows, invalidRows: result.invalidRows, started, startError }, { status: 201 });
}
