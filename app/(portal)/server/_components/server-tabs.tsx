import { NavTabs } from "@/app/(portal)/_components/nav-tabs";

const TABS = [
  { href: "/server/registration-tokens", label: "Registration tokens" },
  { href: "/server/federation", label: "Federation" },
  { href: "/server/background-updates", label: "Background updates" },
  { href: "/server/scheduled-tasks", label: "Scheduled tasks" },
  { href: "/server/notices", label: "Notices" },
];

/** The Server section's pages. */
export function ServerTabs() {
  return <NavTabs label="Server" items={TABS} />;
}
