import type { NextRequest } from "next/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { auditFilterOf, auditQuerySchema } from "@/lib/schemas/audit";
import { csvLine } from "@/lib/csv/escape-cell";
import { csvDownload } from "@/lib/http/csv-download";
import { messageIn } from "@/lib/i18n/translator";

const BATCH = 500;
const HEADER = ["time", "person_name", "person_email", "person_subject", "actor", "homeserver", "action", "target", "params", "outcome", "message"];

// The audit entries matching the page's filters as CSV (formula-escaped cells), streamed a batch at a time.
// Column names are fixed; messages are in English, whoever exports (a file for other tools and people).
export async function GET(request: NextRequest) {
  const admin = await requireAdmin();
  const asked = auditFilterOf(auditQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams)));
  // Entries written while the file streams would shift the pages (newest first): the export ends at its start.
  const now = new Date(Date.now() + 1);
  const filter = { ...asked, to: asked.to && asked.to < now ? asked.to : now };
  const audit = forHomeserver(admin.homeserver).audit;
  const encoder = new TextEncoder();
  let skip = 0;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode("\uFEFF" + csvLine(HEADER)));
        return;
      }
      const { rows } = await audit.list(filter, { skip, take: BATCH });
      skip += rows.length;
      if (rows.length === 0) return controller.close();
      const lines = rows.map((r) =>
        csvLine([r.createdAt.toISOString(), r.personName, r.personEmail, r.personSubject, r.actor, r.homeserver, r.action, r.target, r.params ? JSON.stringify(r.params) : "", r.outcome, r.message && messageIn(r.message)]),
      );
      controller.enqueue(encoder.encode(lines.join("")));
    },
  });
  return csvDownload(body, `audit-${new Date().toISOString().slice(0, 10)}.csv`);
}
