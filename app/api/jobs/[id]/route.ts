import { requireAdmin } from "@/lib/auth/require-admin";
import { getJobView } from "@/lib/jobs/jobs";

// The one polling route for jobs of the runtime (bulk user actions, notices, room and media jobs): figures
// straight from the database, so any instance answers for a job any instance runs.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdmin();
  const id = Number((await params).id);
  const view = Number.isInteger(id) && id > 0 ? await getJobView(admin.homeserver, id) : null;
  if (!view) return Response.json({ error: { code: "NOT_FOUND", message: "There is no such job." } }, { status: 404 });
  return Response.json(view, { headers: { "cache-control": "no-store" } });
}
