import { requireAdmin } from "@/lib/auth/require-admin";
import { ComingSoon } from "../_components/coming-soon";

export default async function UsersPage() {
  await requireAdmin();
  return <ComingSoon title="Users" what="Search, create, edit and deactivate user accounts." />;
}
