// Portal roles and the one question asked of them, on the server (the one door) and in the UI. Client-safe.

export const ROLES = ["viewer", "operator", "owner"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, operator: 1, owner: 2 };

/** May someone with `role` do what needs `need`? A missing role can do nothing. */
export function can(role: Role | null | undefined, need: Role): boolean {
  return role != null && RANK[role] >= RANK[need];
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: "reads everything, changes nothing",
  operator: "user and room actions, imports, notices",
  owner: "everything, including media deletion, room deletion, history purges and the portal's settings",
};

/** Server admin rights on Synapse are the keys to everything: only an owner grants or removes them. */
export function adminFlagRefusal(role: Role, from: boolean, to: boolean): string | null {
  return from !== to && !can(role, "owner") ? "Only a portal owner may make a user a server admin or take the rights away." : null;
}
