// Turns a failed call into what the admin reads. The one place that maps errors to messages.
import { HomeserverUnreachableError, OAuthFlowError, SynapseError } from "./errors";

export type UiError = { code: string; message: string; retryAfterMs?: number };

export type ErrorContext = "login" | "token-login" | "admin-api";

function seconds(ms: number): string {
  const n = Math.max(1, Math.ceil(ms / 1000));
  return n === 1 ? "1 second" : `${n} seconds`;
}

/** A refusal the portal decides itself (not Synapse), with a message written for the admin. */
export class PortalRefusal extends Error {
  readonly name: string = "PortalRefusal";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * describeError, plus one log line when the error was not an expected one (a bug or an outage worth a look).
 * Only the stack is logged, with anything shaped like an access token masked.
 */
export function describeAndLog(e: unknown, where: string, context?: ErrorContext): UiError {
  const ui = describeError(e, context);
  if (ui.code === "UNEXPECTED") console.error(`[portal] ${where} failed:`, maskTokens(e instanceof Error ? (e.stack ?? e.message) : String(e)));
  return ui;
}

/** Synapse access tokens (syt_…, or opaque after "Bearer") never reach a log. */
export function maskTokens(text: string): string {
  return text.replace(/\bsyt_[A-Za-z0-9_-]+/g, "syt_…").replace(/(Bearer\s+)[^\s"',]+/gi, "$1…");
}

export function describeError(e: unknown, context: ErrorContext = "admin-api"): UiError {
  if (e instanceof PortalRefusal) return { code: e.code, message: e.message };
  if (e instanceof HomeserverUnreachableError) {
    // Named by category only: nothing the remote server sent (Location, body, low-level cause) is echoed.
    const at = origin(e.url);
    switch (e.kind) {
      case "timeout":
        return { code: "HS_TIMEOUT", message: `The homeserver at ${at} did not answer in time. Check the URL and that the server is running.` };
      case "network":
        return { code: "HS_UNREACHABLE", message: `Could not connect to ${at}. Check the homeserver URL.` };
      case "redirect":
        return { code: "HS_REDIRECT", message: `${at} redirects elsewhere, and the portal follows no redirect to another address. Enter the homeserver's own URL instead.` };
      case "not-matrix":
      case "too-large":
        return { code: "HS_NOT_MATRIX", message: `${at} answered, but it is not a Matrix homeserver. Check the homeserver URL (it is often https://matrix.<your domain>).` };
      case "policy":
        return { code: "HS_REFUSED_BY_POLICY", message: `This portal does not connect to ${at}: its address is refused by the portal's network policy (see "Security model" in the README).` };
    }
  }
  if (e instanceof SynapseError) return describeSynapseError(e, context);
  if (e instanceof OAuthFlowError) return describeOAuthError(e);
  return { code: "UNEXPECTED", message: "Something went wrong on the portal. The error was logged; try again." };
}

function describeSynapseError(e: SynapseError, context: ErrorContext): UiError {
  if (e.errcode === "M_LIMIT_EXCEEDED" || e.status === 429) {
    const wait = e.retryAfterMs !== undefined ? `in ${seconds(e.retryAfterMs)}` : "in a moment";
    return { code: "M_LIMIT_EXCEEDED", message: `Synapse is rate-limiting these requests. Try again ${wait}.`, retryAfterMs: e.retryAfterMs };
  }
  if (context === "login" && e.status === 403 && (e.errcode === "M_FORBIDDEN" || e.errcode === "M_USER_DEACTIVATED")) {
    if (e.errcode === "M_USER_DEACTIVATED") {
      return { code: "M_USER_DEACTIVATED", message: "This account has been deactivated. Another server admin can reactivate it." };
    }
    return {
      code: "M_FORBIDDEN",
      message: "Wrong Matrix ID or password. (Synapse gives the same answer for a deactivated account.)",
    };
  }
  if (e.errcode === "M_USER_LOCKED") {
    return { code: "M_USER_LOCKED", message: "This account is locked. Another server admin can unlock it." };
  }
  if (context === "token-login" && e.status === 401) {
    return { code: e.errcode, message: "This access token is not valid on that homeserver (it may have been logged out)." };
  }
  if (e.errcode === "M_UNKNOWN_TOKEN" || e.errcode === "M_MISSING_TOKEN") {
    return { code: "SESSION_ENDED", message: "Your session ended. Sign in again." };
  }
  if (e.status === 403 && e.error === "You are not a server admin") {
    return { code: "NOT_ADMIN", message: "This account is not a server admin." };
  }
  if (e.status === 404 && e.errcode === "M_UNRECOGNIZED") {
    return { code: "M_UNRECOGNIZED", message: "The homeserver does not offer this API (is it Synapse, and is the admin API exposed?)." };
  }
  if (e.status === 403 && /not allowed to publish room/i.test(e.error)) {
    return { code: "PUBLISH_NOT_ALLOWED", message: PUBLISH_REFUSED_HELP };
  }
  if (e.status === 404 && /no event to be purged/i.test(e.error)) {
    return { code: "NOTHING_TO_PURGE", message: "This room has no events before that point, so there is nothing to purge." };
  }
  // Before sign-in the server is not trusted yet: its own words are not shown (they could be anything).
  if (context !== "admin-api") return { code: "SIGN_IN_REFUSED", message: `The homeserver refused the sign-in (HTTP ${e.status}).` };
  // A signed-in admin's Synapse is specific and safe to show ("You may not demote yourself.", policy errors, …).
  return { code: e.errcode, message: sentence(e.error) };
}

export const MAS_ADMIN_HELP =
  "Your MAS account may not request admin rights (the scope urn:synapse:admin:* was refused). " +
  "An admin of MAS grants them: set can_request_admin on your account (mas-cli manage promote-admin <username>, or the MAS admin API).";

function describeOAuthError(e: OAuthFlowError): UiError {
  const at = origin(e.issuer);
  switch (e.kind) {
    case "access-denied":
    case "scope-refused":
      return { code: "OAUTH_ADMIN_REFUSED", message: MAS_ADMIN_HELP };
    case "issuer-unreachable":
      return { code: "OAUTH_ISSUER_UNREACHABLE", message: `The homeserver's authorization server (${at}) could not be reached. Try again later, or ask its operator.` };
    case "bad-metadata":
      return { code: "OAUTH_BAD_METADATA", message: `The homeserver delegates sign-in to ${at}, but that authorization server's metadata is not usable by the portal (it needs the code flow with PKCE S256 and dynamic client registration).` };
    case "registration-refused":
      return { code: "OAUTH_REGISTRATION_REFUSED", message: `The authorization server at ${at} refused to register the portal as a client (MSC2966). Its operator may have turned dynamic registration off, or restricted redirect addresses.` };
    case "state-mismatch":
      return { code: "OAUTH_STATE_MISMATCH", message: "The answer of the authorization server did not match a sign-in started in this browser (it may have expired after 10 minutes). Start again." };
    case "token-refused":
      return { code: "OAUTH_TOKEN_REFUSED", message: `The authorization server at ${at} refused to hand out the tokens. Start the sign-in again.` };
  }
}

function sentence(text: string): string {
  const t = text.trim() || "The homeserver refused the request.";
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

export const NOT_ADMIN_HELP =
  "This account signed in, but it is not a server admin, so the portal signed it out again. " +
  "An existing admin can promote it (in this portal, or with PUT /_synapse/admin/v2/users/<id> and {\"admin\": true}), " +
  "or someone with shell access to the server can create an admin with register_new_matrix_user --admin.";

export const PUBLISH_REFUSED_HELP =
  "Synapse refused to publish this room in its room directory. Since Synapse 1.126 publishing is denied unless the " +
  "server's room_list_publication_rules setting allows it, and Synapse 1.160 applies that rule to server admins too. " +
  "To allow it, add a rule to homeserver.yaml (for example room_list_publication_rules: [{action: allow}], or a rule " +
  "limited to some users or aliases) and restart Synapse. Removing a room from the directory always works.";
