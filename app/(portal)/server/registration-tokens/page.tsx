import { requireAdmin } from "@/lib/auth/require-admin";
import { listRegistrationTokens } from "@/lib/synapse/registration-tokens";
import { TOKEN_STATES, tokenListQuerySchema, tokenState } from "@/lib/schemas/registration-tokens";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/app/(portal)/_components/data-table";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { FilterForm, SelectFilter } from "@/app/(portal)/_components/filter-form";
import { readForPage, type PageProps } from "@/app/(portal)/_components/page-read";
import { LocalTime } from "../_components/local-time";
import { TokenForm } from "../_components/token-form";
import { can } from "@/lib/roles";
import { TokenRowActions } from "../_components/token-row-actions";
import { withClientMessages } from "@/app/_i18n/client-messages";

async function RegistrationTokensPage({ searchParams }: Pick<PageProps<object>, "searchParams">) {
  const admin = await requireAdmin();
  const t = await getTranslations("server.tokens");
  const q = tokenListQuerySchema.parse(await searchParams);
  const list = await readForPage(() => listRegistrationTokens(admin.creds), "registration tokens read");
  const now = Date.now();
  const all = (list.data ?? []).map((t) => ({ ...t, state: tokenState(t, now) }));
  const rows = all.filter((t) => !q.state || t.state === q.state).sort((a, b) => a.token.localeCompare(b.token));

  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-xl font-semibold">{t("title")}</h2>
      <p className="text-sm text-muted">
        {t.rich("intro", { code: (c) => <code>{c}</code> })}
      </p>
      {can(admin.role, "operator") && (
        <details className="card">
          <summary className="cursor-pointer font-medium">{t("new")}</summary>
          <div className="mt-3">
            <TokenForm />
          </div>
        </details>
      )}
      <FilterForm label={t("filter")} clearHref="/server/registration-tokens">
        <SelectFilter name="state" label={t("state")} value={q.state} any={t("any")} options={Object.fromEntries(TOKEN_STATES.map((s) => [s, t(`states.${s}`)]))} />
      </FilterForm>
      <ErrorCard message={list.error} />
      <p className="text-sm text-muted" data-testid="tokens-summary">
        {t("summary", { shown: rows.length, count: all.length })}
      </p>
      <DataTable columns={[t("token"), t("state"), t("usesAllowed"), t("pending"), t("completed"), t("expires"), ""]} rowCount={rows.length} empty={t("empty")}>
            {rows.map((tok) => (
              <tr key={tok.token} className="border-b border-line align-top" data-testid="token-row" data-token={tok.token}>
                <td className="py-2 pr-3 font-mono break-all">{tok.token}</td>
                <td className="py-2 pr-3" data-testid="token-state">
                  {t(`states.${tok.state}`)}
                </td>
                <td className="py-2 pr-3" data-testid="token-uses-allowed">
                  {tok.usesAllowed ?? t("unlimited")}
                </td>
                <td className="py-2 pr-3" data-testid="token-pending">
                  {tok.pending}
                </td>
                <td className="py-2 pr-3" data-testid="token-completed">
                  {tok.completed}
                </td>
                <td className="py-2 pr-3 whitespace-nowrap" data-testid="token-expiry">
                  <LocalTime ms={tok.expiryTime} empty={t("never")} />
                </td>
                <td className="py-2 pr-3">
                  <TokenRowActions token={tok} />
                </td>
              </tr>
            ))}
      </DataTable>
    </div>
  );
}

export default withClientMessages("(portal)/server/registration-tokens", RegistrationTokensPage);
