import "server-only";
import crypto from "node:crypto";
import { checkPasswordPolicy, type PasswordPolicy } from "./password-policy";

// No look-alikes (0/O, 1/l/I), so a password read off the screen is typed right the first time.
const ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const LENGTH = 20; // ≈ 117 bits

function randomChars(n: number): string {
  let out = "";
  while (out.length < n) {
    for (const byte of crypto.randomBytes(n)) {
      // Rejection sampling keeps every character equally likely.
      if (out.length < n && byte < 256 - (256 % ALPHABET.length)) out += ALPHABET[byte % ALPHABET.length];
    }
  }
  return out;
}

/**
 * A random password, shown to the admin once and never stored in clear. It meets the homeserver's
 * policy: long enough, and in groups of five joined by "-" when a symbol is required.
 */
export function generatePassword(policy: PasswordPolicy = {}): string {
  const length = Math.max(LENGTH, policy["m.minimum_length"] ?? 0);
  for (;;) {
    const chars = randomChars(length);
    const password = policy["m.require_symbol"] ? (chars.match(/.{1,5}/g) ?? []).join("-") : chars;
    // A digit, upper- or lowercase letter is missing from 1 in ~20 draws; draw again rather than bias the result.
    if (!checkPasswordPolicy(policy, password)) return password;
  }
}
