// Who may pass the organisation gate and with which portal role: pure rules over the identity the
// gate's identity provider vouches for (README "Teams: organisation sign-in and roles").
import { ROLES, type Role } from "./roles";
import { msg } from "./i18n/message";

export type GateIdentity = {
  /** The identity provider's stable id for the person (the id_token's `sub`). */
  subject: string;
  name: string | null;
  email: string | null;
  /** false when the provider says `email_verified: false`: such an e-mail matches no rule. */
  emailVerified: boolean;
  groups: string[];
};

export type RoleRule = { kind: "email" | "domain" | "group"; value: string };

export type GateRules = {
  allowedEmails: string[];
  allowedDomains: string[];
  allowedGroups: string[];
  /** Checked from owner down; a person matching none is a viewer. */
  roles: Record<Role, RoleRule[]>;
};

export type GateVerdict = { allowed: true; role: Role } | { allowed: false; reason: string };

/** A comma-separated env list, trimmed, empty entries dropped. */
export function parseList(raw: string | undefined): string[] {
  return (raw ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

const EMAIL = /^[^\s@,]+@[^\s@,]+$/;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/i;

/** One role list: `alice@example.org`, `@example.org` (a domain) or `group:NAME`. Throws on anything else. */
export function parseRoleRules(raw: string | undefined): RoleRule[] {
  return parseList(raw).map((entry): RoleRule => {
    if (entry.startsWith("group:") && entry.length > 6) return { kind: "group", value: entry.slice(6) };
    if (entry.startsWith("@") && DOMAIN.test(entry.slice(1))) return { kind: "domain", value: entry.slice(1).toLowerCase() };
    if (EMAIL.test(entry)) return { kind: "email", value: entry.toLowerCase() };
    throw new Error(`"${entry}" is neither an e-mail, an @domain nor group:NAME`);
  });
}

/** A list of domains (`example.org`, a leading @ is allowed). Throws on anything that is not a domain. */
export function parseDomains(raw: string | undefined): string[] {
  return parseList(raw).map((d) => {
    const domain = d.replace(/^@/, "").toLowerCase();
    if (!DOMAIN.test(domain)) throw new Error(`"${d}" is not a domain`);
    return domain;
  });
}

export function parseEmails(raw: string | undefined): string[] {
  return parseList(raw).map((e) => {
    if (!EMAIL.test(e)) throw new Error(`"${e}" is not an e-mail address`);
    return e.toLowerCase();
  });
}

function verifiedEmail(who: GateIdentity): string | null {
  return who.email && who.emailVerified ? who.email.toLowerCase() : null;
}

const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1);

function matches(rule: RoleRule, who: GateIdentity): boolean {
  const email = verifiedEmail(who);
  if (rule.kind === "group") return who.groups.includes(rule.value);
  if (!email) return false;
  return rule.kind === "email" ? email === rule.value : domainOf(email) === rule.value;
}

/** The highest role whose list names the person; viewer when none does. */
export function roleOf(who: GateIdentity, rules: GateRules): Role {
  for (const role of [...ROLES].reverse()) if (rules.roles[role].some((r) => matches(r, who))) return role;
  return "viewer";
}

export function isGateConfiguredToAdmitAnyone(rules: GateRules): boolean {
  return rules.allowedEmails.length + rules.allowedDomains.length + rules.allowedGroups.length > 0;
}

/** May this person enter, and as what? A refusal names what the person lacks (never the allowed values). */
export function judge(who: GateIdentity, rules: GateRules): GateVerdict {
  if (!isGateConfiguredToAdmitAnyone(rules)) {
    return { allowed: false, reason: msg("gate.refusal.noneConfigured") };
  }
  const email = verifiedEmail(who);
  const byEmail = email !== null && (rules.allowedEmails.includes(email) || rules.allowedDomains.includes(domainOf(email)));
  const byGroup = who.groups.some((g) => rules.allowedGroups.includes(g));
  if (byEmail || byGroup) return { allowed: true, role: roleOf(who, rules) };
  // The reason is a message reference (rendered in the reader's language on the gate page).
  const emailPart = !who.email
    ? msg("gate.refusal.noEmail")
    : !who.emailVerified
      ? msg("gate.refusal.emailUnverified", { email: who.email })
      : msg("gate.refusal.emailNotAllowed", { email: who.email });
  const groupPart = who.groups.length ? msg("gate.refusal.groupsNotAllowed", { groups: who.groups.join(", ") }) : msg("gate.refusal.noGroup");
  return { allowed: false, reason: msg("gate.refusal.sentence", { email: emailPart, groups: groupPart }) };
}

/** How a person is shown on job pages and in exports: "Name <e-mail>", or what there is of it. */
export function personLabel(p: { name: string | null; email: string | null; subject: string } | null | undefined): string | null {
  if (!p) return null;
  if (p.name && p.email) return `${p.name} <${p.email}>`;
  return p.email ?? p.name ?? p.subject;
}

/** What the identity provider's profile (id_token claims and userinfo) says about the person. */
export function identityOf(profile: Record<string, unknown>, groupsClaim: string): GateIdentity {
  const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v.slice(0, 320) : null);
  const rawGroups = profile[groupsClaim];
  const groups = (Array.isArray(rawGroups) ? rawGroups : typeof rawGroups === "string" ? [rawGroups] : [])
    .filter((g): g is string => typeof g === "string")
    .slice(0, 200);
  return {
    subject: String(profile.sub ?? ""),
    name: str(profile.name) ?? str(profile.preferred_username),
    email: str(profile.email),
    emailVerified: profile.email_verified !== false && profile.email_verified !== "false",
    groups,
  };
}
