import { requireAdmin } from "@/lib/auth/require-admin";
import { ComingSoon } from "../_components/coming-soon";

export default async function JobsPage() {
  await requireAdmin();
  return <ComingSoon title="Jobs" what="CSV imports and purges run here as durable jobs." />;
}
