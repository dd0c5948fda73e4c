import { requireAdmin } from "@/lib/auth/require-admin";
import { describeGate } from "@/lib/auth/gate";
import { getAllowlist } from "@/lib/auth/homeserver-policy";
import { configuredPrivateHosts } from "@/lib/auth/network-policy";
import { listPinnedHomeservers } from "@/lib/db/pinned-homeservers";
import { forHomeserver } from "@/lib/db/tenant";
import { ManagedUsersForm } from "./_components/managed-users-form";
import { allowlistLabel } from "@/lib/matrix/allowlist";
import { can, ROLE_DESCRIPTIONS, ROLES } from "@/lib/roles";
import { getTranslations } from "next-intl/server";
import { useTranslations } from "next-intl";
import { withClientMessages } from "@/app/_i18n/client-messages";

/** A list of entries, or the word for none. */
const listOf = (noneText: string) => (items: string[]) => (items.length ? items.join(", ") : <span className="text-muted">{noneText}</span>);

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("metaTitle") };
}

/** The portal's own configuration in force (owner only): which homeservers it reaches, who enters as what, and this homeserver's settings. */
async function SettingsPage() {
  const admin = await requireAdmin();
  const t = await getTranslations("settings");
  const list = listOf(t("none"));
  if (!can(admin.role, "owner")) {
    return (
      <section className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p role="alert" className="card text-sm">
          {t("notOwner", { role: admin.role })}
        </p>
      </section>
    );
  }
  const allowlist = getAllowlist().map(allowlistLabel);
  const [pinned, gate] = [await listPinnedHomeservers(), describeGate()];
  const settings = await forHomeserver(admin.homeserver).settings.get();
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-muted">{t("intro")}</p>
      <section className="card flex flex-col gap-2 text-sm" aria-labelledby="hs-title">
        <h2 id="hs-title" className="font-semibold">
          {t("homeservers")}
        </h2>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="text-muted">{t("allowed")}</dt>
          <dd data-testid="settings-allowlist">{allowlist.length ? allowlist.join(", ") : t("anyPublic")}</dd>
          <dt className="text-muted">{t("trustedPrivate")}</dt>
          <dd>{list(configuredPrivateHosts())}</dd>
          <dt className="text-muted">{t("pinnedPrivate")}</dt>
          <dd data-testid="settings-pinned">{list(pinned)}</dd>
        </dl>
      </section>
      <section className="card flex flex-col gap-2 text-sm" aria-labelledby="managed-title">
        <h2 id="managed-title" className="font-semibold">
          {t("managedTitle", { homeserver: admin.homeserver })}
        </h2>
        <p className="text-muted">
          {t("managedIntro")}
          {settings.updatedBy ? ` ${t("lastChangedBy", { who: settings.updatedBy })}` : ""}
        </p>
        <ManagedUsersForm initial={settings.managedUserPattern ?? ""} />
      </section>
      <section className="card flex flex-col gap-2 text-sm" aria-labelledby="gate-title">
        <h2 id="gate-title" className="font-semibold">
          {t("gateTitle")}
        </h2>
        {gate ? (
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1" data-testid="settings-gate">
            <dt className="text-muted">{t("idp")}</dt>
            <dd>
              {t("idpValue", { name: gate.name, issuer: gate.issuer, clientId: gate.clientId, claim: gate.groupsClaim })}
            </dd>
            <dt className="text-muted">{t("allowedEmails")}</dt>
            <dd>{list(gate.allowed.emails)}</dd>
            <dt className="text-muted">{t("allowedDomains")}</dt>
            <dd>{list(gate.allowed.domains)}</dd>
            <dt className="text-muted">{t("allowedGroups")}</dt>
            <dd>{list(gate.allowed.groups)}</dd>
            {[...ROLES].reverse().map((role) => (
              <RoleRow key={role} role={role} entries={gate.roles[role]} />
            ))}
          </dl>
        ) : (
          <p>
            {t.rich("gateOff", { strong: (c) => <strong>{c}</strong> })}
          </p>
        )}
      </section>
    </section>
  );
}

function RoleRow({ role, entries }: { role: (typeof ROLES)[number]; entries: string[] }) {
  const t = useTranslations("settings");
  const list = listOf(t("none"));
  return (
    <>
      <dt className="text-muted">{t("role", { role })}</dt>
      <dd data-testid={`settings-role-${role}`}>
        {role === "viewer" ? (entries.length ? t("viewerEntries", { entries: entries.join(", ") }) : t("viewerEveryone")) : list(entries)}
        <div className="text-xs text-muted">{ROLE_DESCRIPTIONS[role]}</div>
      </dd>
    </>
  );
}

export default withClientMessages("(portal)/settings", SettingsPage);
