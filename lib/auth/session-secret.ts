import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";

export const MIN_SECRET_LENGTH = 32;

/**
 * The key that seals session cookies. Production must set SESSION_SECRET (≥ 32 characters);
 * development generates one once and keeps it in the data folder, so restarts keep sessions.
 */
export function getSessionSecret(): string {
  const env = getEnv();
  if (env.SESSION_SECRET) {
    if (env.SESSION_SECRET.length < MIN_SECRET_LENGTH) {
      throw new Error(`SESSION_SECRET must be at least ${MIN_SECRET_LENGTH} characters long.`);
    }
    return env.SESSION_SECRET;
  }
  if (env.NODE_ENV === "production") {
    throw new Error(`SESSION_SECRET is not set. Set it to a random string of at least ${MIN_SECRET_LENGTH} characters.`);
  }
  const file = path.join(path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR), "session-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}
