import { requireAdmin } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { csvLine } from "@/lib/csv/escape-cell";
import { purgeFilterOf, purgeHistoryQuerySchema } from "@/lib/schemas/media";
import { csvDownload } from "@/lib/http/csv-download";
import { messageIn } from "@/lib/i18n/translator";

const BATCH = 500;
const HEADER = ["id", "started_at", "finished_at", "actor", "homeserver", "kind", "target", "scope", "status", "files", "bytes_freed", "duration_ms", "synapse_task_id", "error"];

// The purge history as CSV, with the filters of the view (the URL's).
export async function GET(request: Request) {
  const admin = await requireAdmin();
  const purges = forHomeserver(admin.homeserver).purges;
  const q = purgeHistoryQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const filter = purgeFilterOf(q);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(csvLine(HEADER)));
      for (let skip = 0; ; skip += BATCH) {
        const { rows } = await purges.list(filter, { skip, take: BATCH });
        for (const r of rows) {
          controller.enqueue(
            encoder.encode(
              csvLine([
                r.id,
                r.createdAt.toISOString(),
                r.finishedAt?.toISOString() ?? "",
                r.actor,
                r.homeserver,
                r.kind,
                r.target,
                JSON.stringify(r.scope),
                r.status,
                r.filesDeleted,
                r.bytesFreed,
                r.durationMs,
                r.synapseTaskId,
                r.error && messageIn(r.error), // a message reference in English; the columns stay fixed
              ]),
            ),
          );
        }
        if (rows.length < BATCH) break;
      }
      controller.close();
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return csvDownload(body, `purge-history-${stamp}.csv`);
}
