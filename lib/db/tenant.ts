import "server-only";
import { completeAuditEntry, insertAuditEntry, listAuditEntries, AUDIT_STARTED, type AuditFilter, type AuditRecord } from "./audit";
import {
  bytesFreedSince,
  finishPurgeRecord,
  getPurgeRecord,
  listPurgeRecords,
  findJobPurgeRecord,
  setPurgeTaskId,
  startPurgeRecord,
  type PurgeFilter,
  type PurgeStart,
} from "./purge-history";
import { countItems, createJob, deleteEndedJobs, findJob, listItems, listJobs, requestJobCancel, transitionJob, type ItemStatus, type JobCreate, type JobFilter, type JobStatus, type JobUpdate } from "./jobs";
import {
  claimActivityRefresh,
  getActivitySnapshot,
  noteActivityJob,
  releaseActivityRefresh,
  saveActivitySnapshot,
  type ActivityFigures,
  type RefreshClaim,
} from "./activity-snapshots";
import { getHomeserverSettings, setManagedUserPattern } from "./homeserver-settings";
import { findOAuthClientId, forgetOAuthClient, saveOAuthClientId } from "./oauth-clients";
import { clearReportResolution, getResolutions, resolveReport, type ReportKind } from "./report-triage";
import { getImportJobPeople, noteImportJobPeople, type ImportJobPeople } from "./import-job-people";
import {
  createImportJob,
  deleteImportJob,
  findImportJob,
  followUpOf,
  isImportJobOf,
  listImportJobs,
  transitionImportJob,
  updateImportJob,
  type ImportJobFilter,
} from "./import-jobs";
import {
  countFilePasswords,
  countGeneratedPasswords,
  countImportRows,
  countRowsFinishedSince,
  finishRowsInStatus,
  insertImportRows,
  listImportRows,
  moveRowsToJob,
  purgeRowPasswords,
  rowsAfterId,
} from "./import-rows";

/**
 * How the rows of every Prisma model belong to a homeserver: its own `homeserver` column, or through the
 * relation to a model that has one. test/unit/tenant-scope.test.ts fails when a model of the schema is
 * missing here, so a new table has to say how it is scoped and get a repository below.
 */
export const TENANT_SCOPE = {
  AuditEntry: { column: "homeserver" },
  PurgeRecord: { column: "homeserver" },
  ReportTriage: { column: "homeserver" },
  ImportJob: { column: "homeserver" },
  ImportRow: { through: "ImportJob" },
  Job: { column: "homeserver" },
  JobItem: { through: "Job" },
  ActivitySnapshot: { column: "homeserver" },
  HomeserverSetting: { column: "homeserver" },
  // The network policy's list of private homeservers admins have signed in to: about homeservers, not theirs.
  PinnedHomeserver: { portalWide: "lib/db/pinned-homeservers.ts" },
  // The portal's OAuth client per homeserver and issuer (MAS); read by lib/db/oauth-clients.ts with both named.
  OAuthClient: { column: "homeserver" },
} as const;

/** A record asked for by id that is not this homeserver's: to the admin it does not exist. */
export class NotThisHomeserversRecord extends Error {
  readonly name = "NotThisHomeserversRecord";
}

/**
 * The one door to stored records for requests made by an admin: every read, list, count, export and change
 * is bound to the admin's homeserver, so a row of another homeserver is never seen (pages turn null into a
 * 404). Pages, routes, actions and the commands they call use only this; the background workers use the
 * by-id functions of the aggregate files for the job they already hold.
 */
export function forHomeserver(homeserver: string) {
  // Import rows are scoped through their job: check the job once, then act on its rows.
  const ofOwnJob =
    <A extends unknown[], R>(fn: (jobId: number, ...args: A) => Promise<R>) =>
    async (jobId: number, ...args: A): Promise<R> => {
      if (!(await isImportJobOf(homeserver, jobId))) throw new NotThisHomeserversRecord(`import job ${jobId} is not on this homeserver`);
      return fn(jobId, ...args);
    };
  return {
    homeserver,
    audit: {
      list: (f: AuditFilter, page: { skip: number; take: number }) => listAuditEntries(homeserver, f, page),
      /** An entry of something that already happened, with its outcome. */
      insert: (e: Omit<AuditRecord, "homeserver">) => insertAuditEntry({ ...e, homeserver }),
      /** Written before the action runs, so a crash midway still leaves it in the log (as "started"). */
      start: (e: Omit<AuditRecord, "homeserver" | "outcome">) => insertAuditEntry({ ...e, homeserver, outcome: AUDIT_STARTED }),
      complete: (id: number, outcome: string, message?: string | null) => completeAuditEntry(homeserver, id, outcome, message),
    },
    oauthClients: {
      find: (issuer: string, redirectUri: string) => findOAuthClientId(homeserver, issuer, redirectUri),
      save: (issuer: string, redirectUri: string, clientId: string) => saveOAuthClientId(homeserver, issuer, redirectUri, clientId),
      forget: (issuer: string, redirectUri: string) => forgetOAuthClient(homeserver, issuer, redirectUri),
    },
    purges: {
      list: (f: PurgeFilter, page: { skip: number; take: number }) => listPurgeRecords(homeserver, f, page),
      get: (id: number) => getPurgeRecord(homeserver, id),
      ofJob: (jobId: number, target: string | null) => findJobPurgeRecord(homeserver, jobId, target),
      bytesFreedSince: (since: Date) => bytesFreedSince(homeserver, since),
      start: (p: Omit<PurgeStart, "homeserver">) => startPurgeRecord({ ...p, homeserver }),
      setTaskId: (id: number, synapseTaskId: string) => setPurgeTaskId(homeserver, id, synapseTaskId),
      finish: (id: number, end: Parameters<typeof finishPurgeRecord>[2]) => finishPurgeRecord(homeserver, id, end),
    },
    reportTriage: {
      get: (reportIds: number[], kind?: ReportKind) => getResolutions(homeserver, reportIds, kind),
      resolve: (reportId: number, actor: string, kind?: ReportKind) => resolveReport(homeserver, reportId, actor, kind),
      clear: (reportId: number, kind?: ReportKind) => clearReportResolution(homeserver, reportId, kind),
    },
    jobs: {
      get: (id: number) => findJob(homeserver, id),
      list: (f: JobFilter, page: { skip: number; take: number }) => listJobs(homeserver, f, page),
      create: (j: Omit<JobCreate, "homeserver">) => createJob({ ...j, homeserver }),
      transition: (id: number, from: JobStatus[], u: JobUpdate & { status: JobStatus }) => transitionJob(homeserver, id, from, u),
      requestCancel: (id: number, by: string) => requestJobCancel(homeserver, id, by),
      deleteEnded: (kind: string, keepId: number) => deleteEndedJobs(homeserver, kind, keepId),
      countItems: async (id: number) => ((await findJob(homeserver, id)) ? countItems(id) : null),
      listItems: async (id: number, f: { statuses?: ItemStatus[] }, page: { skip: number; take: number }) =>
        (await findJob(homeserver, id)) ? listItems(id, f, page) : null,
    },
    /** The dashboard's stored user activity figures (lib/jobs/dashboard-activity.ts computes them). */
    activity: {
      get: () => getActivitySnapshot(homeserver),
      claimRefresh: (c: RefreshClaim) => claimActivityRefresh(homeserver, c),
      noteJob: (jobId: number) => noteActivityJob(homeserver, jobId),
      save: (f: ActivityFigures, computedAt: Date) => saveActivitySnapshot(homeserver, f, computedAt),
      release: (error: string | null) => releaseActivityRefresh(homeserver, error),
    },
    settings: {
      get: () => getHomeserverSettings(homeserver),
      setManagedUserPattern: (pattern: string | null, actor: string) => setManagedUserPattern(homeserver, pattern, actor),
    },
    importJobs: {
      /** null for another homeserver's job and for an upload still being stored. */
      get: (id: number) => findImportJob(homeserver, id),
      list: (f: Omit<ImportJobFilter, "homeserver">, page: { skip: number; take: number }) => listImportJobs({ ...f, homeserver }, page),
      create: (j: Omit<Parameters<typeof createImportJob>[0], "homeserver">) => createImportJob({ ...j, homeserver }),
      update: ofOwnJob(updateImportJob),
      transition: ofOwnJob(transitionImportJob),
      delete: ofOwnJob(deleteImportJob),
      followUpOf: ofOwnJob(followUpOf),
      /** Who started / cancelled it (organisation people); only this homeserver's job. */
      notePeople: (id: number, people: Partial<ImportJobPeople>) => noteImportJobPeople(homeserver, id, people),
      people: (id: number) => getImportJobPeople(homeserver, id),
    },
    importRows: {
      insert: ofOwnJob(insertImportRows),
      count: ofOwnJob(countImportRows),
      finishedSince: ofOwnJob(countRowsFinishedSince),
      list: ofOwnJob(listImportRows),
      afterId: ofOwnJob(rowsAfterId),
      finishInStatus: ofOwnJob(finishRowsInStatus),
      purgePasswords: ofOwnJob(purgeRowPasswords),
      countFilePasswords: ofOwnJob(countFilePasswords),
      countGeneratedPasswords: ofOwnJob(countGeneratedPasswords),
      /** Both jobs must be this homeserver's. */
      moveToJob: ofOwnJob(async (fromJobId: number, toJobId: number, statuses: Parameters<typeof moveRowsToJob>[2], keepUserIds: boolean) => {
        if (!(await isImportJobOf(homeserver, toJobId))) throw new NotThisHomeserversRecord(`import job ${toJobId} is not on this homeserver`);
        return moveRowsToJob(fromJobId, toJobId, statuses, keepUserIds);
      }),
    },
  };
}

export type TenantDb = ReturnType<typeof forHomeserver>;
export { AUDIT_STARTED };
export type { AuditRow } from "./audit";
export type { HomeserverSettings } from "./homeserver-settings";
export type { PurgeRow, PurgeKind } from "./purge-history";
export type { ImportJobRecord } from "./import-jobs";
export type { JobRecord, JobItemRecord, JobStatus, ItemStatus } from "./jobs";
// A kind tells a write refused for a lost lease from a failure of its own work.
export { LeaseLost } from "./jobs";
export { FollowUpExists } from "./import-jobs";
export type { ActivityFigures, ActivitySnapshotRecord } from "./activity-snapshots";
export type { ImportRowRecord, RowCounts } from "./import-rows";
