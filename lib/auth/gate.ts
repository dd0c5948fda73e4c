import "server-only";
import crypto from "node:crypto";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession, type NextAuthOptions } from "next-auth";
import { getEnv } from "@/lib/env";
import { identityOf, judge, parseDomains, parseEmails, parseList, parseRoleRules, type GateIdentity, type GateRules, type GateVerdict } from "@/lib/gate-rules";
import type { Role } from "@/lib/roles";
import { getSessionSecret } from "./session-secret";

/** The organisation person behind a request, as the audit log records them. */
export type Person = { subject: string; name: string | null; email: string | null };
export type GateUser = Person & { role: Role };

/** Where the gate asks for the organisation sign-in, and where it explains a refusal. */
export const GATE_PATH = "/gate";

export const gateEnabled = (): boolean => Boolean(getEnv().GATE_OIDC_ISSUER);

export function gateRules(): GateRules {
  const env = getEnv();
  return {
    allowedEmails: parseEmails(env.GATE_ALLOWED_EMAILS),
    allowedDomains: parseDomains(env.GATE_ALLOWED_DOMAINS),
    allowedGroups: parseList(env.GATE_ALLOWED_GROUPS),
    roles: {
      owner: parseRoleRules(env.GATE_ROLE_OWNER),
      operator: parseRoleRules(env.GATE_ROLE_OPERATOR),
      viewer: parseRoleRules(env.GATE_ROLE_VIEWER),
    },
  };
}

/** next-auth's JWT key: derived from SESSION_SECRET (one secret to keep), never the same bytes as the cookie's. */
function gateSecret(): string {
  return Buffer.from(crypto.hkdfSync("sha256", getSessionSecret(), "synapse-admin-portal", "next-auth gate jwt", 32)).toString("base64url");
}

let options: NextAuthOptions | undefined;

/** The gate's next-auth configuration: one OpenID Connect provider from env, sessions as a sealed JWT cookie. */
export function gateAuthOptions(): NextAuthOptions {
  if (options) return options;
  const env = getEnv();
  const issuer = (env.GATE_OIDC_ISSUER ?? "").replace(/\/$/, "");
  options = {
    secret: gateSecret(),
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: GATE_PATH, error: GATE_PATH, signOut: GATE_PATH },
    providers: [
      {
        id: "gate",
        name: env.GATE_NAME,
        type: "oauth",
        wellKnown: `${issuer}/.well-known/openid-configuration`,
        clientId: env.GATE_OIDC_CLIENT_ID,
        clientSecret: env.GATE_OIDC_CLIENT_SECRET,
        authorization: { params: { scope: env.GATE_OIDC_SCOPE } },
        idToken: true,
        checks: ["pkce", "state", "nonce"],
        profile: (p: Record<string, unknown>) => ({ id: String(p.sub), name: (p.name ?? p.preferred_username ?? null) as string | null, email: (p.email ?? null) as string | null }),
      },
    ],
    callbacks: {
      // The claims the rules need are kept in the (encrypted) JWT; the verdict is taken afresh on every request.
      jwt: ({ token, profile }) => (profile ? { ...token, gate: identityOf(profile as Record<string, unknown>, env.GATE_GROUPS_CLAIM) } : token),
      session: ({ session, token }) => ({ ...session, gate: (token as { gate?: GateIdentity }).gate ?? null }),
      redirect: ({ url, baseUrl }) => (url.startsWith("/") ? `${baseUrl}${url}` : url.startsWith(baseUrl) ? url : baseUrl),
    },
  };
  return options;
}

export type GateState = { kind: "off" } | { kind: "signed-out" } | { kind: "refused"; identity: GateIdentity; reason: string } | { kind: "in"; user: GateUser };

/** Who the gate says is here, judged against the rules in force now (a changed allowlist applies at once). */
export const readGate = cache(async (): Promise<GateState> => {
  await cookies(); // per request, never prerendered: the answer depends on the runtime env and the cookie
  if (!gateEnabled()) return { kind: "off" };
  const session = (await getServerSession(gateAuthOptions()).catch(() => null)) as { gate?: GateIdentity | null } | null;
  const identity = session?.gate;
  if (!identity?.subject) return { kind: "signed-out" };
  const verdict: GateVerdict = judge(identity, gateRules());
  if (!verdict.allowed) return { kind: "refused", identity, reason: verdict.reason };
  return { kind: "in", user: { subject: identity.subject, name: identity.name, email: identity.email, role: verdict.role } };
});

/**
 * The gate's half of the one door: with the gate on, a person the rules let in, else off to the gate page
 * (which asks for the organisation sign-in or explains the refusal). null when the gate is off.
 */
export async function requireGate(): Promise<GateUser | null> {
  const gate = await readGate();
  if (gate.kind === "off") return null;
  if (gate.kind !== "in") redirect(GATE_PATH);
  return gate.user;
}

/** Forgets the gate's session (a JWT cookie, so deleting it is signing out; chunks of a large one too). */
export async function clearGateSession(): Promise<void> {
  const jar = await cookies();
  for (const c of jar.getAll()) {
    if (/^(__Secure-|__Host-)?next-auth\./.test(c.name)) jar.set(c.name, "", { maxAge: 0, path: "/", httpOnly: true, secure: c.name.startsWith("__") });
  }
}

/** The gate as the owner's settings page shows it: who may enter and the role mapping, never the secret. */
export function describeGate() {
  const env = getEnv();
  if (!gateEnabled()) return null;
  const rules = gateRules();
  const show = (r: { kind: string; value: string }) => (r.kind === "group" ? `group:${r.value}` : r.kind === "domain" ? `@${r.value}` : r.value);
  return {
    name: env.GATE_NAME,
    issuer: env.GATE_OIDC_ISSUER ?? "",
    clientId: env.GATE_OIDC_CLIENT_ID ?? "",
    groupsClaim: env.GATE_GROUPS_CLAIM,
    allowed: { emails: rules.allowedEmails, domains: rules.allowedDomains, groups: rules.allowedGroups },
    roles: { owner: rules.roles.owner.map(show), operator: rules.roles.operator.map(show), viewer: rules.roles.viewer.map(show) },
  };
}
