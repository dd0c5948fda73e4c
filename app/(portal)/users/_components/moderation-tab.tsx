import Link from "next/link";
import type { AdminContext } from "@/lib/auth/require-admin";
import type { UserDetail } from "@/lib/synapse/users";
import { listJoinedRooms } from "@/lib/synapse/user-data";
import { RedactEventsForm } from "./redact-events-form";

/** The user page's moderation tools: redact their events (and, below, the counters that help decide). */
export async function ModerationTab({ user, admin }: { user: UserDetail; admin: AdminContext }) {
  const { rooms } = await listJoinedRooms(admin.creds, user.userId);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        A spammer? <Link href={`/users/cleanup?users=${encodeURIComponent(user.userId)}`} className="underline">Spam clean-up</Link> redacts, deletes their files, removes
        them from rooms and deactivates them in one job.
      </p>
      <RedactEventsForm userId={user.userId} rooms={rooms.map((r) => ({ roomId: r.roomId, name: r.name ?? r.alias ?? null }))} />
    </div>
  );
}
