"use client";
import { useRouter } from "next/navigation";
import { deleteUserReportAction, setUserReportResolvedAction } from "../users/actions";
import { ConfirmButton } from "@/app/(portal)/_components/dialog";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";

export function UserReportActions({ reportId, resolved }: { reportId: number; resolved: boolean }) {
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
            toggle.run(() => setUserReportResolvedAction({ reportId, resolved: !resolved }), (d) => (d.resolved ? "Marked as resolved." : "Marked as unresolved."))
          }
        >
          {resolved ? "Reopen (mark unresolved)" : "Mark as resolved"}
        </button>
        <OutcomeLine outcome={toggle.outcome} />
      </div>
      <div className="flex flex-col gap-1">
        <ConfirmButton
          label="Delete report"
          confirmLabel="Delete"
          question="Delete this report from Synapse? The reported user is not changed."
          danger
          pending={remove.pending}
          onConfirm={() =>
            remove.run(
              () => deleteUserReportAction({ reportId }),
              () => {
                router.push("/reports/users");
                return "The report was deleted.";
              },
            )
          }
        />
        <OutcomeLine outcome={remove.outcome} />
      </div>
    </div>
  );
}
