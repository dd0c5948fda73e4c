import { requireAdmin } from "@/lib/auth/require-admin";
import { getTranslations } from "next-intl/server";
import { ServerTabs } from "./_components/server-tabs";

export default async function ServerLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  const t = await getTranslations("server");
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <ServerTabs />
      {children}
    </section>
  );
}
