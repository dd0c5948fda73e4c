// Matrix ID parsing and the localpart rule. Pure and client-safe: the forms, the import and the server share it.
import { MAX_USER_ID_LENGTH } from "./limits";
import { msg } from "@/lib/i18n/message";

export type ParsedMxid = { userId: string; localpart: string; serverName: string };
export type MxidProblem = "empty" | "no-server" | "bad-localpart" | "bad-server";
export type MxidResult = { ok: true; value: ParsedMxid } | { ok: false; problem: MxidProblem; message: string };

// Server name grammar from the Matrix spec: a DNS name, IPv4 literal or [IPv6] literal, optional port.
const DNS_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV6_LITERAL = /^\[[0-9A-Fa-f:.]{2,45}\]$/;

export function isValidServerName(name: string): boolean {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(name);
  if (!m) return false;
  const [, host, port] = m;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return false;
  return IPV6_LITERAL.test(host) || DNS_NAME.test(host);
}

// Historical user IDs may use any printable ASCII except ':'; new ones are stricter (see isStrictLocalpart).
const HISTORICAL_LOCALPART = /^[\x21-\x39\x3B-\x7E]+$/;
const STRICT_LOCALPART = /^[a-z0-9._=\-/+]+$/;

export function isStrictLocalpart(localpart: string): boolean {
  return STRICT_LOCALPART.test(localpart);
}

export function parseMxid(input: string): MxidResult {
  const text = input.trim();
  if (!text) return { ok: false, problem: "empty", message: msg("fields.mxid.empty") };
  const body = text.startsWith("@") ? text.slice(1) : text;
  const colon = body.indexOf(":");
  if (colon < 0) {
    const name = body || "alice";
    return {
      ok: false,
      problem: "no-server",
      message: msg("fields.mxid.noServer", { name }),
    };
  }
  const localpart = body.slice(0, colon);
  const serverName = body.slice(colon + 1);
  if (!localpart || !HISTORICAL_LOCALPART.test(localpart)) {
    return {
      ok: false,
      problem: "bad-localpart",
      message: msg("fields.mxid.badLocalpart", { localpart }),
    };
  }
  if (!isValidServerName(serverName)) {
    return {
      ok: false,
      problem: "bad-server",
      message: msg("fields.mxid.badServer", { serverName }),
    };
  }
  return { ok: true, value: { userId: `@${localpart}:${serverName}`, localpart, serverName } };
}

/** The server name part of a user ID that is known to be valid (e.g. returned by Synapse). */
export function serverNameOf(userId: string): string {
  return userId.slice(userId.indexOf(":") + 1);
}

export type LocalpartProblem = "empty" | "spaces" | "uppercase" | "chars" | "underscore" | "digits" | "too-long";

/**
 * Why a localpart cannot name a new user, or null. The Matrix spec's grammar for new IDs (a-z 0-9 . _ = - / +)
 * plus what Synapse refuses anyway (a leading _ is for appservices, all digits for guests, 255 characters in all),
 * so forms and the import refuse the same names before anything is sent.
 */
export function localpartRule(localpart: string, serverName?: string): LocalpartProblem | null {
  if (!localpart) return "empty";
  if (/\s/.test(localpart)) return "spaces";
  if (!isStrictLocalpart(localpart)) return /[A-Z]/.test(localpart) && isStrictLocalpart(localpart.toLowerCase()) ? "uppercase" : "chars";
  if (localpart.startsWith("_")) return "underscore";
  if (/^\d+$/.test(localpart)) return "digits";
  // Without a server name, count the @ and : alone (the form checks before it knows nothing more).
  if (`@${localpart}:${serverName ?? ""}`.length > MAX_USER_ID_LENGTH) return "too-long";
  return null;
}
