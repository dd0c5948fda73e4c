import { requireAdmin } from "@/lib/auth/require-admin";
import { getMessageRenderer } from "@/lib/i18n/server";
import { msg } from "@/lib/i18n/message";
import { record } from "@/lib/audit/record";
import { forHomeserver } from "@/lib/db/tenant";
import { importReportLines } from "@/lib/jobs/import-report";
import { isJobOwner } from "@/lib/jobs/import-commands";
import { refuseCrossOrigin } from "@/lib/http/same-origin";
import { csvDownload } from "@/lib/http/csv-download";
import { can } from "@/lib/roles";

// The result CSV, streamed. GET never has side effects: generated passwords come only with the POST
// (a form on the job page) that the admin who started the import sends, and that POST is stamped.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return report(params, false);
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return refuseCrossOrigin(request) ?? report(params, true);
}

async function report(params: Promise<{ id: string }>, passwordsWanted: boolean): Promise<Response> {
  const admin = await requireAdmin();
  const id = Number((await params).id);
  const tenant = forHomeserver(admin.homeserver);
  const job = Number.isInteger(id) && id > 0 ? await tenant.importJobs.get(id) : null;
  if (!job) return new Response((await getMessageRenderer())(msg("import.commands.notFound")), { status: 404 });
  const withPasswords = passwordsWanted && isJobOwner(job, admin) && can(admin.role, "operator") && (await tenant.importRows.countGeneratedPasswords(job.id)) > 0;
  if (withPasswords) {
    await tenant.importJobs.update(job.id, { passwordsDownloadedAt: new Date() });
    await record(admin, { action: "import.passwords-download", target: job.fileName, params: { importJob: job.id } }, "ok");
  }
  const lines = importReportLines(job, withPasswords);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return csvDownload(body, `import-${job.id}-report.csv`);
}
