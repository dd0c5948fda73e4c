// What a page of a per-user job (bulk action, broadcast) shows: the progress view and its results, a
// section per outcome, a page at a time. Bound to the admin's homeserver like every read of a job.
import "server-only";
import { forHomeserver, type ItemStatus, type JobItemRecord } from "@/lib/db/tenant";
import { getJobView, type JobView } from "./jobs";
import { msg } from "@/lib/i18n/message";

export const RESULT_PAGE_SIZE = 100;
export const RESULT_SECTIONS = [
  { key: "failed", title: msg("jobs.sections.failed"), statuses: ["failed"] },
  { key: "skipped", title: msg("jobs.sections.skipped"), statuses: ["skipped"] },
  { key: "ok", title: msg("jobs.sections.ok"), statuses: ["ok"] },
  { key: "open", title: msg("jobs.sections.open"), statuses: ["in-flight", "pending"] },
] as const satisfies readonly { key: string; title: string; statuses: readonly ItemStatus[] }[];
export type SectionKey = (typeof RESULT_SECTIONS)[number]["key"];

export type UserJobPage = {
  view: JobView;
  /** The kind's parameters (no secrets in them, by rule). */
  params: Record<string, unknown>;
  sections: { key: SectionKey; title: string; rows: JobItemRecord[]; total: number; page: number }[];
};

export async function readUserJob(homeserver: string, id: number, kind: string, pages: Partial<Record<SectionKey, number>>): Promise<UserJobPage | null> {
  const jobs = forHomeserver(homeserver).jobs;
  const [view, job] = await Promise.all([getJobView(homeserver, id, [kind]), jobs.get(id)]);
  if (!view || !job) return null;
  const sections = await Promise.all(
    RESULT_SECTIONS.map(async (s) => {
      const page = Math.max(1, Math.floor(pages[s.key] ?? 1));
      const r = (await jobs.listItems(id, { statuses: [...s.statuses] }, { skip: (page - 1) * RESULT_PAGE_SIZE, take: RESULT_PAGE_SIZE })) ?? { rows: [], total: 0 };
      return { key: s.key, title: s.title, rows: r.rows, total: r.total, page };
    }),
  );
  return { view, params: job.params, sections };
}

/** The status line of a per-user job, in the admin's words (a message reference; unit: "users" or "rooms"). */
export function statusSentence(view: JobView, unit = "users"): string {
  switch (view.status) {
    case "completed":
      return msg("jobs.sentence.finished");
    case "cancelled":
      return msg("jobs.sentence.cancelled", { unit });
    case "paused":
      return msg("jobs.sentence.paused");
    case "stopped":
    case "failed":
      return msg("jobs.sentence.stopped");
    case "cancelling":
      return msg("jobs.sentence.cancelling", { unit });
    default:
      return msg(view.phase === "listing users" ? "jobs.sentence.listing" : "jobs.sentence.running");
  }
}

type Search = Record<string, string | string[] | undefined>;

/** Each section's page from the URL (?failed=2&ok=1). */
export function sectionPages(search: Search): Record<SectionKey, number> {
  return Object.fromEntries(RESULT_SECTIONS.map((s) => [s.key, Number(typeof search[s.key] === "string" ? search[s.key] : 1) || 1])) as Record<SectionKey, number>;
}

/** The link to another page of one section, keeping the others where they are. */
export function sectionHref(path: string, pages: Record<SectionKey, number>, key: SectionKey): (page: number) => string {
  return (page) => `${path}?${new URLSearchParams(Object.entries({ ...pages, [key]: page }).map(([k, v]) => [k, String(v)]))}`;
}
