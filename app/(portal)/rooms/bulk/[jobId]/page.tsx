import { getTranslations } from "next-intl/server";
import { ROOM_BULK_KIND } from "@/lib/jobs/room-bulk";
import { ROOM_BULK_ACTIONS, type RoomBulkAction } from "@/lib/schemas/rooms";
import { BulkJobPage } from "@/app/(portal)/_components/bulk-job-page";
import type { PageProps } from "@/app/(portal)/_components/page-read";
import { withClientMessages } from "@/app/_i18n/client-messages";

async function RoomBulkJobPage(props: PageProps<{ jobId: string }>) {
  const t = await getTranslations("rooms");
  const known = (a: string | undefined): a is RoomBulkAction => (ROOM_BULK_ACTIONS as readonly string[]).includes(a ?? "");
  return (
    <BulkJobPage
      page={props}
      kind={ROOM_BULK_KIND}
      back={{ href: "/rooms", label: t("list.title") }}
      title={(a) => t("bulk.jobTitle", { action: known(a) ? t(`bulk.actions.${a}`) : (a ?? t("bulk.actions.block")) })}
      items="rooms"
    />
  );
}

export default withClientMessages("(portal)/rooms/bulk/[jobId]", RoomBulkJobPage);
