import { requireAdmin } from "@/lib/auth/require-admin";
import { getMessageRenderer } from "@/lib/i18n/server";
import { msg } from "@/lib/i18n/message";
import { forHomeserver } from "@/lib/db/tenant";
import { importProgress } from "@/lib/jobs/import-report";

// Live figures for a job's progress bar (the page polls this; the job itself runs on the server).
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdmin();
  const id = Number((await params).id);
  // Another homeserver's job, or an upload still being stored, does not exist here.
  const job = Number.isInteger(id) && id > 0 ? await forHomeserver(admin.homeserver).importJobs.get(id) : null;
  if (!job) return Response.json({ error: { code: "NOT_FOUND", message: (await getMessageRenderer())(msg("import.commands.notFound")) } }, { status: 404 });
  return Response.json(await importProgress(job), { headers: { "cache-control": "no-store" } });
}
