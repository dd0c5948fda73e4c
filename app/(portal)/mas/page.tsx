import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getMasVersion, listMasRows, listMasSessions, listMasUsers } from "@/lib/synapse/mas-admin";
import { describeAndLog } from "@/lib/synapse/describe-error";
import { SCOPE_MAS_ADMIN } from "@/lib/matrix/oauth";
import { TableHead, EmptyRow } from "../_components/data-table";
import { ErrorCard } from "../_components/error-card";
import { FinishSessionButton } from "./_components/finish-session-button";
import { withClientMessages } from "@/app/_i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("mas");
  return { title: t("metaTitle") };
}

// What MAS (Matrix Authentication Service) owns on a delegating homeserver, through MAS's own admin API.
async function MasPage() {
  const admin = await requireAdmin();
  const t = await getTranslations("mas");
  if (!admin.masIssuer) {
    return (
      <section className="flex flex-col gap-4">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-muted">{t("notDelegated")}</p>
      </section>
    );
  }
  const hasMasAdmin = admin.scopes.includes(SCOPE_MAS_ADMIN);
  const issuer = admin.masIssuer;
  const token = admin.creds.accessToken;
  const read = async () => {
    const [version, users, sessions, emails, links, tokens] = await Promise.all([
      getMasVersion(issuer, token),
      listMasUsers(issuer, token),
      listMasSessions(issuer, token),
      listMasRows(issuer, token, "user-emails"),
      listMasRows(issuer, token, "upstream-oauth-links"),
      listMasRows(issuer, token, "user-registration-tokens"),
    ]);
    return { version, users, sessions, emails, links, tokens };
  };
  let data: Awaited<ReturnType<typeof read>> | null = null;
  let error: string | null = null;
  if (hasMasAdmin) {
    try {
      data = await read();
    } catch (e) {
      error = describeAndLog(e, "mas page").message;
    }
  }
  const usernameOf = new Map(data?.users.map((u) => [u.id, u.username]) ?? []);
  return (
    <section className="flex flex-col gap-6">
      <header>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-muted">
          {t("delegated", { issuer })} {data?.version && <span>{t("version", { version: data.version })}</span>}
        </p>
      </header>
      {!hasMasAdmin && <p className="card">{t("needScope")}</p>}
      <ErrorCard message={error} />
      {data && (
        <>
          <table className="w-full text-sm" aria-label={t("users")}>
            <TableHead columns={[t("username"), t("admin"), t("state")]} />
            <tbody>
              {data.users.length === 0 && <EmptyRow colSpan={3} text={t("noUsers")} />}
              {data.users.map((u) => (
                <tr key={u.id} className="border-b border-line">
                  <td className="py-2 pr-3">{u.username}</td>
                  <td className="py-2 pr-3">{t(u.admin ? "yes" : "no")}</td>
                  <td className="py-2 pr-3">{t(u.deactivatedAt ? "deactivated" : u.lockedAt ? "locked" : "active")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="w-full text-sm" aria-label={t("sessions")}>
            <TableHead columns={[t("user"), t("client"), t("scope"), t("started"), t("state"), ""]} />
            <tbody>
              {data.sessions.length === 0 && <EmptyRow colSpan={6} text={t("noSessions")} />}
              {data.sessions.map((s) => (
                <tr key={s.id} className="border-b border-line">
                  <td className="py-2 pr-3">{(s.userId && usernameOf.get(s.userId)) ?? s.userId}</td>
                  <td className="py-2 pr-3">{s.clientId}</td>
                  <td className="py-2 pr-3 break-all">{s.scope}</td>
                  <td className="py-2 pr-3">{s.createdAt}</td>
                  <td className="py-2 pr-3">{t(s.finishedAt ? "finished" : "active")}</td>
                  <td className="py-2 pr-3">{!s.finishedAt && <FinishSessionButton sessionId={s.id} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {([[t("emails"), data.emails], [t("links"), data.links], [t("tokens"), data.tokens]] as const).map(([title, rows]) => (
            <div key={title}>
              <h2 className="font-semibold">{title}</h2>
              <p className="text-sm text-muted">{rows.length === 0 ? t("none") : rows.map((r) => r.summary || r.id).join(", ")}</p>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

export default withClientMessages("(portal)/mas", MasPage);
