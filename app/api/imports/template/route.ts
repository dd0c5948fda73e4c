import { requireAdmin } from "@/lib/auth/require-admin";
import { TEMPLATE_CSV } from "@/lib/csv/user-columns";
import { csvDownload } from "@/lib/http/csv-download";

// The import file template: every column the import understands, with one example row.
export async function GET() {
  await requireAdmin();
  return csvDownload(TEMPLATE_CSV, "user-import-template.csv");
}
