"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { deleteUserReportAction, setUserReportResolvedAction } from "../users/actions";
import { ConfirmButton } from "@/app/(portal)/_components/dialog";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";

export function UserReportActions({ reportId, resolved }: { reportId: number; resolved: boolean }) {
  const t = useTranslations("reports.actions");
  const router = useRouter();
  const toggle = useAction();
  const remove = useAction();
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <button
          type="button"
          className={resolved ? "btn-secondary self-start" : "btn-primary self-start"}
          disabled={toggle.pending}
          onClick={() =>
            toggle.run(() => setUserReportResolvedAction({ reportId, resolved: !resolved }), (d) => (d.resolved ? t("resolved") : t("reopened")))
          }
        >
          {resolved ? t("reopen") : t("resolve")}
        </button>
        <OutcomeLine outcome={toggle.outcome} />
      </div>
      <div className="flex flex-col gap-1">
        <ConfirmButton
          label={t("delete.label")}
          confirmLabel={t("delete.confirm")}
          question={t("delete.questionUser")}
          danger
          pending={remove.pending}
          onConfirm={() =>
            remove.run(
              () => deleteUserReportAction({ reportId }),
              () => {
                router.push("/reports/users");
                return t("delete.done");
              },
            )
          }
        />
        <OutcomeLine outcome={remove.outcome} />
      </div>
    </div>
  );
}
