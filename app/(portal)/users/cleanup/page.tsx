import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import type { PageProps } from "@/app/(portal)/_components/page-read";
import { CleanupForm } from "../_components/cleanup-form";

/** One durable job that cleans up after a spam wave; reached from a user, a report, or directly. */
export default async function CleanupPage({ searchParams }: PageProps<object>) {
  await requireAdmin();
  const raw = (await searchParams).users;
  const users = (Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((u) => u.split(",")).map((u) => u.trim()).filter(Boolean).slice(0, 200);
  return (
    <section className="flex flex-col gap-4">
      <Link href="/users" className="text-sm">
        ← Users
      </Link>
      <h1 className="text-2xl font-semibold">Spam clean-up</h1>
      <p className="text-sm text-muted">
        For each user: redact their events (first, while they are still in the rooms), delete their uploads, make them leave their rooms, and deactivate the
        account. Each step has its own result; the job survives a restart and is recorded in the audit log.
      </p>
      <CleanupForm initialUsers={users.join("\n")} />
    </section>
  );
}
