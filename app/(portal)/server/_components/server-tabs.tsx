import { useTranslations } from "next-intl";
import { NavTabs } from "@/app/(portal)/_components/nav-tabs";

const TABS = ["registration-tokens", "federation", "background-updates", "scheduled-tasks", "notices"] as const;

/** The Server section's pages. */
export function ServerTabs() {
  const t = useTranslations("server.tabs");
  return <NavTabs label={t("label")} items={TABS.map((tab) => ({ href: `/server/${tab}`, label: t(tab) }))} />;
}
