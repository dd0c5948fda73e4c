/** What a homeserver's MAS owns, so the portal must not change it through Synapse (MAS would undo or be bypassed). */
export type MasOwned = "passwords" | "contacts" | "devices";

const WHAT: Record<MasOwned, string> = {
  passwords: "A user's password is",
  contacts: "A user's e-mail addresses and phone numbers are",
  devices: "A user's devices (sessions) are",
};

/** The refusal an admin reads when an action would change what MAS owns; null when it may go to Synapse. */
export function masOwnedRefusal(delegated: boolean, owned: MasOwned | null | undefined): string | null {
  if (!delegated || !owned) return null;
  return `${WHAT[owned]} managed by your Matrix Authentication Service; use its admin (the MAS page or MAS's own admin tools) instead. Nothing was sent to Synapse.`;
}

/** The note beside hidden controls on the user pages. */
export const MAS_OWNED_NOTE =
  "managed by your Matrix Authentication Service; use its admin (this homeserver delegates authentication to MAS, so the portal does not change them through Synapse).";
