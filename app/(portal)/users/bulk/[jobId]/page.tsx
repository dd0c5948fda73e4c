import { USER_BULK_KIND } from "@/lib/jobs/user-bulk";
import { BULK_ACTION_LABELS, type BulkAction } from "@/lib/schemas/users";
import { BulkJobPage } from "@/app/(portal)/_components/bulk-job-page";
import type { PageProps } from "@/app/(portal)/_components/page-read";

export default function UserBulkJobPage(props: PageProps<{ jobId: string }>) {
  return (
    <BulkJobPage
      page={props}
      kind={USER_BULK_KIND}
      back={{ href: "/users", label: "Users" }}
      title={(a) => `Bulk action: ${BULK_ACTION_LABELS[(a ?? "lock") as BulkAction] ?? a}`}
      items="users"
    />
  );
}
