import type { NextRequest } from "next/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getEnv } from "@/lib/env";
import { formatMegabytes } from "@/lib/jobs/csv-reader";
import { acceptUpload } from "@/lib/jobs/import-commands";
import { firstFieldErrors } from "@/lib/schemas/fields";
import { uploadQuerySchema } from "@/lib/schemas/import";
import { refuseCrossOrigin } from "@/lib/http/same-origin";
import { refuseRoleResponse } from "@/lib/actions/role-check";
import { noteJobPerson } from "@/lib/actions/job-people";

// CSV upload: the file streams through here (server actions cap bodies at 1 MB) into a job's rows;
// import-commands.acceptUpload reads it, audits it and starts it when no row is invalid.
export async function POST(request: NextRequest) {
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  // text/csv is not a "simple" content type, so a browser on another origin must ask first (preflight).
  if (request.headers.get("content-type")?.split(";")[0].trim().toLowerCase() !== "text/csv") {
    return Response.json({ error: { code: "UNSUPPORTED_MEDIA_TYPE", message: "Send the file as text/csv." } }, { status: 415 });
  }
  const admin = await requireAdmin();
  const forbidden = await refuseRoleResponse(admin, "operator", { action: "import.upload", target: request.nextUrl.searchParams.get("fileName") });
  if (forbidden) return forbidden;
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
  const body = request.body as unknown as AsyncIterable<Uint8Array>;
  const outcome = await acceptUpload(admin, { fileName, options, body, maxBytes, expectedBytes: Number.isFinite(declared) ? declared : undefined });
  if (!outcome.ok) {
    return Response.json({ error: { code: outcome.problem, message: outcome.message } }, { status: outcome.problem === "too-large" ? 413 : 400 });
  }
  const { jobId, totalRows, invalidRows, started, startError } = outcome;
  await noteJobPerson(admin, jobId, "startedBy");
  return Response.json({ jobId, totalRows, invalidRows, started, startError }, { status: 201 });
}
