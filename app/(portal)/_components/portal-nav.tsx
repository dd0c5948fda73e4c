import { NavTabs } from "./nav-tabs";

const ITEMS = [
  { href: "/users", label: "Users" },
  { href: "/rooms", label: "Rooms" },
  { href: "/media", label: "Media" },
  { href: "/reports", label: "Reports" },
  { href: "/jobs", label: "Jobs" },
  { href: "/server", label: "Server" },
  { href: "/audit", label: "Audit" },
];

export function PortalNav() {
  return <NavTabs label="Main" items={ITEMS} menu />;
}
