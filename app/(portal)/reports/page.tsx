import { requireAdmin } from "@/lib/auth/require-admin";
import { ComingSoon } from "../_components/coming-soon";

export default async function ReportsPage() {
  await requireAdmin();
  return <ComingSoon title="Reports" what="Triage reported events." />;
}
