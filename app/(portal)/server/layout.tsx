import { requireAdmin } from "@/lib/auth/require-admin";
import { ServerTabs } from "./_components/server-tabs";

export default async function ServerLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Server</h1>
      <ServerTabs />
      {children}
    </section>
  );
}
