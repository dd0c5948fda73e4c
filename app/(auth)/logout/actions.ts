"use server";
// Signing out revokes the portal's token on Synapse, then forgets the cookie (and the gate's session).
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/sign-out";

export async function logoutAction(): Promise<void> {
  redirect(await signOut());
}
