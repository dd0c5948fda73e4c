"use client";
import { createContext, useContext } from "react";
import { can, type Role } from "@/lib/roles";

// The signed-in person's portal role, for hiding what they cannot do. Cosmetics only: every action and
// route checks the role again on the server (lib/actions/admin-action.ts).
const RoleContext = createContext<Role>("viewer");

export function RoleProvider({ role, children }: { role: Role; children: React.ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

/** May the signed-in person do what needs `need`? */
export function useCan(need: Role): boolean {
  return can(useContext(RoleContext), need);
}

/** Shows its children only to a role that may do what needs `need`. */
export function IfCan({ need, children }: { need: Role; children: React.ReactNode }) {
  return useCan(need) ? <>{children}</> : null;
}
