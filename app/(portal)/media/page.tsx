import { requireAdmin } from "@/lib/auth/require-admin";
import { ComingSoon } from "../_components/coming-soon";

export default async function MediaPage() {
  await requireAdmin();
  return <ComingSoon title="Media" what="See media usage and reclaim disk space." />;
}
