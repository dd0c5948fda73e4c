import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { useTranslations } from "next-intl";
import { useFormat, useMessage } from "@/lib/i18n/hooks";
import { getFormat, getMessageRenderer } from "@/lib/i18n/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import { parseEventId } from "@/lib/matrix/event-id";
import { fetchEvent, getEventContext } from "@/lib/synapse/events";
import type { TimelineEvent } from "@/lib/synapse/room-messages";
import { readForPage, type PageProps } from "@/app/(portal)/_components/page-read";
import { TableHead } from "@/app/(portal)/_components/data-table";
import { UserCell, UserLink } from "@/app/(portal)/_components/user-link";
import { JsonDetails } from "@/app/(portal)/_components/json-details";
import { ErrorCard } from "@/app/(portal)/_components/error-card";

/** Look an event up by id in any room of this server, with the events sent just before and after it. */
export default async function EventLookupPage({ searchParams }: PageProps<object>) {
  const admin = await requireAdmin();
  const t = await getTranslations("rooms.events");
  const f = await getFormat();
  const render = await getMessageRenderer();
  const raw = (await searchParams).id;
  const text = typeof raw === "string" ? raw : "";
  const parsed = text ? parseEventId(text) : null;
  const found = parsed?.ok ? await readForPage(() => fetchEvent(admin.creds, parsed.value)) : null;
  const event = found?.data ?? null;
  const context = event ? await readForPage(() => getEventContext(admin.creds, event.roomId, event.eventId, 5)) : null;

  return (
    <section className="flex flex-col gap-4">
      <Link href="/rooms" className="text-sm">
        ← {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <form method="get" action="/rooms/events" className="card flex flex-wrap items-end gap-3 text-sm" aria-label={t("formLabel")}>
        <label className="flex flex-col gap-1 sm:min-w-96">
          <span>{t("eventId")}</span>
          <input name="id" defaultValue={text} className="field font-mono" placeholder="$abc123…" />
        </label>
        <button type="submit" className="btn-primary py-1.5">
          {t("find")}
        </button>
      </form>
      {parsed && !parsed.ok && (
        <p role="alert" className="text-sm text-danger" data-testid="event-lookup-error">
          {render(parsed.message)}
        </p>
      )}
      <ErrorCard message={found?.error ?? null} />
      {found && !found.error && !event && (
        <p className="card" role="status" data-testid="event-lookup-error">
          {t("notFound", { eventId: parsed?.ok ? parsed.value : "" })}
        </p>
      )}
      {event && (
        <>
          <dl className="card grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid="found-event">
            <dt className="text-muted">{t("room")}</dt>
            <dd className="break-all">
              <Link href={`/rooms/${encodeURIComponent(event.roomId)}/messages`} className="underline">
                {event.roomId}
              </Link>
            </dd>
            <dt className="text-muted">{t("columns.sender")}</dt>
            <dd className="break-all">
              <UserLink userId={event.sender} />
            </dd>
            <dt className="text-muted">{t("columns.type")}</dt>
            <dd className="font-mono text-xs">{event.type}</dd>
            <dt className="text-muted">{t("columns.sent")}</dt>
            <dd>{f.dateTime(new Date(event.ts))}</dd>
            <dt className="text-muted">{t("columns.content")}</dt>
            <dd data-testid="found-event-summary" className="break-words">
              {render(event.summary) || "—"}
              {event.redacted && ` ${t("redacted")}`}
            </dd>
          </dl>
          <JsonDetails json={event.json} summary={t("json")} />
          <h2 className="text-lg font-semibold">{t("around")}</h2>
          <ErrorCard message={context?.error ?? null} />
          {context?.data === null && <p className="text-muted">{t("noContext")}</p>}
          {context?.data && <ContextTable events={[...context.data.after, event, ...context.data.before]} focus={event.eventId} />}
        </>
      )}
    </section>
  );
}

function ContextTable({ events, focus }: { events: TimelineEvent[]; focus: string }) {
  const t = useTranslations("rooms.events");
  const f = useFormat();
  const render = useMessage();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label={t("aroundLabel")}>
        <TableHead columns={[t("columns.sent"), t("columns.sender"), t("columns.type"), t("columns.content")]} />
        <tbody>
          {events.map((e) => (
            <tr
              key={e.eventId}
              className={`border-b border-line align-top ${e.eventId === focus ? "bg-canvas font-medium" : ""}`}
              data-testid="context-event"
              aria-current={e.eventId === focus ? "true" : undefined}
            >
              <td className="py-2 pr-3 whitespace-nowrap">{f.dateTime(new Date(e.ts))}</td>
              <UserCell userId={e.sender} />
              <td className="py-2 pr-3 font-mono text-xs">{e.type}</td>
              <td className="py-2 pr-3 break-words">
                {e.eventId === focus ? render(e.summary) : <Link href={`/rooms/events?id=${encodeURIComponent(e.eventId)}`}>{render(e.summary) || "—"}</Link>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
