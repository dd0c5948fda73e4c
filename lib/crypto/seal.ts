import "server-only";
import crypto from "node:crypto";
import { getSessionSecret } from "@/lib/auth/session-secret";

/**
 * Encryption at rest for secrets the portal must keep for a while (a job's access token, passwords of an
 * import). AES-256-GCM with a key derived from SESSION_SECRET per purpose, so a leaked database alone
 * reveals nothing, and a ciphertext cannot be moved to another purpose (the purpose is authenticated data).
 */
export type SealPurpose = "import-credential" | "import-password" | "job-credential";

const VERSION = "v1";
const TAG_BYTES = 16;
const keys = new Map<string, Buffer>();
let processSecret: string | undefined;

// The secret is fixed for the life of the process (and may come from a file), so it is read once.
function currentSecret(): string {
  processSecret ??= getSessionSecret();
  return processSecret;
}

function keyFor(purpose: SealPurpose, secret: string): Buffer {
  const cacheKey = `${purpose}\0${secret}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = Buffer.from(crypto.hkdfSync("sha256", secret, "synapse-admin-portal/seal", purpose, 32));
    keys.clear(); // one secret at a time; never keep keys of an old secret around
    keys.set(cacheKey, key);
  }
  return key;
}

const IV_BYTES = 12;
// Random IVs are drawn 4096 at a time: one call into the random source per row cost an import of 100,000
// passwords about 0.4 s (bench/import-dry-run.ts). Each IV is still fresh random bytes, used once.
const IVS_PER_DRAW = 4096;
let ivPool = Buffer.alloc(0);
let ivNext = 0;

function nextIv(): Buffer {
  if (ivNext + IV_BYTES > ivPool.length) {
    ivPool = crypto.randomBytes(IV_BYTES * IVS_PER_DRAW);
    ivNext = 0;
  }
  const iv = ivPool.subarray(ivNext, ivNext + IV_BYTES);
  ivNext += IV_BYTES;
  return iv;
}

export function seal(plaintext: string, purpose: SealPurpose, context = "", secret = currentSecret()): string {
  const iv = nextIv();
  const cipher = crypto.createCipheriv("aes-256-gcm", keyFor(purpose, secret), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(`${purpose}\0${context}`));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), ct.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

export class UnsealError extends Error {
  readonly name = "UnsealError";
}

/** Throws UnsealError when the value was sealed with another secret, purpose or context, or was altered. */
export function unseal(sealed: string, purpose: SealPurpose, context = "", secret = currentSecret()): string {
  const [version, iv, ct, tag] = sealed.split(".");
  if (version !== VERSION || !iv || ct === undefined || !tag) throw new UnsealError("not a sealed value");
  try {
    // Pinned, so a truncated tag (weaker forgery protection) is refused rather than accepted.
    const decipher = crypto.createDecipheriv("aes-256-gcm", keyFor(purpose, secret), Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(`${purpose}\0${context}`));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new UnsealError("the value cannot be decrypted with the current SESSION_SECRET");
  }
}
