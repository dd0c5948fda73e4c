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
const OWNER_ITEMS = [{ href: "/settings", label: "Settings" }];

export function PortalNav({ owner }: { owner: boolean }) {
  return <NavTabs label="Main" items={[...ITEMS, ...(owner ? OWNER_ITEMS : [])]} menu />;
}
