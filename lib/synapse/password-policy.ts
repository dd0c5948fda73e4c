import "server-only";
import { synapseFetch } from "./client";
import { PortalRefusal } from "./describe-error";
import { on404 } from "./errors";
import { rememberFor } from "@/lib/remember-for";

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
const RULES: { key: keyof PasswordPolicy; errcode: string; test: RegExp; message: string }[] = [
  { key: "m.require_digit", errcode: "M_PASSWORD_NO_DIGIT", test: /[0-9]/, message: "The password must include at least one digit" },
  { key: "m.require_symbol", errcode: "M_PASSWORD_NO_SYMBOL", test: /[^a-zA-Z0-9]/, message: "The password must include at least one symbol" },
  { key: "m.require_uppercase", errcode: "M_PASSWORD_NO_UPPERCASE", test: /[A-Z]/, message: "The password must include at least one uppercase letter" },
  { key: "m.require_lowercase", errcode: "M_PASSWORD_NO_LOWERCASE", test: /[a-z]/, message: "The password must include at least one lowercase letter" },
];

/** The first rule the password breaks, in Synapse's order, or null. */
export function checkPasswordPolicy(policy: PasswordPolicy, password: string): PolicyViolation | null {
  const min = policy["m.minimum_length"] ?? 0;
  // Python's len(): code points, not UTF-16 units.
  if ([...password].length < min) {
    return { errcode: "M_PASSWORD_TOO_SHORT", message: `The password must be at least ${min} characters long` };
  }
  for (const rule of RULES) {
    if (policy[rule.key] === true && !rule.test.test(password)) return { errcode: rule.errcode, message: rule.message };
  }
  return null;
}

/** What the admin reads: Synapse's sentence, and why the portal checked it. */
export function describePolicyViolation(v: PolicyViolation): string {
  return `${v.message} (the homeserver's password policy, ${v.errcode}).`;
}

/** The rules in a sentence, for the password fields; null when the homeserver has no policy. */
export function describePasswordPolicy(policy: PasswordPolicy): string | null {
  const parts: string[] = [];
  const min = policy["m.minimum_length"] ?? 0;
  if (min > 0) parts.push(`at least ${min} characters`);
  if (policy["m.require_digit"]) parts.push("a digit");
  if (policy["m.require_symbol"]) parts.push("a symbol");
  if (policy["m.require_uppercase"]) parts.push("an uppercase letter");
  if (policy["m.require_lowercase"]) parts.push("a lowercase letter");
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  return `The homeserver's password policy asks for ${list}.`;
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
