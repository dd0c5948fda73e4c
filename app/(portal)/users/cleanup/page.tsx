import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import type { PageProps } from "@/app/(portal)/_components/page-read";
import { CleanupForm } from "../_components/cleanup-form";
import { withClientMessages } from "@/app/_i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("moderation.cleanup");
  return { title: t("title") };
}

/** One durable job that cleans up after a spam wave; reached from a user, a report, or directly. */
async function CleanupPage({ searchParams }: PageProps<object>) {
  await requireAdmin();
  const t = await getTranslations("moderation.cleanup");
  const tu = await getTranslations("users");
  const raw = (await searchParams).users;
  const users = (Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((u) => u.split(",")).map((u) => u.trim()).filter(Boolean).slice(0, 200);
  return (
    <section className="flex flex-col gap-4">
      <Link href="/users" className="text-sm">
        ← {tu("title")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-muted">
        {t("intro")}
      </p>
      <CleanupForm initialUsers={users.join("\n")} />
    </section>
  );
}

export default withClientMessages("(portal)/users/cleanup", CleanupPage);
