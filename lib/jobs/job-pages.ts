// Where each kind of the runtime is followed, and the key of its name in lists (jobs.kinds.*, /jobs). A new kind adds a line.
import { DASHBOARD_ACTIVITY_KIND } from "./dashboard-activity";
import { NOTICE_BROADCAST_KIND } from "./notice-broadcast";
import { ROOM_BULK_KIND } from "./room-bulk";
import { USER_BULK_KIND } from "./user-bulk";

export type KindName = "userBulk" | "roomBulk" | "noticeBroadcast" | "dashboardActivity";

const PAGES: Record<string, { kind: KindName; href: (id: number) => string }> = {
  [USER_BULK_KIND]: { kind: "userBulk", href: (id) => `/users/bulk/${id}` },
  [ROOM_BULK_KIND]: { kind: "roomBulk", href: (id) => `/rooms/bulk/${id}` },
  [NOTICE_BROADCAST_KIND]: { kind: "noticeBroadcast", href: (id) => `/server/notices/${id}` },
  [DASHBOARD_ACTIVITY_KIND]: { kind: "dashboardActivity", href: () => "/" },
};

/** A kind without a page (a room purge, a media deletion) is named by its kind string. */
export function jobPage(kind: string, id: number): { kind: KindName | null; href: string | null } {
  const p = PAGES[kind];
  return p ? { kind: p.kind, href: p.href(id) } : { kind: null, href: null };
}
