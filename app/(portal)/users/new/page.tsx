import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { serverNameOf } from "@/lib/matrix/mxid";
import { passwordPolicyHint } from "@/lib/synapse/password-policy";
import { CreateUserForm } from "../_components/create-user-form";

export default async function NewUserPage() {
  const admin = await requireAdmin();
  return (
    <section className="flex max-w-2xl flex-col gap-4">
      <Link href="/users" className="text-sm hover:underline">
        ← Users
      </Link>
      <h1 className="text-2xl font-semibold">Create user</h1>
      <CreateUserForm serverName={serverNameOf(admin.actor)} policyHint={await passwordPolicyHint(admin.homeserver)} delegated={admin.delegated} />
    </section>
  );
}
