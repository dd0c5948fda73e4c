import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { isServerAdmin, tokenHasAdminRights, whoami } from "@/lib/synapse/auth";
import { HomeserverUnreachableError, isSessionEnded, SynapseError } from "@/lib/synapse/errors";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { getSession } from "./session";
import { adminRightsCached } from "./admin-rights-cache";
import { isSessionHomeserverAllowed } from "./homeserver-policy";
import { requireGate, type Person } from "./gate";
import type { Role } from "@/lib/roles";

export type AdminContext = {
  creds: SynapseCredentials;
  /** The admin's MXID, for audit entries. */
  actor: string;
  homeserver: string;
  deviceId: string | null;
  /** The organisation person (gate on), for audit entries; null without a gate. */
  person: Person | null;
  /** Signed in through the homeserver's MAS (OAuth 2.0): MAS owns passwords, e-mails and sessions. */
  delegated: boolean;
  /** The OAuth scopes granted (empty for password/SSO sign-ins). */
  scopes: string[];
  /** MAS's issuer (its admin API lives there) when delegated. */
  masIssuer: string | null;
  /** Portal role: from the gate's role mapping, or owner without a gate (the Synapse admin is the owner). */
  role: Role;
};

/** Where a dead token sends the admin: a route that clears the cookie, then the login page with a message. */
export const SESSION_ENDED_PATH = "/logout/ended";

/**
 * The signed-in admin as the sealed cookie says (no Synapse call), behind the organisation gate when it is on;
 * redirects to the gate or to login. Only for starting reads alongside the token check — see requireAdminWhile.
 */
export const readAdminSession = cache(async (): Promise<AdminContext> => {
  const person = await requireGate();
  const session = await getSession();
  if (!session.accessToken || !session.baseUrl || !session.userId) redirect("/login");
  // A Synapse session another person of the organisation left in this browser is not this person's.
  if (person && session.gateSubject !== person.subject) redirect(SESSION_ENDED_PATH);
  return {
    creds: { baseUrl: session.baseUrl, accessToken: session.accessToken },
    actor: session.userId,
    homeserver: session.baseUrl,
    deviceId: session.deviceId ?? null,
    delegated: !!session.oauth,
    scopes: session.oauth?.scope.split(" ") ?? [],
    masIssuer: session.oauth?.issuer ?? null,
    person: person && { subject: person.subject, name: person.name, email: person.email },
    role: person?.role ?? "owner",
  };
});

/**
 * The one door: every page, action and route handler calls this. It checks the sealed session and
 * that Synapse still accepts the token (once per request), and redirects to login otherwise.
 */
export const requireAdmin = cache(async (): Promise<AdminContext> => {
  const admin = await readAdminSession();
  const verdict = await checkSession(admin);
  if (verdict === "ended" || verdict === "not-admin") redirect(SESSION_ENDED_PATH);
  return admin;
});

/**
 * Does Synapse still accept this session: the token (every request) and admin rights (re-checked every
 * few minutes, so a demoted admin is out soon), and the homeserver is still on the allowlist? "unknown" when Synapse is down or overloaded: the session
 * may well be fine, so pages show what failed. Something that is not (or no longer) Matrix ends it.
 */
export async function checkSession(admin: Pick<AdminContext, "creds" | "actor" | "homeserver"> & { delegated?: boolean }): Promise<"ok" | "ended" | "not-admin" | "unknown"> {
  if (!(await isSessionHomeserverAllowed(admin.homeserver))) return "ended";
  try {
    const [, isAdmin] = await Promise.all([
      whoami(admin.creds),
      adminRightsCached(admin.creds.accessToken, () => (admin.delegated ? tokenHasAdminRights(admin.creds) : isServerAdmin(admin.creds, admin.actor))),
    ]);
    return isAdmin ? "ok" : "not-admin";
  } catch (e) {
    if (isSessionEnded(e)) return "ended";
    if (e instanceof HomeserverUnreachableError) return e.kind === "timeout" || e.kind === "network" ? "unknown" : "ended";
    if (e instanceof SynapseError && e.status >= 500) return "unknown";
    throw e;
  }
}

/**
 * requireAdmin for pages that open with a read: the read starts alongside the token check instead of
 * after it (one Synapse round trip less per page). Synapse checks the token on the read itself, so
 * nothing is revealed early; if the check fails, its redirect wins and the read's result is dropped.
 * Not for mutations: those go through requireAdmin (adminAction) first.
 */
export async function requireAdminWhile<T>(read: (admin: AdminContext) => Promise<T>): Promise<[AdminContext, T]> {
  const session = await readAdminSession();
  const reading = read(session);
  reading.catch(() => undefined); // handled below; this only stops an "unhandled rejection" while the check runs
  const admin = await requireAdmin();
  return [admin, await reading];
}

/** For loaders and actions: a token that died mid-request also ends the session. */
export function redirectIfSessionEnded(e: unknown): void {
  if (isSessionEnded(e)) redirect(SESSION_ENDED_PATH);
}
