import "server-only";
import { synapseFetch } from "./client";
import { PortalRefusal } from "./describe-error";
import { on404 } from "./errors";
import { rememberFor } from "@/lib/remember-for";
import { msg } from "@/lib/i18n/message";

/**
 * The homeserver's password rules (password_config.policy in homeserver.yaml), as
 * GET /_matrix/client/v3/password_policy advertises them; {} when the policy is off.
 */
export type PasswordPolicy = {
  "m.minimum_length"?: number;
  "m.require_digit"?: boolean;
  "m.require_symbol"?: boolean;
  "m.require_lowercase"?: boolean;
  "m.require_uppercase"?: boolean;
};

export type PolicyViolation = { errcode: string; message: string };

// Synapse applies its policy to registration and to users changing their own password, but not to the
// admin API (an admin can set any password). The portal applies it to passwords admins set too, with
// Synapse's own checks, error codes and sentences (synapse/handlers/password_policy.py).
// Messages are references (passwordPolicy.rules.<errcode>), rendered in the reader's language.
const RULES: { key: keyof PasswordPolicy; errcode: string; test: RegExp }[] = [
  { key: "m.require_digit", errcode: "M_PASSWORD_NO_DIGIT", test: /[0-9]/ },
  { key: "m.require_symbol", errcode: "M_PASSWORD_NO_SYMBOL", test: /[^a-zA-Z0-9]/ },
  { key: "m.require_uppercase", errcode: "M_PASSWORD_NO_UPPERCASE", test: /[A-Z]/ },
  { key: "m.require_lowercase", errcode: "M_PASSWORD_NO_LOWERCASE", test: /[a-z]/ },
];

/** The first rule the password breaks, in Synapse's order, or null. */
export function checkPasswordPolicy(policy: PasswordPolicy, password: string): PolicyViolation | null {
  const min = policy["m.minimum_length"] ?? 0;
  // Python's len(): code points, not UTF-16 units.
  if ([...password].length < min) {
    return { errcode: "M_PASSWORD_TOO_SHORT", message: msg("passwordPolicy.rules.M_PASSWORD_TOO_SHORT", { min }) };
  }
  for (const rule of RULES) {
    if (policy[rule.key] === true && !rule.test.test(password)) return { errcode: rule.errcode, message: msg(`passwordPolicy.rules.${rule.errcode}`) };
  }
  return null;
}

/** What the admin reads: Synapse's sentence, and why the portal checked it. */
export function describePolicyViolation(v: PolicyViolation): string {
  return msg("passwordPolicy.violation", { rule: v.message, errcode: v.errcode });
}

/** The rules in a sentence, for the password fields; null when the homeserver has no policy. */
export function describePasswordPolicy(policy: PasswordPolicy): string | null {
  const parts: string[] = [];
  const min = policy["m.minimum_length"] ?? 0;
  if (min > 0) parts.push(msg("passwordPolicy.parts.minLength", { min }));
  if (policy["m.require_digit"]) parts.push(msg("passwordPolicy.parts.digit"));
  if (policy["m.require_symbol"]) parts.push(msg("passwordPolicy.parts.symbol"));
  if (policy["m.require_uppercase"]) parts.push(msg("passwordPolicy.parts.uppercase"));
  if (policy["m.require_lowercase"]) parts.push(msg("passwordPolicy.parts.lowercase"));
  if (parts.length === 0) return null;
  return msg("passwordPolicy.asksFor", { list: listOf(parts) });
}

/** "a, b and c" as nested references, so each language words its own list ("a, b und c"). */
function listOf(parts: string[]): string {
  if (parts.length === 1) return parts[0];
  if (parts.length === 2) return msg("passwordPolicy.list.pair", { first: parts[0], last: parts[1] });
  return msg("passwordPolicy.list.more", { first: parts[0], rest: listOf(parts.slice(1)) });
}

/** For the pages with password fields: the policy in a sentence, or null (none, or Synapse did not answer). */
export async function passwordPolicyHint(baseUrl: string): Promise<string | null> {
  return describePasswordPolicy(await getPasswordPolicy(baseUrl).catch(() => ({})));
}

/** The homeserver's policy, remembered for 5 minutes (it changes only with a restart of Synapse). */
export const getPasswordPolicy = rememberFor(5 * 60_000, async (baseUrl): Promise<PasswordPolicy> => {
  // A homeserver without the endpoint has no policy to honour; anything else (outage) is the caller's failure.
  return on404(() => synapseFetch<PasswordPolicy>({ baseUrl }, "/_matrix/client/v3/password_policy"), {});
});

/** Refuses (before anything is sent) a password the homeserver's policy would refuse. */
export async function assertPasswordAllowed(baseUrl: string, password: string): Promise<void> {
  const v = checkPasswordPolicy(await getPasswordPolicy(baseUrl), password);
  if (v) throw new PortalRefusal(v.errcode, describePolicyViolation(v));
}
