import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { getJobView } from "@/lib/jobs/jobs";
import { MODERATION_KINDS } from "@/lib/jobs/moderation-start";
import { formatDateTime } from "@/lib/format";
import type { PageProps } from "@/app/(portal)/_components/page-read";
import { DataTable } from "@/app/(portal)/_components/data-table";
import { ModerationJobPanel } from "../../_components/moderation-job-panel";

const TITLES: Record<string, { title: string; unit: string }> = {
  "user.redact": { title: "Redaction of a user's events", unit: "users" },
  "user.spam-cleanup": { title: "Spam clean-up", unit: "steps" },
};
const STEP_WORDS: Record<string, string> = { redact: "redact events", media: "delete files", rooms: "leave rooms", deactivate: "deactivate" };
const ITEMS_SHOWN = 1000;

/** One moderation job: its progress, and every item (a user, or a user's step) with its own result. */
export default async function ModerationJobPage({ params }: PageProps<{ jobId: string }>) {
  const admin = await requireAdmin();
  const raw = (await params).jobId;
  const id = /^\d{1,12}$/.test(raw) ? Number(raw) : null;
  const view = id ? await getJobView(admin.homeserver, id, MODERATION_KINDS) : null;
  if (!id || !view) notFound();
  const items = (await forHomeserver(admin.homeserver).jobs.listItems(id, {}, { skip: 0, take: ITEMS_SHOWN }))!;
  const t = TITLES[view.kind];
  return (
    <section className="flex flex-col gap-4">
      <Link href="/users" className="text-sm">
        ← Users
      </Link>
      <h1 className="text-2xl font-semibold">
        {t.title} (job #{view.id})
      </h1>
      <p className="text-sm text-muted">
        Started by {view.startedBy} on {formatDateTime(new Date(view.createdAt))}.
      </p>
      <ModerationJobPanel initial={view} label={t.title} unit={t.unit} />
      <DataTable columns={["User", "Step", "Result", "Message"]} rowCount={items.rows.length} empty="No items.">
        {items.rows.map((i) => {
          const at = i.key.lastIndexOf("#");
          const [user, step] = view.kind === "user.spam-cleanup" && at > 0 ? [i.key.slice(0, at), i.key.slice(at + 1)] : [i.key, "redact events"];
          return (
            <tr key={i.id} className="border-b border-line align-top" data-testid="job-item" data-status={i.status}>
              <td className="py-2 pr-3 font-mono text-xs break-all">{user}</td>
              <td className="py-2 pr-3">{STEP_WORDS[step] ?? step}</td>
              <td className="py-2 pr-3">{i.status}</td>
              <td className="py-2 pr-3 break-words text-xs">{i.message ?? ""}</td>
            </tr>
          );
        })}
      </DataTable>
      {items.total > ITEMS_SHOWN && <p className="text-sm text-muted">The first {ITEMS_SHOWN} of {items.total} items are shown.</p>}
    </section>
  );
}
