import "server-only";
import type { AdminContext } from "@/lib/auth/require-admin";
import { record, type AuditedAction } from "@/lib/audit/record";
import { can, type Role } from "@/lib/roles";
import { msg } from "@/lib/i18n/message";
import { getMessageRenderer } from "@/lib/i18n/server";

/**
 * The role half of the one door, for actions and route handlers: null when the admin's portal role may do
 * what needs `need`; otherwise the refusal they read, and the attempt is in the audit log as "forbidden".
 */
export async function refuseRole(admin: AdminContext, need: Role, what: () => AuditedAction): Promise<string | null> {
  if (can(admin.role, need)) return null;
  const message = msg("errors.ROLE_REFUSED", { role: msg(`header.roles.${admin.role}`), need: msg(`header.roles.${need}`) });
  await record(admin, what(), "forbidden", message);
  return message;
}

/** refuseRole for route handlers: a 403 JSON answer, or null to go on. */
export async function refuseRoleResponse(admin: AdminContext, need: Role, what: AuditedAction): Promise<Response | null> {
  const message = await refuseRole(admin, need, () => what);
  return message ? Response.json({ error: { code: "FORBIDDEN", message: (await getMessageRenderer())(message) } }, { status: 403 }) : null;
}
