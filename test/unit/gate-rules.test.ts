// The organisation gate's rules: who may enter, the refusal's wording, and the role mapping.
import assert from "node:assert/strict";
import { test } from "node:test";
import { identityOf, judge, parseDomains, parseEmails, parseRoleRules, personLabel, roleOf, type GateIdentity, type GateRules } from "@/lib/gate-rules";
import { adminFlagRefusal, can } from "@/lib/roles";
import { messageIn } from "@/lib/i18n/translator";

const rules = (over: Partial<GateRules> = {}): GateRules => ({
  allowedEmails: ["boss@partner.test"],
  allowedDomains: ["team.test"],
  allowedGroups: ["contractors"],
  roles: { owner: parseRoleRules("boss@partner.test, group:admins"), operator: parseRoleRules("@ops.team.test,group:ops"), viewer: [] },
  ...over,
});
const who = (over: Partial<GateIdentity> = {}): GateIdentity => ({ subject: "s1", name: "Ann", email: "ann@team.test", emailVerified: true, groups: [], ...over });

test("an e-mail, a domain or a group lets a person in; the domain is matched exactly and case-insensitively", () => {
  assert.deepEqual(judge(who(), rules()), { allowed: true, role: "viewer" });
  assert.deepEqual(judge(who({ email: "Boss@Partner.TEST" }), rules()), { allowed: true, role: "owner" });
  assert.deepEqual(judge(who({ email: "x@elsewhere.test", groups: ["contractors"] }), rules()), { allowed: true, role: "viewer" });
  assert.equal(judge(who({ email: "eve@evilteam.test" }), rules()).allowed, false);
  assert.equal(judge(who({ email: "eve@sub.team.test" }), rules()).allowed, false);
});

/** judge with its refusal rendered in a language (English unless told). */
function judged(...args: Parameters<typeof judge>) {
  const v = judge(...args);
  return v.allowed ? v : { ...v, reason: messageIn(v.reason) };
}

test("a refusal names what the person lacks, never the allowed values", () => {
  assert.deepEqual(judged(who({ email: "eve@evil.test", groups: ["visitors", "x"] }), rules()), {
    allowed: false,
    reason: "Your e-mail eve@evil.test is not in the allowed e-mails or domains, and none of your groups (visitors, x) is allowed.",
  });
  assert.deepEqual(judged(who({ email: null }), rules()), {
    allowed: false,
    reason: "Your identity provider sent no e-mail address, and you are in no group that is allowed.",
  });
  const nobody = judged(who(), rules({ allowedEmails: [], allowedDomains: [], allowedGroups: [] }));
  assert.equal(nobody.allowed, false);
  assert.match((nobody as { reason: string }).reason, /No one may enter yet.*GATE_ALLOWED_EMAILS/);
});

test("an e-mail the provider marks unverified matches no rule (a group still can)", () => {
  const unverified = judged(who({ emailVerified: false }), rules());
  assert.deepEqual(unverified, { allowed: false, reason: "Your e-mail ann@team.test is not verified by the identity provider, and you are in no group that is allowed." });
  assert.equal(roleOf(who({ email: "boss@partner.test", emailVerified: false }), rules()), "viewer");
  assert.equal(
    messageIn((judge(who({ emailVerified: false }), rules()) as { reason: string }).reason, "de"),
    "Ihre E-Mail-Adresse ann@team.test ist vom Identitätsanbieter nicht bestätigt, und Sie gehören keiner zugelassenen Gruppe an.",
  );
  assert.deepEqual(judged(who({ emailVerified: false, groups: ["contractors", "admins"] }), rules()), { allowed: true, role: "owner" });
});

test("the role is the highest one whose list names the person; none named is a viewer", () => {
  assert.equal(roleOf(who({ email: "op@ops.team.test" }), rules()), "operator");
  assert.equal(roleOf(who({ groups: ["ops", "admins"] }), rules()), "owner");
  assert.equal(roleOf(who({ groups: ["Ops"] }), rules()), "viewer"); // group names are exact
  assert.equal(roleOf(who(), rules()), "viewer");
});

test("role lists and allowlists are checked when read: a typo is an error, not a silent refusal", () => {
  assert.deepEqual(parseRoleRules(" a@b.test , @Example.org,group:x y "), [
    { kind: "email", value: "a@b.test" },
    { kind: "domain", value: "example.org" },
    { kind: "group", value: "x y" },
  ]);
  assert.throws(() => parseRoleRules("admins"), /"admins" is neither an e-mail, an @domain nor group:NAME/);
  assert.throws(() => parseRoleRules("group:"), /neither/);
  assert.deepEqual(parseDomains("@Team.test, b.test"), ["team.test", "b.test"]);
  assert.throws(() => parseDomains("bad domain"), /is not a domain/);
  assert.deepEqual(parseEmails("A@B.test"), ["a@b.test"]);
  assert.throws(() => parseEmails("nope"), /is not an e-mail address/);
});

test("can(): viewer < operator < owner, and no role can do nothing", () => {
  assert.equal(can("owner", "owner"), true);
  assert.equal(can("operator", "owner"), false);
  assert.equal(can("operator", "viewer"), true);
  assert.equal(can("viewer", "operator"), false);
  assert.equal(can(null, "viewer"), false);
});

test("the identity from the provider's claims: groups from the configured claim, email_verified honoured", () => {
  const id = identityOf({ sub: "abc", preferred_username: "ann", email: "ann@team.test", roles: ["a", 3, "b"], email_verified: false }, "roles");
  assert.deepEqual(id, { subject: "abc", name: "ann", email: "ann@team.test", emailVerified: false, groups: ["a", "b"] });
  assert.deepEqual(identityOf({ sub: "x", groups: "solo" }, "groups").groups, ["solo"]);
  assert.equal(personLabel({ subject: "s", name: "Ann", email: "ann@team.test" }), "Ann <ann@team.test>");
  assert.equal(personLabel({ subject: "s", name: null, email: null }), "s");
});

test("only an owner grants or removes server admin rights; anyone may save a user without changing them", () => {
  assert.match(adminFlagRefusal("operator", false, true) ?? "", /Only a portal owner/);
  assert.match(adminFlagRefusal("operator", true, false) ?? "", /Only a portal owner/);
  assert.equal(adminFlagRefusal("operator", true, true), null);
  assert.equal(adminFlagRefusal("operator", false, false), null);
  assert.equal(adminFlagRefusal("owner", false, true), null);
});
