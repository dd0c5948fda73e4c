import "server-only";
import crypto from "node:crypto";

// No look-alikes (0/O, 1/l/I), so a password read off the screen is typed right the first time.
const ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A random password (20 characters ≈ 117 bits), shown to the admin once and never stored. */
export function generatePassword(length = 20): string {
  let out = "";
  while (out.length < length) {
    const byte = crypto.randomBytes(1)[0];
    // Rejection sampling keeps every character equally likely.
    if (byte < 256 - (256 % ALPHABET.length)) out += ALPHABET[byte % ALPHABET.length];
  }
  return out;
}
