import Link from "next/link";
import type { ReactNode } from "react";

/** A user ID linking to the user's page (the users section). */
export function UserLink({ userId, className = "underline" }: { userId: string; className?: string }) {
  return (
    <Link href={`/users/${encodeURIComponent(userId)}`} className={className}>
      {userId}
    </Link>
  );
}

/** A room (its ID, or `children` such as its name) linking to the room's page (the rooms section). */
export function RoomLink({ roomId, className = "underline", children }: { roomId: string; className?: string; children?: ReactNode }) {
  return (
    <Link href={`/rooms/${encodeURIComponent(roomId)}`} className={className}>
      {children ?? roomId}
    </Link>
  );
}

/** A list's table cell holding a user link (senders, reporters, reported users). */
export function UserCell({ userId }: { userId: string }) {
  return (
    <td className="py-2 pr-3 break-all">
      <UserLink userId={userId} />
    </td>
  );
}
