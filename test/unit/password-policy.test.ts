// The homeserver's password policy as the portal applies it, and generated passwords that meet it.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { checkPasswordPolicy as checkRef, describePasswordPolicy as describeRef, describePolicyViolation as violationRef, type PasswordPolicy, type PolicyViolation } from "@/lib/synapse/password-policy";
import { messageIn } from "@/lib/i18n/translator";
import { generatePassword } from "@/lib/synapse/user-password";

// As GET /_matrix/client/v3/password_policy answers with every rule of password_config.policy on.
const STRICT: PasswordPolicy = {
  "m.minimum_length": 12,
  "m.require_digit": true,
  "m.require_symbol": true,
  "m.require_lowercase": true,
  "m.require_uppercase": true,
};

// The lib returns message references; the admin reads them rendered (English unless told).
const checkPasswordPolicy = (policy: PasswordPolicy, password: string) => {
  const v = checkRef(policy, password);
  return v && { ...v, message: messageIn(v.message) };
};
const describePolicyViolation = (v: PolicyViolation, locale: "en" | "de" = "en") => messageIn(violationRef(v), locale);
const describePasswordPolicy = (policy: PasswordPolicy, locale: "en" | "de" = "en") => {
  const d = describeRef(policy);
  return d === null ? null : messageIn(d, locale);
};

describe("checkPasswordPolicy", () => {
  test("no policy (Synapse answers {}) accepts anything, even an empty password", () => {
    assert.equal(checkPasswordPolicy({}, ""), null);
    assert.equal(checkPasswordPolicy({}, "x"), null);
  });

  test("each rule gives Synapse's error code and sentence, in Synapse's order", () => {
    assert.deepEqual(checkPasswordPolicy(STRICT, "Ab1!"), { errcode: "M_PASSWORD_TOO_SHORT", message: "The password must be at least 12 characters long" });
    assert.deepEqual(checkPasswordPolicy(STRICT, "Abcdefghijk!"), { errcode: "M_PASSWORD_NO_DIGIT", message: "The password must include at least one digit" });
    assert.deepEqual(checkPasswordPolicy(STRICT, "Abcdefghijk1"), { errcode: "M_PASSWORD_NO_SYMBOL", message: "The password must include at least one symbol" });
    assert.deepEqual(checkPasswordPolicy(STRICT, "abcdefghij1!"), {
      errcode: "M_PASSWORD_NO_UPPERCASE",
      message: "The password must include at least one uppercase letter",
    });
    assert.deepEqual(checkPasswordPolicy(STRICT, "ABCDEFGHIJ1!"), {
      errcode: "M_PASSWORD_NO_LOWERCASE",
      message: "The password must include at least one lowercase letter",
    });
    assert.equal(checkPasswordPolicy(STRICT, "Abcdefghij1!"), null);
  });

  test("length counts characters as Python does (code points), and a space or emoji is a symbol", () => {
    const policy: PasswordPolicy = { "m.minimum_length": 4, "m.require_symbol": true };
    assert.equal(checkPasswordPolicy(policy, "ab😀")?.errcode, "M_PASSWORD_TOO_SHORT"); // 3 code points, 4 UTF-16 units
    assert.equal(checkPasswordPolicy(policy, "ab😀d"), null);
    assert.equal(checkPasswordPolicy(policy, "ab cd"), null);
    assert.equal(checkPasswordPolicy(policy, "abc😀"), null);
    assert.equal(checkPasswordPolicy(policy, "abcd")?.errcode, "M_PASSWORD_NO_SYMBOL");
  });

  test("rules set to false are not applied", () => {
    assert.equal(checkPasswordPolicy({ "m.require_digit": false, "m.require_symbol": false }, "abc"), null);
  });

  test("the admin reads Synapse's sentence and the error code", () => {
    const v = checkRef(STRICT, "short")!;
    assert.equal(describePolicyViolation(v), "The password must be at least 12 characters long (the homeserver's password policy, M_PASSWORD_TOO_SHORT).");
    assert.equal(describePolicyViolation(v, "de"), "Das Passwort muss mindestens 12 Zeichen lang sein (Passwortrichtlinie des Homeservers, M_PASSWORD_TOO_SHORT).");
  });
});

describe("describePasswordPolicy", () => {
  test("the rules in a sentence for the password fields; nothing without a policy", () => {
    assert.equal(describePasswordPolicy(STRICT), "The homeserver's password policy asks for at least 12 characters, a digit, a symbol, an uppercase letter and a lowercase letter.");
    assert.equal(describePasswordPolicy({ "m.minimum_length": 8 }), "The homeserver's password policy asks for at least 8 characters.");
    assert.equal(describePasswordPolicy({ "m.require_digit": true, "m.require_symbol": true }), "The homeserver's password policy asks for a digit and a symbol.");
    assert.equal(describePasswordPolicy(STRICT, "de"), "Die Passwortrichtlinie des Homeservers verlangt mindestens 12 Zeichen, eine Ziffer, ein Sonderzeichen, einen Großbuchstaben und einen Kleinbuchstaben.");
    assert.equal(describePasswordPolicy({ "m.require_digit": true, "m.require_symbol": true }, "de"), "Die Passwortrichtlinie des Homeservers verlangt eine Ziffer und ein Sonderzeichen.");
    assert.equal(describePasswordPolicy({}), null);
    assert.equal(describePasswordPolicy({ "m.minimum_length": 0, "m.require_digit": false }), null);
  });
});

describe("generatePassword", () => {
  test("without a policy: 20 characters of an unambiguous alphabet, never repeated", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generatePassword();
      assert.match(p, /^[A-HJ-NP-Za-km-z2-9]{20}$/);
      seen.add(p);
    }
    assert.equal(seen.size, 200);
  });

  test("meets a strict policy every time (longer minimum, a symbol as group separators)", () => {
    const policy: PasswordPolicy = { ...STRICT, "m.minimum_length": 30 };
    for (let i = 0; i < 200; i++) {
      const p = generatePassword(policy);
      assert.equal(checkPasswordPolicy(policy, p), null, p);
      assert.match(p, /^([A-HJ-NP-Za-km-z2-9]{5}-){5}[A-HJ-NP-Za-km-z2-9]{5}$/);
    }
  });
});
