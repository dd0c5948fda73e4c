// Where each kind of the runtime is followed, and its name in lists (/jobs). A new kind adds a line.
import { DASHBOARD_ACTIVITY_KIND } from "./dashboard-activity";
import { NOTICE_BROADCAST_KIND } from "./notice-broadcast";
import { ROOM_BULK_KIND } from "./room-bulk";
import { USER_BULK_KIND } from "./user-bulk";

const PAGES: Record<string, { label: string; href: (id: number) => string }> = {
  [USER_BULK_KIND]: { label: "Bulk user action", href: (id) => `/users/bulk/${id}` },
  [ROOM_BULK_KIND]: { label: "Bulk room action", href: (id) => `/rooms/bulk/${id}` },
  [NOTICE_BROADCAST_KIND]: { label: "Server notice broadcast", href: (id) => `/server/notices/${id}` },
  [DASHBOARD_ACTIVITY_KIND]: { label: "Dashboard figures (active users, registrations)", href: () => "/" },
};

export function jobPage(kind: string, id: number): { label: string; href: string | null } {
  const p = PAGES[kind];
  return p ? { label: p.label, href: p.href(id) } : { label: kind, href: null };
}
