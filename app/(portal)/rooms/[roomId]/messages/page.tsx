import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { useTranslations } from "next-intl";
import { getFormat, getMessageRenderer } from "@/lib/i18n/server";
import { getRoomMessages, timelineTokenAt } from "@/lib/synapse/room-messages";
import { messagesQuerySchema, parseUtcDateTime } from "@/lib/schemas/rooms";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { roomTab } from "../../_components/room-tab";
import { TableHead } from "@/app/(portal)/_components/data-table";
import { FilterForm, TextFilter } from "@/app/(portal)/_components/filter-form";
import { UserCell } from "@/app/(portal)/_components/user-link";
import { JsonDetails } from "@/app/(portal)/_components/json-details";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import type { PageProps } from "@/app/(portal)/_components/page-read";
import { COMMON_EVENT_TYPES, readTimelineFilter } from "@/lib/schemas/timeline-filter";

export default async function RoomMessagesPage(props: PageProps<{ roomId: string }>) {
  const tab = await roomTab(props);
  if (!tab) return null;
  const { admin, roomId, query } = tab;
  const t = await getTranslations("room.messages");
  const f = await getFormat();
  const render = await getMessageRenderer();
  const q = messagesQuerySchema.parse(query);
  const tf = readTimelineFilter(query);
  const kept = { ...(tf.filter.types ? { type: tf.type } : {}), ...(tf.filter.senders ? { sender: tf.sender } : {}) };
  const base = `/rooms/${encodeURIComponent(roomId)}/messages`;

  let notice: string | null = null;
  let from = q.from;
  let dir = q.dir;
  if (q.at) {
    const ts = parseUtcDateTime(q.at)!;
    if (ts > Date.now()) notice = t("future");
    else {
      const token = await readForPage(() => timelineTokenAt(admin.creds, roomId, ts));
      if (token.data) {
        from = token.data;
        dir = "b";
      } else if (!token.error) notice = t("nothingBefore", { at: q.at.replace("T", " ") });
      else notice = token.error;
    }
  }
  const page = await readForPage(() => getRoomMessages(admin.creds, roomId, { from, dir, filter: tf.filter }));
  const link = (token: string, d: "b" | "f") => `${base}?${new URLSearchParams({ from: token, dir: d, ...kept })}`;

  return (
    <div className="flex flex-col gap-3">
      <FilterForm
        label={t("jump.label")}
        action={base}
        clearHref={base}
        submit={t("jump.submit")}
        clear={t("jump.newest")}
        after={
          <>
            {kept.type && <input type="hidden" name="type" value={kept.type} />}
            {kept.sender && <input type="hidden" name="sender" value={kept.sender} />}
          </>
        }
      >
        <label className="flex flex-col gap-1">
          <span>{t("jump.at")}</span>
          <input type="datetime-local" name="at" defaultValue={q.at ?? ""} className="field" required />
        </label>
      </FilterForm>
      <FilterForm label={t("filter.label")} action={base} clearHref={base}>
        <label className="flex flex-col gap-1">
          <span>{t("filter.type")}</span>
          <input name="type" defaultValue={tf.type} className="field font-mono" list="timeline-event-types" placeholder={t("filter.anyType")} />
          <datalist id="timeline-event-types">
            {COMMON_EVENT_TYPES.map((type) => (
              <option key={type} value={type} />
            ))}
          </datalist>
        </label>
        <TextFilter name="sender" label={t("columns.sender")} value={tf.sender} placeholder="@alice:example.org" />
      </FilterForm>
      {tf.problems.map((p) => (
        <p key={p} role="alert" className="text-sm text-danger">
          {render(p)}
        </p>
      ))}
      {notice && (
        <p role="status" className="text-sm text-muted">
          {render(notice)}
        </p>
      )}
      <ErrorCard message={page.error} />
      <Pager newer={page.data?.newerFrom ? link(page.data.newerFrom, "f") : null} older={page.data?.olderFrom ? link(page.data.olderFrom, "b") : null} />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <TableHead columns={[t("columns.sent"), t("columns.sender"), t("columns.type"), t("columns.content")]} />
          <tbody>
            {page.data?.events.map((e) => (
              <tr key={e.eventId} className="border-b border-line align-top" data-testid="timeline-event">
                <td className="py-2 pr-3 whitespace-nowrap">{f.dateTime(new Date(e.ts))}</td>
                <UserCell userId={e.sender} />
                <td className="py-2 pr-3 font-mono text-xs">{e.type}</td>
                <td className="py-2 pr-3">
                  <div data-testid="timeline-summary" className="break-words">
                    {render(e.summary)}
                  </div>
                  <JsonDetails json={e.json} summary={e.eventId} />
                  <Link href={`/rooms/events?id=${encodeURIComponent(e.eventId)}`} className="text-xs text-muted">
                    {t("context")}
                  </Link>
                </td>
              </tr>
            ))}
            {page.data && page.data.events.length === 0 && (
              <tr>
                <td colSpan={4} className="py-6 text-center text-muted">
                  {t("empty")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager newer={page.data?.newerFrom ? link(page.data.newerFrom, "f") : null} older={page.data?.olderFrom ? link(page.data.olderFrom, "b") : null} />
    </div>
  );
}

function Pager({ newer, older }: { newer: string | null; older: string | null }) {
  const t = useTranslations("room.messages.pages");
  return (
    <nav aria-label={t("label")} className="flex gap-4 text-sm">
      {newer ? <Link href={newer}>← {t("newer")}</Link> : <span className="text-muted">← {t("newer")}</span>}
      {older ? <Link href={older}>{t("older")} →</Link> : <span className="text-muted">{t("older")} →</span>}
    </nav>
  );
}
