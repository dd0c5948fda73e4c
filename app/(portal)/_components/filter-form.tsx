// The GET filter forms above the portal's lists: every field lands in the URL, so a filtered view can be
// shared and Back works. Server components; no client JavaScript.
import Link from "next/link";
import { useTranslations } from "next-intl";

export function FilterForm({
  label,
  clearHref,
  submit,
  clear,
  action,
  after,
  children,
}: {
  /** the form's accessible name */
  label: string;
  clearHref: string;
  submit?: string;
  clear?: string;
  action?: string;
  /** after the buttons (e.g. an export link for the filtered list) */
  after?: React.ReactNode;
  children: React.ReactNode;
}) {
  const t = useTranslations("kit.filter");
  return (
    <form method="get" action={action} className="card flex flex-wrap items-end gap-3 text-sm" aria-label={label}>
      {children}
      <button type="submit" className="btn-primary py-1.5">
        {submit ?? t("submit")}
      </button>
      <Link href={clearHref} className="btn-secondary py-1.5">
        {clear ?? t("clear")}
      </Link>
      {after}
    </form>
  );
}

export function TextFilter(props: {
  name: string;
  label: string;
  value?: string;
  placeholder?: string;
  type?: string;
  className?: string;
  /** takes the row's free width (a search field) */
  grow?: boolean;
}) {
  return (
    <label className={props.grow ? "flex min-w-56 flex-1 flex-col gap-1" : "flex flex-col gap-1"}>
      <span>{props.label}</span>
      <input
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.value ?? ""}
        placeholder={props.placeholder}
        className={props.className ? `field ${props.className}` : "field"}
      />
    </label>
  );
}

/**
 * options: value → label; `any` adds a first, empty choice with that label (no filter). Labelled by id, not
 * by wrapping: a wrapping label's name would include every option's text ("Sort by … Deactivated …").
 */
export function SelectFilter({
  name,
  label,
  value,
  options,
  any,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: Record<string, string>;
  any?: string;
}) {
  const id = `filter-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className="field">
        {any !== undefined && <option value="">{any}</option>}
        <Options labels={options} />
      </select>
    </div>
  );
}

/** A select's choices: value → label, in the object's order. */
export function Options({ labels }: { labels: Record<string, string> }) {
  return (
    <>
      {Object.entries(labels).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}

/** The From/To day pair of a log's filter. */
export function DateRangeFilter({ from, to }: { from?: string; to?: string }) {
  const t = useTranslations("kit.filter");
  return (
    <>
      <TextFilter name="from" label={t("from")} value={from} type="date" />
      <TextFilter name="to" label={t("to")} value={to} type="date" />
    </>
  );
}

/** The line under a log's filter: how many entries match, newest first. */
export function LogTotal({ total, testId }: { total: number; testId: string }) {
  const t = useTranslations("kit.filter");
  return (
    <p className="text-sm text-muted" data-testid={testId}>
      {t("logTotal", { count: total })}
    </p>
  );
}
