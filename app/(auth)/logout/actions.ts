"use server";
// Signing out revokes the portal's token on Synapse, then forgets the cookie.
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/sign-out";

export async function logoutAction(): Promise<void> {
  await signOut();
  redirect("/login?reason=signed-out");
}
