import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";
import type { ActionError } from "@/lib/result";
import { createRateLimiter } from "@/lib/http/rate-limit";
import { requireGate } from "./gate";
import { msg } from "@/lib/i18n/message";

/**
 * The client's address. Behind a proxy (TRUST_PROXY=true) the last X-Forwarded-For entry, the one the proxy
 * added; otherwise the socket's address, which Next.js puts in X-Forwarded-For once scripts/client-address.cjs
 * has dropped whatever the client sent.
 */
export async function clientAddress(): Promise<string> {
  const entries = ((await headers()).get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) return "unknown";
  return getEnv().TRUST_PROXY === "true" ? entries[entries.length - 1] : entries[0];
}

type Kind = "sign-in" | "probe";
const limiters = new Map<Kind, ReturnType<typeof createRateLimiter>>();

function limiter(kind: Kind) {
  let l = limiters.get(kind);
  if (!l) {
    const perMinute = getEnv().LOGIN_RATE_LIMIT_PER_MINUTE;
    l = createRateLimiter(kind === "probe" ? perMinute * 3 : perMinute, 60_000);
    limiters.set(kind, l);
  }
  return l;
}

/**
 * Anonymous sign-ins and homeserver probes per client address; a failure to return, or null. Behind the
 * organisation gate (when on): a stranger is sent to the gate before anything is probed or counted.
 */
export async function limitAnonymous(kind: Kind): Promise<{ ok: false; error: ActionError } | null> {
  await requireGate();
  const verdict = limiter(kind).take(await clientAddress());
  if (verdict.ok) return null;
  const s = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
  return { ok: false, error: { code: "PORTAL_RATE_LIMITED", message: msg("errors.PORTAL_RATE_LIMITED", { seconds: s }) } };
}
