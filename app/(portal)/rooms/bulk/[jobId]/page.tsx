import { ROOM_BULK_KIND } from "@/lib/jobs/room-bulk";
import { ROOM_BULK_LABELS, type RoomBulkAction } from "@/lib/schemas/rooms";
import { BulkJobPage } from "@/app/(portal)/_components/bulk-job-page";
import type { PageProps } from "@/app/(portal)/_components/page-read";

export default function RoomBulkJobPage(props: PageProps<{ jobId: string }>) {
  return (
    <BulkJobPage
      page={props}
      kind={ROOM_BULK_KIND}
      back={{ href: "/rooms", label: "Rooms" }}
      title={(a) => `Bulk room action: ${ROOM_BULK_LABELS[(a ?? "block") as RoomBulkAction] ?? a}`}
      items="rooms"
    />
  );
}
