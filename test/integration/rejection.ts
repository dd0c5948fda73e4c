// The one "this call must fail with that error" helper for the integration tests.
import assert from "node:assert/strict";
import { describeError, PortalRefusal } from "@/lib/synapse/describe-error";
import { HomeserverUnreachableError, SynapseError } from "@/lib/synapse/errors";
import { messageIn } from "@/lib/i18n/translator";

type ErrorClass<E> = abstract new (...args: never[]) => E;

/** Awaits `p`, which must reject with an error of `kind`; returns that error for further checks. */
export async function rejection<E extends Error>(p: Promise<unknown>, kind: ErrorClass<E>): Promise<E> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof kind, `expected ${kind.name}, got ${(e as Error)?.name}: ${(e as Error)?.message}`);
    return e;
  }
  assert.fail(`expected a ${kind.name}`);
}

export const synapseError = (p: Promise<unknown>) => rejection(p, SynapseError);
export const unreachable = (p: Promise<unknown>) => rejection(p, HomeserverUnreachableError);
/** A refusal the portal made itself, as the admin reads it (in English). */
export const refusal = async (p: Promise<unknown>) => described(await rejection(p, PortalRefusal));

/** describeError with its message rendered as the admin reads it (English unless told). */
export function described(e: unknown, context?: Parameters<typeof describeError>[1], locale: "en" | "de" = "en") {
  const ui = describeError(e, context);
  return { ...ui, message: messageIn(ui.message, locale) };
}
/** For assert.rejects: the error's message, in English (portal messages are references), matches `re`. */
export const inEnglish = (re: RegExp) => (e: unknown) => e instanceof Error && re.test(messageIn(e.message, "en"));
