import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { can } from "@/lib/roles";
import { getEnv } from "@/lib/env";
import { serverNameOf } from "@/lib/matrix/mxid";
import { ImportForm } from "./_components/import-form";

export default async function ImportUsersPage() {
  const admin = await requireAdmin();
  return (
    <section className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/users">Users</Link> / CSV import
      </nav>
      <h1 className="text-2xl font-semibold">Import users from CSV</h1>
      <div className="card flex flex-col gap-2 text-sm">
        <p>
          One user per line under a header row, compatible with synapse-admin&apos;s files:{" "}
          <code>id,displayname,password,is_guest,admin,deactivated</code>, and optionally <code>avatar_url</code>, <code>user_type</code>,{" "}
          <code>threepids</code> (<code>email:a@example.org;msisdn:+4915112345678</code>) and <code>locked</code>. Column names may be in any order
          and any case; an <code>id</code> is a user name or a full ID on <strong>{serverNameOf(admin.actor)}</strong>. True/false cells also
          accept 1/0, yes/no and on/off.
        </p>
        <p>
          <a href="/api/imports/template" download className="underline">
            Download the template
          </a>{" "}
          · The import runs on the server: you can close this tab, and it survives a restart. Every import is listed under{" "}
          <Link href="/jobs" className="underline">
            Jobs
          </Link>
          .
        </p>
      </div>
      {can(admin.role, "operator") ? (
        <ImportForm maxBytes={getEnv().IMPORT_MAX_BYTES} />
      ) : (
        <p className="card text-sm" role="status">
          Your portal role ({admin.role}) cannot import users; it needs operator.
        </p>
      )}
    </section>
  );
}
