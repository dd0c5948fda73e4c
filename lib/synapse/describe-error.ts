// Turns a failed call into what the admin reads. The one place that maps errors to messages.
import { HomeserverUnreachableError, OAuthFlowError, SynapseError } from "./errors";
import { msg } from "@/lib/i18n/message";

export type UiError = { code: string; message: string; retryAfterMs?: number };

export type ErrorContext = "login" | "token-login" | "admin-api";

// Messages are references (msg): the reader's language renders them (errors.<CODE> in the catalogue).
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

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
        return { code: "HS_TIMEOUT", message: msg("errors.HS_TIMEOUT", { at }) };
      case "network":
        return { code: "HS_UNREACHABLE", message: msg("errors.HS_UNREACHABLE", { at }) };
      case "redirect":
        return { code: "HS_REDIRECT", message: msg("errors.HS_REDIRECT", { at }) };
      case "not-matrix":
      case "too-large":
        return { code: "HS_NOT_MATRIX", message: msg("errors.HS_NOT_MATRIX", { at }) };
      case "policy":
        return { code: "HS_REFUSED_BY_POLICY", message: msg("errors.HS_REFUSED_BY_POLICY", { at }) };
    }
  }
  if (e instanceof SynapseError) return describeSynapseError(e, context);
  if (e instanceof OAuthFlowError) return describeOAuthError(e);
  return { code: "UNEXPECTED", message: msg("errors.UNEXPECTED") };
}

function describeSynapseError(e: SynapseError, context: ErrorContext): UiError {
  if (e.errcode === "M_LIMIT_EXCEEDED" || e.status === 429) {
    const message = e.retryAfterMs !== undefined ? msg("errors.M_LIMIT_EXCEEDED", { seconds: seconds(e.retryAfterMs) }) : msg("errors.M_LIMIT_EXCEEDED_MOMENT");
    return { code: "M_LIMIT_EXCEEDED", message, retryAfterMs: e.retryAfterMs };
  }
  if (context === "login" && e.status === 403 && (e.errcode === "M_FORBIDDEN" || e.errcode === "M_USER_DEACTIVATED")) {
    if (e.errcode === "M_USER_DEACTIVATED") {
      return { code: "M_USER_DEACTIVATED", message: msg("errors.M_USER_DEACTIVATED") };
    }
    return { code: "M_FORBIDDEN", message: msg("errors.M_FORBIDDEN") };
  }
  if (e.errcode === "M_USER_LOCKED") {
    return { code: "M_USER_LOCKED", message: msg("errors.M_USER_LOCKED") };
  }
  if (context === "token-login" && e.status === 401) {
    return { code: e.errcode, message: msg("errors.TOKEN_INVALID") };
  }
  if (e.errcode === "M_UNKNOWN_TOKEN" || e.errcode === "M_MISSING_TOKEN") {
    return { code: "SESSION_ENDED", message: msg("errors.SESSION_ENDED") };
  }
  if (e.status === 403 && e.error === "You are not a server admin") {
    return { code: "NOT_ADMIN", message: msg("errors.NOT_ADMIN") };
  }
  if (e.status === 404 && e.errcode === "M_UNRECOGNIZED") {
    return { code: "M_UNRECOGNIZED", message: msg("errors.M_UNRECOGNIZED") };
  }
  if (e.status === 403 && /not allowed to publish room/i.test(e.error)) {
    return { code: "PUBLISH_NOT_ALLOWED", message: PUBLISH_REFUSED_HELP };
  }
  if (e.status === 404 && /no event to be purged/i.test(e.error)) {
    return { code: "NOTHING_TO_PURGE", message: msg("errors.NOTHING_TO_PURGE") };
  }
  // Before sign-in the server is not trusted yet: its own words are not shown (they could be anything).
  if (context !== "admin-api") return { code: "SIGN_IN_REFUSED", message: msg("errors.SIGN_IN_REFUSED", { status: e.status }) };
  // A signed-in admin's Synapse is specific and safe to show ("You may not demote yourself.", policy errors, …).
  return { code: e.errcode, message: sentence(e.error) };
}

export const MAS_ADMIN_HELP = msg("errors.OAUTH_ADMIN_REFUSED");

function describeOAuthError(e: OAuthFlowError): UiError {
  const at = origin(e.issuer);
  switch (e.kind) {
    case "access-denied":
    case "scope-refused":
      return { code: "OAUTH_ADMIN_REFUSED", message: MAS_ADMIN_HELP };
    case "issuer-unreachable":
      return { code: "OAUTH_ISSUER_UNREACHABLE", message: msg("errors.OAUTH_ISSUER_UNREACHABLE", { at }) };
    case "bad-metadata":
      return { code: "OAUTH_BAD_METADATA", message: msg("errors.OAUTH_BAD_METADATA", { at }) };
    case "registration-refused":
      return { code: "OAUTH_REGISTRATION_REFUSED", message: msg("errors.OAUTH_REGISTRATION_REFUSED", { at }) };
    case "state-mismatch":
      return { code: "OAUTH_STATE_MISMATCH", message: msg("errors.OAUTH_STATE_MISMATCH") };
    case "token-refused":
      return { code: "OAUTH_TOKEN_REFUSED", message: msg("errors.OAUTH_TOKEN_REFUSED", { at }) };
  }
}

/** Synapse's own words (not a portal sentence, so not translated), ended with a full stop. */
function sentence(text: string): string {
  const t = text.trim();
  if (!t) return msg("errors.SYNAPSE_REFUSED");
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

export const NOT_ADMIN_HELP = msg("errors.NOT_ADMIN_SIGNED_OUT");

export const PUBLISH_REFUSED_HELP = msg("errors.PUBLISH_NOT_ALLOWED");
