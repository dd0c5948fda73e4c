import { requireAdmin } from "@/lib/auth/require-admin";
import { TEMPLATE_CSV } from "@/lib/csv/user-columns";

// The import file template: every column the import understands, with one example row.
export async function GET() {
  await requireAdmin();
  return new Response(TEMPLATE_CSV, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="user-import-template.csv"',
      "cache-control": "no-store",
    },
  });
}
