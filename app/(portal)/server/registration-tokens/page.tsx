import { requireAdmin } from "@/lib/auth/require-admin";
import { listRegistrationTokens } from "@/lib/synapse/registration-tokens";
import { TOKEN_STATES, tokenListQuerySchema, tokenState } from "@/lib/schemas/registration-tokens";
import { formatCount } from "@/lib/format";
import { DataTable } from "@/app/(portal)/_components/data-table";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { FilterForm, SelectFilter } from "@/app/(portal)/_components/filter-form";
import { readForPage, type PageProps } from "@/app/(portal)/_components/page-read";
import { LocalTime } from "../_components/local-time";
import { TokenForm } from "../_components/token-form";
import { can } from "@/lib/roles";
import { TokenRowActions } from "../_components/token-row-actions";

export default async function RegistrationTokensPage({ searchParams }: Pick<PageProps<object>, "searchParams">) {
  const admin = await requireAdmin();
  const q = tokenListQuerySchema.parse(await searchParams);
  const list = await readForPage(() => listRegistrationTokens(admin.creds), "registration tokens read");
  const now = Date.now();
  const all = (list.data ?? []).map((t) => ({ ...t, state: tokenState(t, now) }));
  const rows = all.filter((t) => !q.state || t.state === q.state).sort((a, b) => a.token.localeCompare(b.token));

  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-xl font-semibold">Registration tokens</h2>
      <p className="text-sm text-muted">
        With <code>registration_requires_token: true</code> in homeserver.yaml, people can only register with one of these tokens.
      </p>
      {can(admin.role, "operator") && (
        <details className="card">
          <summary className="cursor-pointer font-medium">New registration token</summary>
          <div className="mt-3">
            <TokenForm />
          </div>
        </details>
      )}
      <FilterForm label="Filter registration tokens" clearHref="/server/registration-tokens">
        <SelectFilter name="state" label="State" value={q.state} any="Any" options={TOKEN_STATES} />
      </FilterForm>
      <ErrorCard message={list.error} />
      <p className="text-sm text-muted" data-testid="tokens-summary">
        {formatCount(rows.length)} of {formatCount(all.length)} tokens
      </p>
      <DataTable columns={["Token", "State", "Uses allowed", "Pending", "Completed", "Expires", ""]} rowCount={rows.length} empty="No tokens match.">
            {rows.map((t) => (
              <tr key={t.token} className="border-b border-line align-top" data-testid="token-row" data-token={t.token}>
                <td className="py-2 pr-3 font-mono break-all">{t.token}</td>
                <td className="py-2 pr-3" data-testid="token-state">
                  {TOKEN_STATES[t.state]}
                </td>
                <td className="py-2 pr-3" data-testid="token-uses-allowed">
                  {t.usesAllowed ?? "unlimited"}
                </td>
                <td className="py-2 pr-3" data-testid="token-pending">
                  {t.pending}
                </td>
                <td className="py-2 pr-3" data-testid="token-completed">
                  {t.completed}
                </td>
                <td className="py-2 pr-3 whitespace-nowrap" data-testid="token-expiry">
                  <LocalTime ms={t.expiryTime} empty="never" />
                </td>
                <td className="py-2 pr-3">
                  <TokenRowActions token={t} />
                </td>
              </tr>
            ))}
      </DataTable>
    </div>
  );
}
