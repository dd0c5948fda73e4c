import { useTranslations } from "next-intl";
import { NavTabs } from "./nav-tabs";

const ITEMS = [
  { href: "/users", key: "users" },
  { href: "/rooms", key: "rooms" },
  { href: "/media", key: "media" },
  { href: "/reports", key: "reports" },
  { href: "/jobs", key: "jobs" },
  { href: "/server", key: "server" },
  { href: "/audit", key: "audit" },
] as const;
const OWNER_ITEMS = [{ href: "/settings", key: "settings" }] as const;

export function PortalNav({ owner }: { owner: boolean }) {
  const t = useTranslations("kit.nav");
  const items = [...ITEMS, ...(owner ? OWNER_ITEMS : [])].map((i) => ({ href: i.href, label: t(i.key) }));
  return <NavTabs label={t("main")} items={items} menu={{ toggle: t("menu") }} />;
}
