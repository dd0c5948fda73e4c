import "server-only";
import { fail, ok, type ActionResult } from "@/lib/result";
import { parseMxid } from "@/lib/matrix/mxid";
import { getLoginFlows, type LoginFlows } from "@/lib/synapse/auth";
import { describeError } from "@/lib/synapse/describe-error";
import { discoverHomeserver, probeHomeserver } from "@/lib/synapse/discovery";
import { getAuthServer } from "@/lib/synapse/oauth";
import { OAuthFlowError } from "@/lib/synapse/errors";
import { issuerLabel } from "@/lib/matrix/oauth";
import { msg } from "@/lib/i18n/message";
import { isServerNameAllowed, notAllowedMessage, resolveAllowedHomeserver } from "./homeserver-policy";

export type HomeserverInfo = {
  baseUrl: string;
  /** "Synapse 1.160.0", or a plain description (a message reference) when the server is Matrix but not Synapse. */
  label: string;
  isSynapse: boolean;
  flows: LoginFlows;
  /** Set when the homeserver delegates authentication to MAS: sign in with OAuth 2.0 there, not a password. */
  oauth: { issuerHost: string } | null;
};

/** Fills the homeserver field from a full MXID (server-side: the browser never calls these hosts). */
export async function discoverForMxid(mxid: string): Promise<ActionResult<{ baseUrl: string; source: string }>> {
  const parsed = parseMxid(mxid);
  if (!parsed.ok) return fail("BAD_MXID", parsed.message, { mxid: parsed.message });
  const { serverName } = parsed.value;
  if (!isServerNameAllowed(serverName)) {
    const message = notAllowedMessage(serverName);
    return fail("HS_NOT_ALLOWED", message, { homeserverUrl: message });
  }
  try {
    const d = await discoverHomeserver(serverName);
    const allowed = await resolveAllowedHomeserver(d.baseUrl);
    // The discovered URL is not echoed when refused: it is what a remote .well-known said.
    if (!allowed.ok) return fail("HS_NOT_ALLOWED", notAllowedMessage(serverName), { homeserverUrl: notAllowedMessage(serverName) });
    return ok({ baseUrl: d.baseUrl, source: d.source });
  } catch (e) {
    const ui = describeError(e);
    return fail(ui.code, ui.message, { homeserverUrl: ui.message });
  }
}

/** Checks a typed or discovered URL: allowed, a Matrix homeserver, which version, which login flows. */
export async function probeForLogin(url: string): Promise<ActionResult<HomeserverInfo>> {
  const allowed = await resolveAllowedHomeserver(url);
  if (!allowed.ok) return fail("HS_NOT_ALLOWED", allowed.message, { homeserverUrl: allowed.message });
  try {
    const probe = await probeHomeserver(allowed.baseUrl);
    // Only a delegation that is broken (MAS down, unusable metadata) is the admin's to know; anything else: none.
    const delegated = await getAuthServer(allowed.baseUrl).catch((e) => {
      if (e instanceof OAuthFlowError) throw e;
      return null;
    });
    const flows = await getLoginFlows(allowed.baseUrl).catch(() => ({
      password: true,
      token: false,
      sso: false,
      identityProviders: [],
    }));
    return ok({
      baseUrl: allowed.baseUrl,
      label: probe.implementation ? `${probe.implementation} ${probe.version}` : msg("login.homeserver.notSynapse"),
      isSynapse: probe.implementation !== null,
      flows,
      oauth: delegated && { issuerHost: issuerLabel(delegated.issuer) },
    });
  } catch (e) {
    const ui = describeError(e);
    return fail(ui.code, ui.message, { homeserverUrl: ui.message });
  }
}

/** Before SSO sends the browser anywhere: an allowed homeserver that answers as a Matrix one. */
export async function checkSsoHomeserver(url: string): Promise<ActionResult<{ baseUrl: string }>> {
  const allowed = await resolveAllowedHomeserver(url);
  if (!allowed.ok) return fail("HS_NOT_ALLOWED", allowed.message);
  try {
    await probeHomeserver(allowed.baseUrl);
  } catch (e) {
    return fail(describeError(e).code, describeError(e).message);
  }
  return ok({ baseUrl: allowed.baseUrl });
}
