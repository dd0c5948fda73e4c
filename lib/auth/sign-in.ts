import "server-only";
import type { ActionError } from "@/lib/result";
import { record, type AuditPerson } from "@/lib/audit/record";
import { parseMxid, serverNameOf } from "@/lib/matrix/mxid";
import { isServerAdmin, loginWithPassword, loginWithToken, logout, tokenHasAdminRights, whoami, type LoginResult } from "@/lib/synapse/auth";
import { describeError, MAS_ADMIN_HELP, NOT_ADMIN_HELP, type ErrorContext } from "@/lib/synapse/describe-error";
import { probeHomeserver } from "@/lib/synapse/discovery";
import { authorityOf, isPrivateHost, observeAddresses } from "@/lib/synapse/network-guard";
import { notePublicHomeserver, pinHomeservers } from "@/lib/db/pinned-homeservers";
import type { PasswordLoginInput, TokenLoginInput } from "@/lib/schemas/login";
import { resolveAllowedHomeserver } from "./homeserver-policy";
import { getSession, type OAuthSession } from "./session";
import { requireGate } from "./gate";
import { forgetCachedPins } from "./network-policy";

export type SignInResult = { ok: true } | { ok: false; error: ActionError };
type Method = "password" | "sso" | "access-token" | "oauth";
/** An OAuth sign-in: its tokens' session data, and how a refused admin's tokens are revoked. */
type OAuthLeg = { session: OAuthSession; discard: () => Promise<void> };

type Failure = SignInResult & { ok: false };
const failure = (code: string, message: string, field?: string): Failure => ({
  ok: false,
  error: { code, message, ...(field ? { fieldErrors: { [field]: message } } : {}) },
});

/** Allowlist, then "is it a Matrix homeserver?", so the admin learns which field is wrong. */
async function checkHomeserver(input: string): Promise<{ ok: true; baseUrl: string } | Failure> {
  const allowed = await resolveAllowedHomeserver(input);
  if (!allowed.ok) return failure("HS_NOT_ALLOWED", allowed.message, "homeserverUrl");
  try {
    await probeHomeserver(allowed.baseUrl);
  } catch (e) {
    const ui = describeError(e);
    return failure(ui.code, ui.message, "homeserverUrl");
  }
  return allowed;
}

export async function signInWithPassword(input: PasswordLoginInput): Promise<SignInResult> {
  const mxid = parseMxid(input.mxid);
  if (!mxid.ok) return failure("BAD_MXID", mxid.message, "mxid");
  const hs = await checkHomeserver(input.homeserverUrl);
  if (!hs.ok) return hs;
  return attempt(hs.baseUrl, "password", "login", () => loginWithPassword(hs.baseUrl, mxid.value.userId, input.password), mxid.value.userId);
}

export async function signInWithAccessToken(input: TokenLoginInput): Promise<SignInResult> {
  const hs = await checkHomeserver(input.homeserverUrl);
  if (!hs.ok) return hs;
  return attempt(hs.baseUrl, "access-token", "token-login", async () => {
    const me = await whoami({ baseUrl: hs.baseUrl, accessToken: input.accessToken });
    return { userId: me.userId, deviceId: me.deviceId, accessToken: input.accessToken };
  });
}

/** The SSO return leg: `baseUrl` comes from the sealed state cookie, so it was checked when SSO started. */
export async function signInWithLoginToken(baseUrl: string, loginToken: string): Promise<SignInResult> {
  return attempt(baseUrl, "sso", "login", () => loginWithToken(baseUrl, loginToken));
}

/** The OAuth return leg (MAS): the tokens are fresh from the code exchange; the admin check is the usual one. */
export async function signInWithOAuthTokens(baseUrl: string, accessToken: string, oauth: OAuthLeg): Promise<SignInResult> {
  return attempt(baseUrl, "oauth", "login", async () => {
    const me = await whoami({ baseUrl, accessToken });
    return { userId: me.userId, deviceId: me.deviceId, accessToken };
  }, undefined, oauth);
}

async function attempt(
  baseUrl: string,
  method: Method,
  context: ErrorContext,
  login: () => Promise<LoginResult>,
  typedUserId?: string,
  oauth?: OAuthLeg,
): Promise<SignInResult> {
  // Behind the organisation gate (when on) even the Synapse sign-in needs a person the gate let in.
  const gate = await requireGate();
  const person = gate && { subject: gate.subject, name: gate.name, email: gate.email };
  const { value: outcome, classes } = await observeAddresses(() => verifiedLogin(baseUrl, method, context, login, typedUserId, person, oauth));
  if (!outcome.ok) return outcome;
  // A homeserver reached only at private addresses is pinned (with its server name, for discovery when
  // that is private too): the portal may reach them again once strangers no longer can.
  if (classes.length > 0 && classes.every((c) => c === "private")) {
    const nameAuthority = URL.canParse(`https://${serverNameOf(outcome.userId)}`)
      ? authorityOf(new URL(`https://${serverNameOf(outcome.userId)}`))
      : null;
    // A private homeserver's private authorization server (MAS next to it) is trusted with it.
    const issuerAuthority = oauth ? authorityOf(new URL(oauth.session.issuer)) : null;
    const pins = [authorityOf(new URL(baseUrl)), ...[nameAuthority, issuerAuthority].filter((a): a is string => a !== null)];
    for (let i = pins.length - 1; i > 0; i--) if (!(await isPrivateHost(pins[i]))) pins.splice(i, 1);
    await pinHomeservers(pins);
  } else {
    // The portal is in use now: its first-run openness to private addresses ends here too.
    await notePublicHomeserver(authorityOf(new URL(baseUrl)));
  }
  forgetCachedPins();
  return { ok: true };
}

async function verifiedLogin(
  baseUrl: string,
  method: Method,
  context: ErrorContext,
  login: () => Promise<LoginResult>,
  typedUserId: string | undefined,
  person: AuditPerson | null,
  oauth?: OAuthLeg,
): Promise<Failure | { ok: true; userId: string }> {
  // A fresh token of someone refused should not linger; a pasted token belongs to someone else's session.
  const discard = (creds: { baseUrl: string; accessToken: string }) =>
    (oauth ? oauth.discard() : method !== "access-token" ? logout(creds) : Promise.resolve()).catch(() => undefined);
  let result: LoginResult;
  try {
    result = await login();
  } catch (e) {
    const ui = describeError(e, context);
    if (ui.code === "UNEXPECTED") console.error("sign-in failed", method, e instanceof Error ? e.name : typeof e);
    if (oauth) await oauth.discard().catch(() => undefined);
    // Failed password attempts are audited (brute force shows up in /audit); the typed ID is the actor.
    if (typedUserId) await record({ actor: typedUserId, homeserver: baseUrl, person }, { action: "session.login", params: { method } }, ui.code);
    return failure(ui.code, ui.message, method === "password" ? "password" : method === "access-token" ? "accessToken" : undefined);
  }
  const creds = { baseUrl, accessToken: result.accessToken };
  let admin: boolean;
  try {
    // Under MAS the token's scope makes the admin, not the account's flag.
    admin = oauth ? await tokenHasAdminRights(creds) : await isServerAdmin(creds, result.userId);
  } catch (e) {
    // Not trusted until it proves the account is an admin: its error text is not shown.
    const ui = describeError(e, "login");
    await discard(creds);
    return failure(ui.code, ui.message);
  }
  if (!admin) {
    await discard(creds);
    await record({ actor: result.userId, homeserver: baseUrl, person }, { action: "session.login", params: { method } }, "NOT_ADMIN");
    return oauth ? failure("OAUTH_ADMIN_REFUSED", MAS_ADMIN_HELP) : failure("NOT_ADMIN", NOT_ADMIN_HELP);
  }
  const session = await getSession();
  session.userId = result.userId;
  session.accessToken = result.accessToken;
  session.deviceId = result.deviceId;
  session.baseUrl = baseUrl;
  session.signedInAt = Date.now();
  session.gateSubject = person?.subject;
  session.oauth = oauth?.session;
  await session.save();
  await record({ actor: result.userId, homeserver: baseUrl, person }, { action: "session.login", params: { method } }, "ok");
  return { ok: true, userId: result.userId };
}
