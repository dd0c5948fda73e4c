import { requireAdmin } from "@/lib/auth/require-admin";
import { describeGate } from "@/lib/auth/gate";
import { getAllowlist } from "@/lib/auth/homeserver-policy";
import { configuredPrivateHosts } from "@/lib/auth/network-policy";
import { listPinnedHomeservers } from "@/lib/db/pinned-homeservers";
import { forHomeserver } from "@/lib/db/tenant";
import { ManagedUsersForm } from "./_components/managed-users-form";
import { allowlistLabel } from "@/lib/matrix/allowlist";
import { can, ROLE_DESCRIPTIONS, ROLES } from "@/lib/roles";

const none = <span className="text-muted">none</span>;
const list = (items: string[]) => (items.length ? items.join(", ") : none);

/** The portal's own configuration in force (owner only): which homeservers it reaches, who enters as what, and this homeserver's settings. */
export default async function SettingsPage() {
  const admin = await requireAdmin();
  if (!can(admin.role, "owner")) {
    return (
      <section className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold">Settings</h1>
        <p role="alert" className="card text-sm">
          Your portal role ({admin.role}) cannot see the portal&apos;s settings; it needs owner.
        </p>
      </section>
    );
  }
  const allowlist = getAllowlist().map(allowlistLabel);
  const [pinned, gate] = [await listPinnedHomeservers(), describeGate()];
  const settings = await forHomeserver(admin.homeserver).settings.get();
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <p className="text-sm text-muted">What this portal runs with, from its environment (README, Configuration). Secrets are never shown.</p>
      <section className="card flex flex-col gap-2 text-sm" aria-labelledby="hs-title">
        <h2 id="hs-title" className="font-semibold">
          Homeservers
        </h2>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="text-muted">Allowed (HOMESERVER_ALLOWLIST)</dt>
          <dd data-testid="settings-allowlist">{allowlist.length ? allowlist.join(", ") : "any public homeserver"}</dd>
          <dt className="text-muted">Trusted private (PRIVATE_HOMESERVER_HOSTS)</dt>
          <dd>{list(configuredPrivateHosts())}</dd>
          <dt className="text-muted">Pinned private (signed in to)</dt>
          <dd data-testid="settings-pinned">{list(pinned)}</dd>
        </dl>
      </section>
      <section className="card flex flex-col gap-2 text-sm" aria-labelledby="managed-title">
        <h2 id="managed-title" className="font-semibold">
          Bridge and bot users on {admin.homeserver}
        </h2>
        <p className="text-muted">
          Managed users (matching this pattern, or belonging to an application service) are badged in the users list, left out of bulk actions
          over &ldquo;all matching&rdquo; and of notice broadcasts, and a destructive action on one asks you to confirm why.
          {settings.updatedBy ? ` Last changed by ${settings.updatedBy}.` : ""}
        </p>
        <ManagedUsersForm initial={settings.managedUserPattern ?? ""} />
      </section>
      <section className="card flex flex-col gap-2 text-sm" aria-labelledby="gate-title">
        <h2 id="gate-title" className="font-semibold">
          Organisation sign-in and roles
        </h2>
        {gate ? (
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1" data-testid="settings-gate">
            <dt className="text-muted">Identity provider</dt>
            <dd>
              {gate.name}: {gate.issuer} (client {gate.clientId}, groups from the “{gate.groupsClaim}” claim)
            </dd>
            <dt className="text-muted">Allowed e-mails</dt>
            <dd>{list(gate.allowed.emails)}</dd>
            <dt className="text-muted">Allowed domains</dt>
            <dd>{list(gate.allowed.domains)}</dd>
            <dt className="text-muted">Allowed groups</dt>
            <dd>{list(gate.allowed.groups)}</dd>
            {[...ROLES].reverse().map((role) => (
              <RoleRow key={role} role={role} entries={gate.roles[role]} />
            ))}
          </dl>
        ) : (
          <p>
            Off: anyone who reaches the portal sees its Synapse sign-in, and every signed-in server admin is an <strong>owner</strong>. Set
            GATE_OIDC_ISSUER, GATE_OIDC_CLIENT_ID and GATE_OIDC_CLIENT_SECRET to put an organisation sign-in in front.
          </p>
        )}
      </section>
    </section>
  );
}

function RoleRow({ role, entries }: { role: (typeof ROLES)[number]; entries: string[] }) {
  return (
    <>
      <dt className="text-muted">Role {role}</dt>
      <dd data-testid={`settings-role-${role}`}>
        {role === "viewer" ? (entries.length ? `${entries.join(", ")}, and everyone else let in` : "everyone let in who matches no other role") : list(entries)}
        <div className="text-xs text-muted">{ROLE_DESCRIPTIONS[role]}</div>
      </dd>
    </>
  );
}
