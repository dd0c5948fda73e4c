// Encryption at rest of an import's credential and passwords.
import { test } from "node:test";
import assert from "node:assert/strict";
import { seal, unseal, UnsealError } from "@/lib/crypto/seal";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";

test("a sealed value opens with the same secret, purpose and context only", () => {
  const sealed = seal("fake-token-value", "import-credential", "job:7", SECRET);
  assert.doesNotMatch(sealed, /fake-token-value/);
  assert.equal(unseal(sealed, "import-credential", "job:7", SECRET), "fake-token-value");
  assert.throws(() => unseal(sealed, "import-credential", "job:8", SECRET), UnsealError);
  assert.throws(() => unseal(sealed, "import-password", "job:7", SECRET), UnsealError);
  assert.throws(() => unseal(sealed, "import-credential", "job:7", `${SECRET}x`), UnsealError);
});

test("sealing twice gives different ciphertexts, and any alteration is detected", () => {
  const a = seal("hunter2", "import-password", "", SECRET);
  const b = seal("hunter2", "import-password", "", SECRET);
  assert.notEqual(a, b);
  const parts = a.split(".");
  const flipped = parts[2].startsWith("A") ? `B${parts[2].slice(1)}` : `A${parts[2].slice(1)}`;
  assert.throws(() => unseal([parts[0], parts[1], flipped, parts[3]].join("."), "import-password", "", SECRET), UnsealError);
  assert.throws(() => unseal("not sealed", "import-password", "", SECRET), UnsealError);
  assert.equal(unseal(seal("", "import-password", "", SECRET), "import-password", "", SECRET), "");
});

test("a truncated authentication tag is refused (the tag length is pinned to 16 bytes)", () => {
  const sealed = seal("fake-token-value", "import-credential", "job:7", SECRET);
  const [version, iv, ct, tag] = sealed.split(".");
  const short = Buffer.from(tag, "base64url").subarray(0, 4).toString("base64url");
  assert.throws(() => unseal([version, iv, ct, short].join("."), "import-credential", "job:7", SECRET), UnsealError);
});

test("every seal gets its own IV, also across a refill of the IV pool", () => {
  const ivs = new Set<string>();
  for (let i = 0; i < 10_000; i++) {
    const sealed = seal(`pw-${i}`, "import-password", "", SECRET);
    ivs.add(sealed.split(".")[1]);
    if (i % 997 === 0) assert.equal(unseal(sealed, "import-password", "", SECRET), `pw-${i}`);
  }
  assert.equal(ivs.size, 10_000);
});
