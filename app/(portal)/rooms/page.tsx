import { requireAdmin } from "@/lib/auth/require-admin";
import { ComingSoon } from "../_components/coming-soon";

export default async function RoomsPage() {
  await requireAdmin();
  return <ComingSoon title="Rooms" what="List, inspect, block and delete rooms, and purge chat history." />;
}
