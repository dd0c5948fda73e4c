import { getTranslations } from "next-intl/server";
import { USER_BULK_KIND } from "@/lib/jobs/user-bulk";
import { BULK_ACTIONS, type BulkAction } from "@/lib/schemas/users";
import { BulkJobPage } from "@/app/(portal)/_components/bulk-job-page";
import type { PageProps } from "@/app/(portal)/_components/page-read";
import { withClientMessages } from "@/app/_i18n/client-messages";

export async function generateMetadata({ params }: PageProps<{ jobId: string }>) {
  const t = await getTranslations("userBulk");
  return { title: t("metaTitle", { id: (await params).jobId }) };
}

async function UserBulkJobPage(props: PageProps<{ jobId: string }>) {
  const t = await getTranslations("userBulk");
  const tu = await getTranslations("users");
  const name = (a: string | undefined) => (BULK_ACTIONS.includes((a ?? "lock") as BulkAction) ? t(`actions.${(a ?? "lock") as BulkAction}`) : (a ?? ""));
  return <BulkJobPage page={props} kind={USER_BULK_KIND} back={{ href: "/users", label: tu("title") }} title={(a) => t("title", { action: name(a) })} items="users" />;
}

export default withClientMessages("(portal)/users/bulk/[jobId]", UserBulkJobPage);
