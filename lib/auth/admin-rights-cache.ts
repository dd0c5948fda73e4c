import "server-only";
import crypto from "node:crypto";

// isServerAdmin per session token, for a few minutes: a demoted admin loses the portal within that time
// without one admin-API call per page. Keyed by a hash, so no token sits in memory as a map key.
const TTL_MS = 3 * 60_000;
const MAX_ENTRIES = 1000;
const checked = new Map<string, { at: number; admin: boolean }>();

export async function adminRightsCached(accessToken: string, check: () => Promise<boolean>): Promise<boolean> {
  const key = crypto.createHash("sha256").update(accessToken).digest("base64url");
  const hit = checked.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.admin;
  const admin = await check();
  if (checked.size >= MAX_ENTRIES) checked.delete(checked.keys().next().value!);
  checked.set(key, { at: Date.now(), admin });
  return admin;
}
