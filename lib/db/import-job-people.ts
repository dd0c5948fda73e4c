import "server-only";
import { db } from "./client";

/** Who (the organisation person behind the admin, gate on) started and cancelled an import job. */
export type ImportJobPeople = { startedBy: string | null; cancelledBy: string | null };

export async function noteImportJobPeople(homeserver: string, id: number, people: Partial<ImportJobPeople>): Promise<void> {
  await db().importJob.updateMany({ where: { id, homeserver }, data: people });
}

export async function getImportJobPeople(homeserver: string, id: number): Promise<ImportJobPeople | null> {
  return db().importJob.findFirst({ where: { id, homeserver }, select: { startedBy: true, cancelledBy: true } });
}
