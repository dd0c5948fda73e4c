import { msg } from "@/lib/i18n/message";

/** What a homeserver's MAS owns, so the portal must not change it through Synapse (MAS would undo or be bypassed). */
export type MasOwned = "passwords" | "contacts" | "devices";

/** The refusal an admin reads when an action would change what MAS owns; null when it may go to Synapse. */
export function masOwnedRefusal(delegated: boolean, owned: MasOwned | null | undefined): string | null {
  if (!delegated || !owned) return null;
  return msg("errors.MAS_OWNED", { what: owned });
}
