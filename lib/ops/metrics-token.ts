import "server-only";
import crypto from "node:crypto";

const digest = (s: string) => crypto.createHash("sha256").update(s).digest();

/** Whether the request carries `Authorization: Bearer <token>`, compared in constant time. */
export function hasBearerToken(request: Request, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "");
  return match !== null && crypto.timingSafeEqual(digest(match[1]), digest(token));
}
