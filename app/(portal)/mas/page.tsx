import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getMasVersion, listMasRows, listMasSessions, listMasUsers } from "@/lib/synapse/mas-admin";
import { describeAndLog } from "@/lib/synapse/describe-error";
import { SCOPE_MAS_ADMIN } from "@/lib/matrix/oauth";
import { TableHead, EmptyRow } from "../_components/data-table";
import { ErrorCard } from "../_components/error-card";
import { FinishSessionButton } from "./_components/finish-session-button";

export const metadata: Metadata = { title: "MAS · Synapse Admin Portal" };

// What MAS (Matrix Authentication Service) owns on a delegating homeserver, through MAS's own admin API.
export default async function MasPage() {
  const admin = await requireAdmin();
  if (!admin.masIssuer) {
    return (
      <section className="flex flex-col gap-4">
        <h1 className="text-xl font-semibold">Matrix Authentication Service</h1>
        <p className="text-muted">This homeserver does its own sign-in: it does not delegate to MAS.</p>
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
        <h1 className="text-xl font-semibold">Matrix Authentication Service</h1>
        <p className="text-sm text-muted">
          Sign-in is delegated to {issuer}. MAS owns passwords, e-mail addresses and sessions (devices), so the portal does not
          change them through Synapse. {data?.version && <span>MAS {data.version}</span>}
        </p>
      </header>
      {!hasMasAdmin && <p className="card">Sign out and in again with &quot;Also request MAS admin rights&quot; ticked to see MAS&apos;s users and sessions (scope urn:mas:admin).</p>}
      <ErrorCard message={error} />
      {data && (
        <>
          <table className="w-full text-sm" aria-label="MAS users">
            <TableHead columns={["Username", "Admin", "State"]} />
            <tbody>
              {data.users.length === 0 && <EmptyRow colSpan={3} text="No users." />}
              {data.users.map((u) => (
                <tr key={u.id} className="border-b border-line">
                  <td className="py-2 pr-3">{u.username}</td>
                  <td className="py-2 pr-3">{u.admin ? "yes" : "no"}</td>
                  <td className="py-2 pr-3">{u.deactivatedAt ? "deactivated" : u.lockedAt ? "locked" : "active"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="w-full text-sm" aria-label="MAS sessions">
            <TableHead columns={["User", "Client", "Scope", "Started", "State", ""]} />
            <tbody>
              {data.sessions.length === 0 && <EmptyRow colSpan={6} text="No sessions." />}
              {data.sessions.map((s) => (
                <tr key={s.id} className="border-b border-line">
                  <td className="py-2 pr-3">{(s.userId && usernameOf.get(s.userId)) ?? s.userId}</td>
                  <td className="py-2 pr-3">{s.clientId}</td>
                  <td className="py-2 pr-3 break-all">{s.scope}</td>
                  <td className="py-2 pr-3">{s.createdAt}</td>
                  <td className="py-2 pr-3">{s.finishedAt ? "finished" : "active"}</td>
                  <td className="py-2 pr-3">{!s.finishedAt && <FinishSessionButton sessionId={s.id} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {([["E-mail addresses", data.emails], ["Upstream links", data.links], ["Registration tokens", data.tokens]] as const).map(([title, rows]) => (
            <div key={title}>
              <h2 className="font-semibold">{title}</h2>
              <p className="text-sm text-muted">{rows.length === 0 ? "None." : rows.map((r) => r.summary || r.id).join(", ")}</p>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
