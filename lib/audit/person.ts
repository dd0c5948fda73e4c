// The organisation person (gate on) as job records keep them, so a job's own audit entries name them too.
import type { AuditContext, AuditPerson } from "./record";

export function storePerson(p: AuditPerson): string {
  return JSON.stringify({ subject: p.subject, name: p.name, email: p.email });
}

export function storedPerson(s: string | null | undefined): AuditPerson | null {
  if (!s) return null;
  try {
    const p = JSON.parse(s) as Partial<AuditPerson>;
    return typeof p.subject === "string" ? { subject: p.subject, name: p.name ?? null, email: p.email ?? null } : null;
  } catch {
    return null;
  }
}

/** The audit context of an import worker's own entries: the job's admin, and the person who started it. */
export function importAuditContext(job: { actor: string; homeserver: string; startedBy: string | null }): AuditContext {
  return { actor: job.actor, homeserver: job.homeserver, person: storedPerson(job.startedBy) };
}
