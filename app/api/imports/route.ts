import type { NextRequest } from "next/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getEnv } from "@/lib/env";
import { tooLargeMessage } from "@/lib/jobs/csv-reader";
import { getMessageRenderer } from "@/lib/i18n/server";
import { msg } from "@/lib/i18n/message";
import { acceptUpload } from "@/lib/jobs/import-commands";
import { firstFieldErrors } from "@/lib/schemas/fields";
import { uploadQuerySchema } from "@/lib/schemas/import";
import { refuseCrossOrigin } from "@/lib/http/same-origin";
import { refuseRoleResponse } from "@/lib/actions/role-check";
import { noteJobPerson } from "@/lib/actions/job-people";

// CSV upload: the file streams through here (server actions cap bodies at 1 MB) into a job's rows;
// import-commands.acceptUpload reads it, audits it and starts it when no row is invalid.
// Error messages are references until here, and answered in the reader's language (the form shows them).
export async function POST(request: NextRequest) {
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  // text/csv is not a "simple" content type, so a browser on another origin must ask first (preflight).
  if (request.headers.get("content-type")?.split(";")[0].trim().toLowerCase() !== "text/csv") {
    return refusal("UNSUPPORTED_MEDIA_TYPE", msg("import.api.textCsv"), 415);
  }
  const admin = await requireAdmin();
  const forbidden = await refuseRoleResponse(admin, "operator", { action: "import.upload", target: request.nextUrl.searchParams.get("fileName") });
  if (forbidden) return forbidden;
  const query = uploadQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) {
    return refusal("INVALID_INPUT", Object.values(firstFieldErrors(query.error))[0] ?? msg("import.api.checkOptions"), 400);
  }
  const maxBytes = getEnv().IMPORT_MAX_BYTES;
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) {
    return refusal("TOO_LARGE", tooLargeMessage(maxBytes), 413);
  }
  if (!request.body || declared === 0) return refusal("EMPTY", msg("import.fileErrors.empty"), 400);

  const { fileName, ...options } = query.data;
  const body = request.body as unknown as AsyncIterable<Uint8Array>;
  const outcome = await acceptUpload(admin, { fileName, options, body, maxBytes, expectedBytes: Number.isFinite(declared) ? declared : undefined });
  if (!outcome.ok) {
    return refusal(outcome.problem, outcome.message, outcome.problem === "too-large" ? 413 : 400);
  }
  const { jobId, totalRows, invalidRows, started, startError } = outcome;
  await noteJobPerson(admin, jobId, "startedBy");
  const render = await getMessageRenderer();
  return Response.json({ jobId, totalRows, invalidRows, started, startError: startError && render(startError) }, { status: 201 });
}

async function refusal(code: string, message: string, status: number): Promise<Response> {
  const render = await getMessageRenderer();
  return Response.json({ error: { code, message: render(message) } }, { status });
}
