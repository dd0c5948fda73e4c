import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import { serverNameOf } from "@/lib/matrix/mxid";
import { passwordPolicyHint } from "@/lib/synapse/password-policy";
import { CreateUserForm } from "../_components/create-user-form";
import { withClientMessages } from "@/app/_i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("users.create");
  return { title: t("title") };
}

async function NewUserPage() {
  const admin = await requireAdmin();
  const t = await getTranslations("users");
  return (
    <section className="flex max-w-2xl flex-col gap-4">
      <Link href="/users" className="text-sm hover:underline">
        ← {t("title")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("create.title")}</h1>
      <CreateUserForm serverName={serverNameOf(admin.actor)} policyHint={await passwordPolicyHint(admin.homeserver)} delegated={admin.delegated} />
    </section>
  );
}

export default withClientMessages("(portal)/users/new", NewUserPage);
