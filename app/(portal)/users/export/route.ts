import type { NextRequest } from "next/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import { filterOf, parseUsersSearch } from "@/lib/schemas/users";
import { iterateUsers } from "@/lib/synapse/users";
import { userCsvHeader, userCsvRow } from "@/lib/csv/user-columns";
import { describeAndLog } from "@/lib/synapse/describe-error";
import { csvDownload } from "@/lib/http/csv-download";
import { messageIn } from "@/lib/i18n/translator";

// The filtered users list as CSV, all pages, streamed: rows leave as Synapse's pages arrive.
export async function GET(request: NextRequest) {
  const admin = await requireAdmin();
  const filter = filterOf(parseUsersSearch(request.nextUrl.searchParams));
  const abort = new AbortController();
  const pages = iterateUsers(admin.creds, filter, { batch: 500, signal: abort.signal });
  const encoder = new TextEncoder();
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode("\uFEFF" + userCsvHeader()));
        return;
      }
      try {
        const next = await pages.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map(userCsvRow).join("")));
      } catch (e) {
        // Headers are gone already: end the file with a line that says it is incomplete.
        const ui = describeAndLog(e, "users export");
        controller.enqueue(encoder.encode(`# export incomplete: ${messageIn(ui.message)}\r\n`));
        controller.close();
      }
    },
    async cancel() {
      abort.abort();
      await pages.return(undefined);
    },
  });
  const server = admin.actor.slice(admin.actor.indexOf(":") + 1).replace(/[^A-Za-z0-9.-]/g, "_");
  const date = new Date().toISOString().slice(0, 10);
  return csvDownload(body, `users-${server}-${date}.csv`);
}
