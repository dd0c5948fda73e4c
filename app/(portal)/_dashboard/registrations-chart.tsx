import { useLocale, useTranslations } from "next-intl";
import { barLayout, monthLabel } from "@/lib/schemas/dashboard";
import { useFormat } from "@/lib/i18n/hooks";

const W = 600;
const H = 160;

/** Users registered per month: an SVG drawn on the server, and the same numbers as a table to read. */
export function RegistrationsChart({ perMonth }: { perMonth: { month: string; count: number }[] }) {
  const t = useTranslations("dashboard.chart");
  const locale = useLocale();
  const f = useFormat();
  const bars = barLayout(
    perMonth.map((m) => m.count),
    W,
    H,
  );
  return (
    <figure className="card flex flex-col gap-3" aria-labelledby="registrations-title">
      <figcaption id="registrations-title" className="font-medium">
        {t("title")}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H + 20}`} className="h-auto w-full" aria-hidden="true" data-testid="registrations-svg">
        {bars.map((b, i) => (
          <g key={perMonth[i].month}>
            <rect x={b.x} y={b.y} width={b.width} height={b.height} className="fill-current text-accent" rx={2}>
              <title>{`${monthLabel(perMonth[i].month, locale)}: ${f.count(perMonth[i].count)}`}</title>
            </rect>
            <text x={b.x + b.width / 2} y={H + 14} textAnchor="middle" fontSize={11} className="fill-current text-muted">
              {monthLabel(perMonth[i].month, locale, "short")}
            </text>
          </g>
        ))}
      </svg>
      <details>
        <summary className="cursor-pointer text-sm">{t("numbers")}</summary>
        <table className="mt-2 text-left text-sm" data-testid="registrations-table">
          <thead className="text-muted">
            <tr>
              <th className="pr-6">{t("month")}</th>
              <th>{t("registered")}</th>
            </tr>
          </thead>
          <tbody>
            {perMonth.map((m) => (
              <tr key={m.month} data-month={m.month}>
                <td className="pr-6">{monthLabel(m.month, locale)}</td>
                <td className="tabular-nums" data-testid="registrations-count">
                  {f.count(m.count)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
